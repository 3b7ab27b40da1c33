/**
 * The benchmark's cases: real photos (bench/photos, licences beside them) with a part removed
 * where the truth is known. Outpaints crop a border off and expand it back through the local
 * provider's decoding (`decodeTask`), exactly as a "Zoom out" request reaches the
 * engine; removals cut ellipses and lasso-like blobs over background.
 */
import sharp from "sharp";
import { expandRequestSchema } from "../src/contract";
import type { Sides } from "../src/server/images/outpaint-placement";
import { decodeTask } from "../src/server/providers/local-provider";
import {
  benchPhoto,
  blobMask,
  ellipseMask,
  type Photo as Rgb,
  shapeMask,
} from "../src/server/testing/bench-photos";

export interface Case {
  name: string;
  /** what kind of photo (landscape, night, …), for reading the table */
  kind: string;
  width: number;
  height: number;
  /** RGB truth */
  truth: Uint8Array;
  /** RGB input as the engine receives it (hole pixels are whatever the request path put there) */
  input: Uint8Array;
  /** 1 = to fill */
  mask: Uint8Array;
  /** wall-time target in ms, if the issue sets one */
  targetMs?: number;
}

/**
 * A long thin stroke (a pole, a cable, a spoon's handle): a capsule `length` of the image's
 * width long and `thickness` of its shorter side wide, tilted 25° from the horizontal.
 */
export function strokeMask(img: Rgb, cx: number, cy: number, length: number, thickness: number) {
  const half = (length * img.width) / 2;
  const radius = (thickness * Math.min(img.width, img.height)) / 2;
  const ux = Math.cos((25 * Math.PI) / 180);
  const uy = Math.sin((25 * Math.PI) / 180);
  return shapeMask(img, cx, cy, (dx, dy) => {
    const along = Math.max(-half, Math.min(half, dx * ux + dy * uy));
    return (dx - along * ux) ** 2 + (dy - along * uy) ** 2 <= radius * radius;
  });
}

/**
 * An upright ellipse (a standing person, a post) `width` of the image's width across and
 * `height` of its height tall, kept inside the image: a hole touching the frame would be an
 * outpaint to the engine.
 */
export function uprightMask(img: Rgb, cx: number, cy: number, width: number, height: number) {
  const a = (width * img.width) / 2;
  const b = (height * img.height) / 2;
  const y = Math.min(Math.max(cy * img.height, b + 2), img.height - b - 2) / img.height;
  return shapeMask(img, cx, y, (dx, dy) => (dx / a) ** 2 + (dy / b) ** 2 <= 1);
}

function cutHole(truth: Uint8Array, mask: Uint8Array): Uint8Array {
  const input = truth.slice();
  for (let i = 0; i < mask.length; i++) if (mask[i]) input.fill(0, i * 3, i * 3 + 3);
  return input;
}

export function holeCase(name: string, kind: string, img: Rgb, mask: Uint8Array): Case {
  return { name, kind, ...img, truth: img.pixels, input: cutHole(img.pixels, mask), mask };
}

/**
 * Crops `sides` off the photo and expands the crop back through the local provider's expand
 * path, so the engine gets what a real outpaint request gives it; the photo is the truth.
 */
export async function outpaintCase(
  name: string,
  kind: string,
  img: Rgb,
  sides: Sides,
): Promise<Case> {
  const inner = {
    left: sides.left,
    top: sides.top,
    width: img.width - sides.left - sides.right,
    height: img.height - sides.top - sides.bottom,
  };
  const cropped = await sharp(img.pixels, {
    raw: { width: img.width, height: img.height, channels: 3 },
  })
    .extract(inner)
    .png()
    .toBuffer();
  const request = expandRequestSchema.parse({ image: cropped.toString("base64"), ...sides });
  const { task } = await decodeTask({
    kind: "expand",
    request,
    image: {
      bytes: cropped,
      width: inner.width,
      height: inner.height,
      format: "png",
      hasAlpha: false,
    },
    preset: null,
  });
  if (task.width !== img.width || task.height !== img.height || task.channels !== 3) {
    throw new Error(`${name}: the expand path gave ${task.width}×${task.height}×${task.channels}`);
  }
  return { name, kind, ...img, truth: img.pixels, input: task.pixels, mask: task.mask };
}

/** Where a removal goes on a photo: centre (fractions of the size) and area fraction. */
interface Hole {
  cx: number;
  cy: number;
  fraction: number;
}

interface Photo {
  file: string;
  kind: string;
  /** short name used in case names */
  id: string;
  /** an ellipse and a lasso-like blob over background */
  ellipse: Hole;
  blob: Hole;
}

export const PHOTO_SET: Photo[] = [
  {
    id: "lakeside",
    file: "kde_EveningGlow.jpg",
    kind: "landscape: sky, water, gravel, boats",
    ellipse: { cx: 0.5, cy: 0.6, fraction: 0.08 },
    blob: { cx: 0.3, cy: 0.2, fraction: 0.1 },
  },
  {
    id: "rocket",
    file: "skimage_rocket.jpg",
    kind: "night: launch pad, lattice towers",
    ellipse: { cx: 0.3, cy: 0.35, fraction: 0.08 },
    blob: { cx: 0.7, cy: 0.45, fraction: 0.1 },
  },
  {
    id: "dock",
    file: "kde_BytheWater.jpg",
    kind: "architecture: planks, water",
    ellipse: { cx: 0.5, cy: 0.75, fraction: 0.1 },
    blob: { cx: 0.3, cy: 0.35, fraction: 0.08 },
  },
  {
    id: "brick",
    file: "skimage_brick.png",
    kind: "architecture: brick lines",
    ellipse: { cx: 0.5, cy: 0.5, fraction: 0.1 },
    blob: { cx: 0.3, cy: 0.7, fraction: 0.08 },
  },
  {
    id: "garage",
    file: "skimage_motorcycle_left.png",
    kind: "interior: shelves, floor",
    ellipse: { cx: 0.2, cy: 0.3, fraction: 0.08 },
    blob: { cx: 0.5, cy: 0.85, fraction: 0.06 },
  },
  {
    id: "coffee",
    file: "skimage_coffee.png",
    kind: "product: cup on a table",
    ellipse: { cx: 0.8, cy: 0.25, fraction: 0.08 },
    blob: { cx: 0.2, cy: 0.75, fraction: 0.08 },
  },
  {
    id: "horse",
    file: "skimage_horse.png",
    kind: "product: silhouette on a plain backdrop",
    ellipse: { cx: 0.2, cy: 0.8, fraction: 0.06 },
    blob: { cx: 0.85, cy: 0.3, fraction: 0.08 },
  },
  {
    id: "astronaut",
    file: "skimage_astronaut.png",
    kind: "people: portrait, flag",
    ellipse: { cx: 0.75, cy: 0.3, fraction: 0.08 },
    blob: { cx: 0.25, cy: 0.7, fraction: 0.1 },
  },
  {
    id: "cat",
    file: "skimage_chelsea.png",
    kind: "animal: cat, odd size",
    ellipse: { cx: 0.2, cy: 0.3, fraction: 0.08 },
    blob: { cx: 0.85, cy: 0.7, fraction: 0.08 },
  },
  {
    id: "bird",
    file: "lomiri_Kleiber_by_Lukas_Baubkus.jpg",
    kind: "animal: bird on bark, bokeh",
    ellipse: { cx: 0.75, cy: 0.3, fraction: 0.1 },
    blob: { cx: 0.25, cy: 0.6, fraction: 0.08 },
  },
  {
    id: "forest",
    file: "kde_Path.jpg",
    kind: "landscape: forest, path",
    ellipse: { cx: 0.5, cy: 0.75, fraction: 0.08 },
    blob: { cx: 0.2, cy: 0.4, fraction: 0.1 },
  },
  {
    id: "dusk",
    file: "kde_summer_1am.jpg",
    kind: "night: lake at dusk, horizon",
    ellipse: { cx: 0.5, cy: 0.55, fraction: 0.08 },
    blob: { cx: 0.7, cy: 0.3, fraction: 0.1 },
  },
];

/** Quality cases are measured at a working size, so the run stays short on a shared machine. */
const WORK_WIDTH = 640;

/** The eight cases of one photo, built lazily (a case's pixels live only while it runs). */
export function photoCases(photo: Photo): { name: string; make: () => Promise<Case> }[] {
  const load = () => benchPhoto(photo.file, WORK_WIDTH);
  const third = (n: number) => Math.round(n / 3);
  const sixth = (n: number) => Math.round(n / 6);
  const none = { top: 0, bottom: 0, left: 0, right: 0 };
  const name = (what: string) => `${photo.id}-${what}`;
  return [
    {
      name: name("top-third"),
      make: async () => {
        const img = await load();
        return outpaintCase(name("top-third"), photo.kind, img, {
          ...none,
          top: third(img.height),
        });
      },
    },
    {
      name: name("right-third"),
      make: async () => {
        const img = await load();
        return outpaintCase(name("right-third"), photo.kind, img, {
          ...none,
          right: third(img.width),
        });
      },
    },
    {
      name: name("zoom-ring"),
      make: async () => {
        const img = await load();
        const x = sixth(img.width);
        const y = sixth(img.height);
        return outpaintCase(name("zoom-ring"), photo.kind, img, {
          top: y,
          bottom: y,
          left: x,
          right: x,
        });
      },
    },
    {
      // "Zoom out 2x": half the photo is new, most of it far from anything to copy
      name: name("zoom2-ring"),
      make: async () => {
        const img = await load();
        const x = Math.round(img.width / 4);
        const y = Math.round(img.height / 4);
        return outpaintCase(name("zoom2-ring"), photo.kind, img, {
          top: y,
          bottom: y,
          left: x,
          right: x,
        });
      },
    },
    {
      name: name("ellipse"),
      make: async () => {
        const img = await load();
        const { cx, cy, fraction } = photo.ellipse;
        return holeCase(name("ellipse"), photo.kind, img, ellipseMask(img, cx, cy, fraction));
      },
    },
    {
      name: name("blob"),
      make: async () => {
        const img = await load();
        const { cx, cy, fraction } = photo.blob;
        return holeCase(name("blob"), photo.kind, img, blobMask(img, cx, cy, fraction, 3));
      },
    },
    {
      // through the blob's centre, which each photo puts over background
      name: name("stroke"),
      make: async () => {
        const img = await load();
        const { cx, cy } = photo.blob;
        return holeCase(name("stroke"), photo.kind, img, strokeMask(img, cx, cy, 0.45, 0.04));
      },
    },
    {
      // A standing person or a post taken out: upright through the ellipse's centre, across
      // whatever bands the photo has there (a horizon, a shore, a grass bank).
      name: name("upright"),
      make: async () => {
        const img = await load();
        const { cx, cy } = photo.ellipse;
        return holeCase(name("upright"), photo.kind, img, uprightMask(img, cx, cy, 0.1, 0.6));
      },
    },
  ];
}

const BIG = "lomiri_sunset_by_Aitzol_Berasategi.jpg";

/** The speed and memory cases of the issue, each with its time target. */
export const SPEED_CASES: { name: string; make: () => Promise<Case> }[] = [
  {
    name: "speed-12mp-3pct",
    make: async () => {
      const img = await benchPhoto(BIG);
      const c = holeCase("speed-12mp-3pct", "12 MP sunset", img, blobMask(img, 0.3, 0.8, 0.03, 7));
      return { ...c, targetMs: 3000 };
    },
  },
  {
    name: "speed-1mp-10pct",
    make: async () => {
      const img = await benchPhoto(BIG, 1224);
      const mask = blobMask(img, 0.32, 0.78, 0.1, 3);
      return { ...holeCase("speed-1mp-10pct", "1 MP sunset", img, mask), targetMs: 1500 };
    },
  },
  {
    name: "speed-1mp-zoom-out-1.5x",
    make: async () => {
      // The 1 MP photo (1224×816) on a 1.5× canvas; the truth is the wider shot.
      const img = await benchPhoto(BIG, 1836);
      const x = Math.round((img.width - 1224) / 2);
      const y = Math.round((img.height - 816) / 2);
      const sides = { top: y, bottom: img.height - 816 - y, left: x, right: img.width - 1224 - x };
      const c = await outpaintCase("speed-1mp-zoom-out-1.5x", "1 MP sunset", img, sides);
      return { ...c, targetMs: 3000 };
    },
  },
];
