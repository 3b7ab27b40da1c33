/// <reference lib="webworker" />

import { EdgeLasso } from "./edge-lasso";
import { lassoFill } from "./lasso-fill";
import { OBJECT_CUT, objectCut } from "./object-cut";
import type { Cv } from "./opencv";
import { loadOpenCv } from "./opencv-loader";
import { sampleEvery } from "./resample";
import type { SelectRequest, SelectResponse } from "./select-protocol";
import { magicWand, type RgbaImage } from "./wand";

/**
 * Smart selection off the main thread. The image's pixels are decoded here once per document;
 * the wand and the lasso need nothing more, so they answer while OpenCV is still loading.
 * Object select waits for OpenCV, which is fetched on its first use only.
 */
let imageUrl = "";
let image: Promise<RgbaImage> | null = null;
let scratch = new Uint8Array(0);
/** The image sampled down to ~1 MP for the wand's hover, made once per image. */
let sampled: { url: string; step: number; copy: Promise<RgbaImage>; scratch: Uint8Array } | null =
  null;
const PREVIEW_PIXELS = 1_000_000;
let lasso: { url: string; tool: Promise<EdgeLasso> } | null = null;

const post = (response: SelectResponse, transfer: Transferable[] = []) =>
  self.postMessage(response, transfer);

async function decode(url: string): Promise<RgbaImage> {
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob, { imageOrientation: "from-image" });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}

let opencv: Promise<Cv> | null = null;
function openCv(): Promise<Cv> {
  if (!opencv) {
    post({ kind: "opencv", status: "loading" });
    opencv = loadOpenCv(({ loaded, total }) =>
      post({ kind: "opencv-progress", loaded, total }),
    ).then(
      (cv) => {
        post({ kind: "opencv", status: "ready" });
        return cv;
      },
      (error: unknown) => {
        post({ kind: "opencv", status: "failed", message: String(error) });
        throw error;
      },
    );
  }
  return opencv;
}

/** One lasso per image, built once even when an anchor and a move ask for it together. */
function edgeLasso(pixels: Promise<RgbaImage>): Promise<EdgeLasso> {
  if (lasso?.url !== imageUrl) {
    const tool = pixels.then((rgba) => new EdgeLasso(rgba));
    lasso = { url: imageUrl, tool };
  }
  return lasso.tool;
}

async function answer(
  request: Exclude<SelectRequest, { kind: "image" | "prepare" }>,
): Promise<void> {
  if (!image) throw new Error("No image is open.");
  if (request.kind === "wand") {
    const pixels = await image;
    const step = Math.ceil(Math.sqrt((pixels.width * pixels.height) / PREVIEW_PIXELS));
    if (request.preview && step > 1) {
      if (sampled?.url !== imageUrl)
        sampled = {
          url: imageUrl,
          step,
          copy: image.then((full) => sampleEvery(full, step)),
          scratch: new Uint8Array(0),
        };
      const copy = await sampled.copy;
      if (sampled.scratch.length !== copy.width * copy.height)
        sampled.scratch = new Uint8Array(copy.width * copy.height);
      const at = { x: request.at.x / step, y: request.at.y / step };
      const selection = magicWand(copy, at, request, sampled.scratch);
      post(
        { kind: "selection", id: request.id, selection, step },
        selection ? [selection.data.buffer] : [],
      );
      return;
    }
    if (scratch.length !== pixels.width * pixels.height)
      scratch = new Uint8Array(pixels.width * pixels.height);
    const selection = magicWand(pixels, request.at, request, scratch);
    post(
      { kind: "selection", id: request.id, selection },
      selection ? [selection.data.buffer] : [],
    );
  } else if (request.kind === "object") {
    const [cv, pixels] = await Promise.all([openCv(), image]);
    const selection = objectCut(cv, pixels, request.box, request.strokes, OBJECT_CUT, (quick) =>
      post(
        { kind: "preview", id: request.id, ...quick },
        quick.selection ? [quick.selection.data.buffer] : [],
      ),
    );
    post(
      { kind: "selection", id: request.id, selection },
      selection ? [selection.data.buffer] : [],
    );
  } else if (request.kind === "lasso-anchor") {
    const tool = await edgeLasso(image);
    const points = request.first ? [] : tool.pathTo(request.at);
    tool.anchor(request.at);
    post({ kind: "path", id: request.id, points });
  } else if (request.kind === "lasso-fill") {
    const [tool, pixels] = await Promise.all([edgeLasso(image), image]);
    const selection = lassoFill(pixels, request.points, tool.scale);
    post(
      { kind: "selection", id: request.id, selection },
      selection ? [selection.data.buffer] : [],
    );
  } else {
    post({ kind: "path", id: request.id, points: (await edgeLasso(image)).pathTo(request.at) });
  }
}

self.onmessage = (event: MessageEvent<SelectRequest>) => {
  const request = event.data;
  if (request.kind === "image") {
    if (request.url !== imageUrl) {
      imageUrl = request.url;
      image = decode(request.url);
    }
    return;
  }
  if (request.kind === "prepare") {
    // Failures show through the OpenCV status, or when the tool is used. The lasso's edge
    // costs are made now, so its first click finds them ready.
    if (request.tool === "object") openCv().catch(() => {});
    else if (image) edgeLasso(image).catch(() => {});
    return;
  }
  answer(request).catch((error: unknown) =>
    post({
      kind: "error",
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};
