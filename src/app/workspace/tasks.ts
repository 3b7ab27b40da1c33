import type { ProviderInfo, TaskId } from "../../contract";
import { TASK_LABELS } from "../../contract";
import type { Mode } from "../store/view-slice";

/**
 * What Generate does with the document. Each task names the mode it is set up in and what its
 * prompt asks for (null: it reads none). The ids are the wire contract's task names.
 */
export interface Task {
  id: TaskId;
  label: string;
  hint: string;
  mode: Exclude<Mode, "compare">;
  promptPlaceholder: string | null;
}

/** The two tasks worked on a painted mask; Extend is chosen by its outpaint frame. */
export type MaskTask = Extract<TaskId, "erase" | "fill">;

export const TASKS: readonly Task[] = [
  {
    id: "erase",
    label: TASK_LABELS.erase,
    hint: "Paint over what should go; the area is filled from its surroundings",
    mode: "edit",
    promptPlaceholder: null,
  },
  {
    id: "fill",
    label: TASK_LABELS.fill,
    hint: "Paint over what should change, then describe it",
    mode: "edit",
    promptPlaceholder: "Describe what should appear in the painted area",
  },
  {
    id: "outpaint",
    label: TASK_LABELS.outpaint,
    hint: "Pick a frame; the new area is generated around the photo",
    mode: "extend",
    promptPlaceholder: "Describe what the larger picture should show",
  },
];

/**
 * The tasks a provider takes, from `/api/config`. An older proxy that does not say gets Replace
 * and Extend, which its fill endpoint always did (Extend as the padded fill).
 */
export function offeredTasks(provider: Pick<ProviderInfo, "tasks"> | null): readonly Task[] {
  const ids: readonly TaskId[] = provider?.tasks ?? ["fill", "outpaint"];
  return TASKS.filter((task) => task.id === "fill" || ids.includes(task.id));
}

/**
 * The task the document is set up for: an outpaint frame means Extend; otherwise the mask task
 * chosen, or Replace when the provider does not take it.
 */
export function currentTask(
  hasOutpaintFrame: boolean,
  maskTask: MaskTask = "fill",
  offered: readonly Task[] = TASKS,
): Task {
  const id = hasOutpaintFrame ? "outpaint" : maskTask;
  return offered.find((task) => task.id === id) ?? TASKS.find((task) => task.id === "fill")!;
}
