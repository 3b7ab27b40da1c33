import { Download, ImagePlus, Presentation, Rows2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import type { RunRecord } from "../history/history-db";
import { downloadResult, downloadSheet } from "../history/run-downloads";
import { describeTask, NO_PROMPT } from "../history/run-task";
import { useAppStore } from "../store/store";
import { ActionButton } from "../ui/ActionButton";
import { loadResultAsInput } from "./load-result-as-input";
import { readyVariants } from "./use-comparison";

/** What can be done with the comparison on show: outline, downloads, use as input, present. */
export function RunActions({ run }: { run: RunRecord }) {
  const compareB = useAppStore((s) => s.compareB);
  const showOutline = useAppStore((s) => s.showMaskOutline);
  const setShowOutline = useAppStore((s) => s.setShowMaskOutline);
  const setPresenting = useAppStore((s) => s.setPresenting);
  const [keepMask, setKeepMask] = useState(false);
  const ready = readyVariants(run);
  const b = ready.includes(compareB) ? compareB : ready[0];
  const fail = (error: Error) => toast.error(error.message);
  const disabled = b === undefined || run.imagesPruned;
  const caption = `${run.prompt.trim() ? `“${run.prompt}”` : NO_PROMPT} · ${describeTask(run.task)} · ${run.provider}`;
  return (
    <div className="flex flex-wrap items-center justify-center gap-x-2 gap-y-1.5 text-sm text-neutral-300">
      <p data-testid="run-caption" className="w-full truncate text-center" title={caption}>
        {caption}
      </p>
      <label className="flex items-center gap-1.5" title="Draw the repainted area's border">
        <input
          type="checkbox"
          data-testid="mask-outline-toggle"
          checked={showOutline}
          onChange={(e) => setShowOutline(e.currentTarget.checked)}
        />
        Outline
      </label>
      <ActionButton
        testId="download-result"
        icon={Download}
        label="Download"
        title="The result on the B side, named after image, prompt, variant and seed"
        disabled={disabled}
        onClick={() => b !== undefined && downloadResult(run, b).catch(fail)}
      />
      <ActionButton
        testId="download-sheet"
        icon={Rows2}
        label="Download sheet"
        title="Download the original and every finished variant, labelled, side by side on one PNG"
        disabled={disabled}
        onClick={() => downloadSheet(run).catch(fail)}
      />
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          data-testid="keep-mask"
          checked={keepMask}
          onChange={(e) => setKeepMask(e.currentTarget.checked)}
        />
        Keep mask
      </label>
      <ActionButton
        testId="use-as-input"
        icon={ImagePlus}
        label="Use as input"
        title="Open this result in the editor as the photo to work on next"
        disabled={disabled}
        onClick={() => b !== undefined && loadResultAsInput(run, b, keepMask).catch(fail)}
      />
      <ActionButton
        testId="present-open"
        icon={Presentation}
        label="Present"
        title="Presentation view (P)"
        disabled={disabled}
        onClick={() => setPresenting(true)}
      />
    </div>
  );
}
