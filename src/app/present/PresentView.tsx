import { X } from "lucide-react";
import { useEffect, useRef } from "react";
import { CompareSlider } from "../compare/CompareSlider";
import { readyVariants, useComparison } from "../compare/use-comparison";
import { useElementSize } from "../editor/use-element-size";
import type { RunRecord } from "../history/history-db";
import { useRun } from "../history/history-queries";
import { useAppStore } from "../store/store";
import { presentCaption } from "./present-caption";
import { usePresentKeys } from "./use-present-keys";

/** Full screen, dark, the comparison as large as it fits, captioned with what was done. */
export function PresentView({ runId }: { runId: string }) {
  const run = useRun(runId);
  const root = useRef<HTMLDivElement>(null);
  const setPresenting = useAppStore((s) => s.setPresenting);
  useKeepComparison();
  useEffect(() => {
    const element = root.current;
    // Fullscreen may be refused (no user gesture, embedded frame); the view works without it.
    element?.requestFullscreen?.().catch(() => {});
    const onChange = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [setPresenting]);
  return (
    <div
      ref={root}
      data-testid="present"
      role="dialog"
      aria-label="Presentation"
      className="fixed inset-0 z-50 flex flex-col bg-black text-neutral-100"
    >
      <button
        type="button"
        onClick={() => setPresenting(false)}
        className="absolute right-3 top-3 z-20 rounded p-1 text-neutral-400 hover:text-white"
        title="Leave (Esc)"
      >
        <X size={22} aria-label="Leave presentation" />
      </button>
      {run && <Stage run={run} />}
    </div>
  );
}

/**
 * Stepping through variants in the presentation is its own: on leaving, the editor's comparison
 * is back to the A and B the user had chosen.
 */
function useKeepComparison(): void {
  useEffect(() => {
    const { compareA, compareB } = useAppStore.getState();
    return () => {
      const { setCompareA, setCompareB } = useAppStore.getState();
      setCompareA(compareA);
      setCompareB(compareB);
    };
  }, []);
}

function Stage({ run }: { run: RunRecord }) {
  const frame = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(frame);
  const comparison = useComparison(run);
  const ready = readyVariants(run);
  usePresentKeys(ready);
  // Unlike the editor, a presentation enlarges small images to fill the screen.
  const scale = Math.min(
    Math.max(1, viewport.width - 48) / run.source.width,
    Math.max(1, viewport.height - 48 - 36) / run.source.height,
  );
  const position = comparison ? ready.indexOf(comparison.b) + 1 : 0;
  const { caption, done } = presentCaption(run.prompt, run.task);
  return (
    <>
      <div ref={frame} className="grid min-h-0 flex-1 place-items-center p-6">
        {comparison && viewport.width > 0 && (
          <CompareSlider
            key={`${comparison.a}:${comparison.b}`}
            a={comparison.sideA}
            b={comparison.sideB}
            overlay={comparison.overlay}
            start={comparison.start}
            content={run.source}
            width={Math.floor(run.source.width * scale)}
            height={Math.floor(run.source.height * scale)}
          />
        )}
      </div>
      <footer className="space-y-1 px-8 pb-6 text-center">
        {done && (
          <p
            data-testid="present-task"
            className="text-sm uppercase tracking-wide text-neutral-400"
          >
            {done}
          </p>
        )}
        <p data-testid="present-caption" className="text-2xl font-light">
          {caption}
        </p>
        <p data-testid="present-step" className="text-sm text-neutral-400">
          Variant {comparison ? comparison.b + 1 : "–"} · {position} of {ready.length} · ← → to step
          · Esc to leave
        </p>
      </footer>
    </>
  );
}
