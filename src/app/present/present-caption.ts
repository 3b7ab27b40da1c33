import type { RunTask } from "../history/run-task";

/** What a run did, as said of a result on show: "Removed", "Extended · Make square". */
export function doneWords(task: RunTask | undefined): string {
  if (task?.kind === "erase") return "Removed";
  if (task?.kind !== "outpaint") return "Replaced";
  return `Extended · ${task.preset === "Custom" ? "custom frame" : task.preset}`;
}

/**
 * The presentation's caption: the prompt when there is one, with what was done above it; else
 * what was done alone. A Remove reads no prompt, so "No prompt" would caption it with nothing.
 */
export function presentCaption(prompt: string, task: RunTask | undefined) {
  const words = doneWords(task);
  const typed = prompt.trim();
  return typed ? { caption: typed, done: words } : { caption: words, done: null };
}
