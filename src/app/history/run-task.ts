import { TASK_LABELS, type TaskId } from "../../contract";
import type { OutpaintPreset } from "../outpaint/outpaint-geometry";
import { DEFAULT_LIMITS, fitFrame } from "../outpaint/outpaint-geometry";
import type { DocumentImage } from "../store/document-slice";
import type { OutpaintRequest } from "../store/outpaint-slice";

/** Where the photo sits on an outpaint's canvas, in canvas pixels. */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What a run did, kept on its record: the history card names it, and an outpaint's comparison
 * shows the photo at its place on the new canvas instead of the padding sent to the provider.
 */
export type RunTask =
  | { kind: "erase" }
  /** Replace (fill with a prompt); named for what runs stored before Remove existed say. */
  | { kind: "inpaint" }
  | { kind: "outpaint"; preset: OutpaintPreset | "Custom"; placement: Placement };

/**
 * The task of the document as it is about to be sent (the same frame the export derives);
 * `removing` when the mask task is Remove.
 */
export function runTaskOf(state: {
  image: Pick<DocumentImage, "width" | "height"> | null;
  outpaint: OutpaintRequest | null;
  removing?: boolean;
}): RunTask {
  if (!state.image || !state.outpaint) return { kind: state.removing ? "erase" : "inpaint" };
  const { frame } = fitFrame(state.image, state.outpaint.padding, DEFAULT_LIMITS);
  return { kind: "outpaint", preset: state.outpaint.preset, placement: frame.image };
}

/**
 * The task in a few words, the same on history cards, the compare caption and Present:
 * "Remove", "Replace", "Extend · Make square".
 */
export function describeTask(task: RunTask | undefined): string {
  if (task?.kind !== "outpaint") return TASK_LABELS[taskIdOf(task)];
  return `${TASK_LABELS.outpaint} · ${task.preset === "Custom" ? "custom frame" : task.preset}`;
}

/** The task the user picked for a run (runs stored before tasks were recorded were Replace). */
export function taskIdOf(task: RunTask | undefined): TaskId {
  if (task?.kind === "erase") return "erase";
  return task?.kind === "outpaint" ? "outpaint" : "fill";
}

/** One wording for a run without a prompt, the same in History, the caption and Present. */
export const NO_PROMPT = "No prompt";

export const promptOrNone = (prompt: string) => prompt.trim() || NO_PROMPT;
