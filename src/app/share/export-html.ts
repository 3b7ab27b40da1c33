import { sideLabel } from "../compare/use-comparison";
import { runDividerStart } from "../compare/use-divider-start";
import { sheetFileName } from "../history/download-names";
import type { RunRecord } from "../history/history-db";
import { variantLabel } from "../history/run-downloads";
import { describeTask, NO_PROMPT } from "../history/run-task";
import { blobToBase64, downloadBlob } from "../lib/png";
import { reviewHtml } from "./review-html";
import { runPictures } from "./run-snapshot";

const dataUrl = async (blob: Blob) =>
  `data:${blob.type || "image/png"};base64,${await blobToBase64(blob)}`;

/**
 * The HTML file of a run, named and labelled as the app names and labels the same things: the
 * comparison sheet's name (`fillpaint-compare-…`) with `.html`, the slider's "A · Original" and
 * "B · Variant n", the tiles' "Variant n · seed s" and the caption's prompt and task.
 */
export function runReviewHtml(
  run: RunRecord,
  images: { before: string; variants: { index: number; src: string }[]; start: number },
) {
  const prompt = run.prompt.trim();
  return {
    name: sheetFileName(run).replace(/\.png$/, ".html"),
    html: reviewHtml({
      title: `Fillpaint · ${run.source.name}`,
      caption: `${prompt ? `“${prompt}”` : NO_PROMPT} · ${describeTask(run.task)}`,
      before: { src: images.before, tag: `A · ${sideLabel("original")}` },
      variants: images.variants.map(({ index, src }) => ({
        src,
        tag: `B · ${sideLabel(index)}`,
        label: variantLabel({ index, seed: run.variants[index]?.seed ?? 0 }),
      })),
      width: run.source.width,
      height: run.source.height,
      start: Math.round(images.start),
    }),
  };
}

/** Saves the run as one HTML file: slider and variants, images inside, opens offline. */
export async function exportReviewHtml(run: RunRecord): Promise<void> {
  const pictures = await runPictures(run);
  const { name, html } = runReviewHtml(run, {
    before: await dataUrl(pictures.before),
    variants: await Promise.all(
      pictures.variants.map(async (v) => ({ index: v.index, src: await dataUrl(v.blob) })),
    ),
    start: await runDividerStart(run),
  });
  downloadBlob(new Blob([html], { type: "text/html" }), name);
}
