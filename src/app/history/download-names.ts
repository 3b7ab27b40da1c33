import { TASK_LABELS } from "../../contract";
import { type RunTask, taskIdOf } from "./run-task";

/** Lower-case words joined by dashes, safe in every file system, at most `max` characters. */
export function slug(text: string, max = 40): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** The image's own name without its extension, made safe. */
export function fileStem(name: string): string {
  return name.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_") || "image";
}

/**
 * What a run's files say they are: its prompt, or without one the task the user picked, in the
 * word the history card shows ("remove", "replace", "extend").
 */
function runWords(prompt: string, task: RunTask | undefined): string {
  return slug(prompt) || slug(TASK_LABELS[taskIdOf(task)]);
}

/** e.g. `fillpaint-1a2b3c4d-astronaut-a-clear-visor-v2-seed42.png`: says what the file is. */
export function resultFileName(opts: {
  jobId: string;
  sourceName: string;
  prompt: string;
  task: RunTask | undefined;
  variant: number;
  seed: number;
  extension: string;
}): string {
  return `fillpaint-${opts.jobId.replace(/-/g, "").slice(0, 8)}-${fileStem(opts.sourceName)}-${runWords(opts.prompt, opts.task)}-v${opts.variant + 1}-seed${opts.seed}.${opts.extension}`;
}

/** The side-by-side sheet of a run: `fillpaint-compare-<image>-<prompt or task>-<date>.png`. */
export function sheetFileName(run: {
  source: { name: string };
  prompt: string;
  task?: RunTask;
  createdAt: number;
}): string {
  const date = new Date(run.createdAt).toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return `fillpaint-compare-${fileStem(run.source.name)}-${runWords(run.prompt, run.task)}-${date}.png`;
}

/** A run's wipe animation: `fillpaint-wipe-<image>-<prompt or task>-v<n>.<extension>`. */
export function animationFileName(
  run: { source: { name: string }; prompt: string; task?: RunTask },
  variant: number,
  extension: string,
): string {
  return `fillpaint-wipe-${fileStem(run.source.name)}-${runWords(run.prompt, run.task)}-v${variant + 1}.${extension}`;
}
