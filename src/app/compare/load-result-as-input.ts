import { fileStem } from "../history/download-names";
import { blobKey, type RunRecord } from "../history/history-db";
import { readBlob } from "../history/runs-repo";
import { decodedSize } from "../lib/decode-image";
import { useAppStore } from "../store/store";

/**
 * Makes a result the image being edited. Loading an image clears the mask and the prompt, so a
 * kept mask is committed again operation by operation (a result of the source's size lines up
 * with it), and the prompt is put back: a result is the same photo one step on, not a new one.
 */
export async function loadResultAsInput(run: RunRecord, index: number, keepMask: boolean) {
  const blob = await readBlob(blobKey(run.id, "result", index));
  if (!blob) throw new Error("This result was pruned from storage.");
  const { width, height } = await decodedSize(blob);
  const { maskOps, excludeOps, image, prompt, openDocument, commitMaskOp, setPrompt } =
    useAppStore.getState();
  const linesUp = keepMask && image?.width === width && image.height === height;
  const kept = linesUp ? maskOps : [];
  const stored = run.variants[index]?.resultExtension ?? "png";
  const extension = stored === "jpeg" ? "jpg" : stored;
  openDocument({
    url: URL.createObjectURL(blob),
    name: `${fileStem(run.source.name)}-v${index + 1}.${extension}`,
    width,
    height,
  });
  for (const op of kept) commitMaskOp(op);
  // The area not to copy from lies outside the mask: the result still has it where it was.
  if (linesUp) useAppStore.setState({ excludeOps: [...excludeOps] });
  setPrompt(prompt);
}
