import {
  DEFAULT_LIMITS,
  fitFrame,
  type OutpaintFrame,
  type OutpaintPreset,
} from "../outpaint/outpaint-geometry";
import { presetToSend } from "../outpaint/preset-to-send";
import type { DocumentSnapshot } from "./document-snapshot";
import type { PaintedMask } from "./export-mask";
import type { MaskManager } from "./mask-manager";
import type { FillExport } from "./run-export";

export type DownloadForm = "mask" | "alpha";

/** The image's own file, read (not decoded) on the main thread: decoding is the worker's. */
async function imageFile(snapshot: DocumentSnapshot): Promise<Blob> {
  return (await fetch(snapshot.image.url)).blob();
}

/**
 * The mask at the image's exact size, as an opaque black/white PNG (form "mask") or as the
 * image with the mask in its alpha channel (form "alpha"); pure 0/255 unless feathered.
 */
export async function exportMaskFile(
  manager: MaskManager,
  snapshot: DocumentSnapshot,
  form: DownloadForm,
): Promise<Blob> {
  const { width, height } = snapshot.image;
  const painted = manager.paintedMask(snapshot) ?? {
    data: new Uint8Array(width * height),
    width,
    height,
  };
  const image = await imageFile(snapshot);
  const result = await manager.run({ form, image, painted, featherPx: snapshot.featherPx });
  if (result.form !== "download") throw new Error("The export worker answered another request.");
  return result.file;
}

export type FillInputs = FillExport & {
  /** Outpaint by this preset's name (apiframe) with `file`; null: not by preset. */
  outpaintPreset: OutpaintPreset | null;
  /**
   * The image's own file, sent as it is wherever the request takes the unpadded image: its ICC
   * profile and EXIF survive (the proxy applies the orientation), which a canvas re-encode loses.
   */
  file: Blob;
  /** The outpaint frame (canvas size, photo's place) when there is one. */
  frame: OutpaintFrame | null;
  /** Whether a painted mask is part of the request (an outpaint then needs the fill). */
  painted: boolean;
  /** The area not to copy from at the image's size (0/255), or null when none is painted. */
  exclusion: PaintedMask | null;
};

/**
 * Image and mask for the fill endpoint from a snapshot: the image with its painted mask, or,
 * with an outpaint frame, the padded canvas with the new area (and any painted mask carried
 * into the frame); feathered in both cases. The image's file comes along for the requests that
 * take it unpadded.
 */
export async function exportFillInputs(
  manager: MaskManager,
  snapshot: DocumentSnapshot,
): Promise<FillInputs> {
  const { image, outpaint, outpaintOverlap, featherPx, providerPresets } = snapshot;
  const painted = manager.paintedMask(snapshot);
  const fitted = outpaint ? fitFrame(image, outpaint.padding, DEFAULT_LIMITS) : null;
  const outpaintPreset = presetToSend(outpaint, painted !== null, providerPresets);
  const file = await imageFile(snapshot);
  const result = await manager.run({
    form: "fill",
    image: file,
    imageSize: { width: image.width, height: image.height },
    plan: {
      painted,
      outpaint: fitted ? { frame: fitted.frame, overlap: outpaintOverlap } : null,
      featherPx,
    },
  });
  if (result.form !== "fill") throw new Error("The export worker answered another request.");
  return {
    ...result,
    outpaintPreset,
    file,
    frame: fitted?.frame ?? null,
    painted: painted !== null,
    exclusion: manager.paintedExclusion(snapshot),
  };
}
