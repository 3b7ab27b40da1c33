import type { Mode } from "../store/view-slice";

/**
 * What Generate does with the document. Each task names the mode it is set up in and what its
 * prompt asks for (null: it reads none), so a third task ("Remove": erase a painted area, no
 * prompt, issue 14) is one more entry here plus its request. The ids are the wire contract's
 * task names.
 */
export interface Task {
  id: "fill" | "outpaint";
  label: string;
  hint: string;
  mode: Exclude<Mode, "compare">;
  promptPlaceholder: string | null;
}

export const TASKS: readonly Task[] = [
  {
    id: "fill",
    label: "Replace",
    hint: "Paint over what should change, then describe it",
    mode: "edit",
    promptPlaceholder: "Describe what should appear in the painted area",
  },
  {
    id: "outpaint",
    label: "Extend",
    hint: "Pick a frame; the new area is generated around the photo",
    mode: "extend",
    promptPlaceholder: "Describe what the larger picture should show",
  },
];

/** The task the document is set up for: an outpaint frame means Extend. */
export function currentTask(hasOutpaintFrame: boolean): Task {
  const id = hasOutpaintFrame ? "outpaint" : "fill";
  return TASKS.find((task) => task.id === id) ?? TASKS[0]!;
}
