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

/** e.g. `fillpaint-1a2b3c4d-astronaut-a-clear-visor-v2-seed42.png`: says what the file is. */
export function resultFileName(opts: {
  jobId: string;
  sourceName: string;
  prompt: string;
  variant: number;
  seed: number;
  extension: string;
}): string {
  const prompt = slug(opts.prompt) || "fill";
  return `fillpaint-${opts.jobId.replace(/-/g, "").slice(0, 8)}-${fileStem(opts.sourceName)}-${prompt}-v${opts.variant + 1}-seed${opts.seed}.${opts.extension}`;
}

/** The side-by-side sheet of a run: `fillpaint-compare-<image>-<prompt>-<date>.png`. */
export function sheetFileName(sourceName: string, prompt: string, createdAt: number): string {
  const date = new Date(createdAt).toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return `fillpaint-compare-${fileStem(sourceName)}-${slug(prompt) || "fill"}-${date}.png`;
}
