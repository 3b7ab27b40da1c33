import { X } from "lucide-react";
import { useRef, useState } from "react";
import { readyVariants, sideLabel } from "../compare/use-comparison";
import type { RunRecord } from "../history/history-db";
import { useAppStore } from "../store/store";
import { Slider } from "../ui/Slider";
import { useModalFocus } from "../ui/use-modal-focus";
import type { AnimationFormat } from "./animation-protocol";
import { useAnimationExport } from "./use-animation-export";
import { WIPE_DURATION, wipeSizes } from "./wipe-animation";

const button =
  "rounded-md bg-neutral-700 px-3 py-1.5 text-sm text-white hover:bg-neutral-600 disabled:opacity-40";

/** The wipe export: variant, length, size and format; made in a worker with a progress bar. */
export function AnimationDialog({ run, onClose }: { run: RunRecord; onClose: () => void }) {
  const ready = readyVariants(run);
  const compareB = useAppStore((s) => s.compareB);
  const [variant, setVariant] = useState(ready.includes(compareB) ? compareB : (ready[0] ?? 0));
  const [durationMs, setDuration] = useState<number>(WIPE_DURATION.default);
  const [width, setWidth] = useState<number>(640);
  const [format, setFormat] = useState<AnimationFormat>("gif");
  const exporter = useAnimationExport(run);
  const { progress, error } = exporter;
  const sizes = wipeSizes(run.source);
  // 640 wide unless the image is narrower: then its own size.
  const size = sizes.find((s) => s.width === width) ?? sizes[sizes.length - 1]!;
  const busy = progress !== null;
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, onClose);
  return (
    <div className="fixed inset-0 z-40 grid place-items-center bg-black/60 p-4" role="presentation">
      <div
        ref={dialog}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-label="Export a before/after animation"
        data-testid="animation-dialog"
        className="w-full max-w-sm space-y-3 rounded-lg bg-neutral-800 p-4 text-neutral-100 shadow-xl outline-none"
      >
        <header className="flex items-center justify-between">
          <h2 className="text-sm font-semibold">Before/after animation</h2>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className="rounded p-1 hover:bg-neutral-700"
          >
            <X size={16} />
          </button>
        </header>
        <NumberChoice
          label="After"
          testId="animation-variant"
          value={variant}
          onChange={setVariant}
          options={ready.map((index) => [index, sideLabel(index)])}
        />
        <Slider
          label="Length"
          testId="animation-duration"
          value={durationMs / 1000}
          display={`${durationMs / 1000} s`}
          min={WIPE_DURATION.min / 1000}
          max={WIPE_DURATION.max / 1000}
          step={0.5}
          onChange={(s) => setDuration(s * 1000)}
        />
        <NumberChoice
          label="Size"
          testId="animation-width"
          value={size.width}
          onChange={setWidth}
          options={sizes.map((s) => [s.width, s.label])}
        />
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Format</legend>
          {(["gif", "video"] as const).map((f) => (
            <label key={f} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="format"
                data-testid={`animation-format-${f}`}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              {f === "gif" ? "GIF" : "Video (MP4 or WebM)"}
            </label>
          ))}
        </fieldset>
        {busy && (
          <progress
            data-testid="animation-progress"
            className="h-2 w-full accent-accent"
            max={1}
            value={progress}
          />
        )}
        {error && (
          <p role="alert" className="text-sm text-red-300">
            {error}
          </p>
        )}
        <footer className="flex justify-end gap-2">
          {busy && (
            <button type="button" className={button} onClick={exporter.cancel}>
              Cancel
            </button>
          )}
          <button
            type="button"
            data-testid="animation-start"
            className={button}
            disabled={busy}
            onClick={() =>
              void exporter.start({
                variant,
                width: size.width,
                height: size.height,
                durationMs,
                format,
              })
            }
          >
            {busy ? `Making… ${Math.round((progress ?? 0) * 100)}%` : "Make and download"}
          </button>
        </footer>
      </div>
    </div>
  );
}

function NumberChoice(props: {
  label: string;
  testId: string;
  value: number;
  onChange: (value: number) => void;
  options: [number, string][];
}) {
  return (
    <label className="flex items-center justify-between gap-2 text-sm">
      {props.label}
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
        className="rounded bg-neutral-700 px-2 py-1"
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
