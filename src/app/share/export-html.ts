import { fileStem, slug } from "../history/download-names";
import type { RunRecord } from "../history/history-db";
import { describeTask, promptOrNone } from "../history/run-task";
import { blobToBase64, downloadBlob } from "../lib/png";
import { reviewHtml } from "./review-html";
import { runPictures } from "./run-snapshot";

const dataUrl = async (blob: Blob) =>
  `data:${blob.type || "image/png"};base64,${await blobToBase64(blob)}`;

/** Saves the run as one HTML file: slider and variants, images inside, opens offline. */
export async function exportReviewHtml(run: RunRecord): Promise<void> {
  const pictures = await runPictures(run);
  const caption = `${run.prompt.trim() ? `“${run.prompt.trim()}”` : promptOrNone(run.prompt)} · ${describeTask(run.task)}`;
  const html = reviewHtml({
    title: `Fillpaint · ${run.source.name}`,
    caption,
    before: await dataUrl(pictures.before),
    variants: await Promise.all(
      pictures.variants.map(async (v) => ({ label: v.label, src: await dataUrl(v.blob) })),
    ),
    width: run.source.width,
    height: run.source.height,
  });
  const name = `${fileStem(run.source.name)}-${slug(run.prompt) || "review"}.html`;
  downloadBlob(new Blob([html], { type: "text/html" }), name);
}
