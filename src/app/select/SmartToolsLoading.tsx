import { LoaderCircle } from "lucide-react";
import { useAppStore } from "../store/store";

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

const PANEL =
  "pointer-events-none absolute right-3 bottom-3 w-64 rounded-md bg-neutral-900/90 p-2 text-xs shadow-lg";

/**
 * OpenCV.js's download while object select waits for it, over the stage's corner
 * (the sidebar may be scrolled): a bar with the bytes received (11 MB takes seconds on a slow
 * line), then a spinner while it compiles.
 */
export function SmartToolsLoading() {
  const status = useAppStore((s) => s.smartToolsStatus);
  const { loaded, total } = useAppStore((s) => s.smartToolsDownload);
  const tool = useAppStore((s) => s.tool);
  if (status === "failed" && tool === "object")
    return <p className={`${PANEL} text-red-300`}>Object select could not load in this browser.</p>;
  if (status !== "loading") return null;
  const percent = total > 0 ? Math.min(100, Math.floor((100 * loaded) / total)) : 0;
  const fetched = total > 0 && loaded >= total;
  return (
    <div data-testid="smart-tools-loading" className={`${PANEL} space-y-1 text-neutral-300`}>
      <p className="flex items-center gap-1.5">
        <LoaderCircle size={13} className="animate-spin" aria-hidden />
        {fetched ? "Starting object select…" : "Loading object select…"}
        {total > 0 && (
          <span className="ml-auto tabular-nums text-neutral-400">
            {mb(loaded)} / {mb(total)} MB
          </span>
        )}
      </p>
      <div
        role="progressbar"
        aria-label="Object select download"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="smart-tools-progress"
        className="h-1 overflow-hidden rounded bg-neutral-700"
      >
        <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
