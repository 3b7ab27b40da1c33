/**
 * One contact sheet per case: truth (fill area outlined) | smear | Telea | PatchMatch | engine,
 * cropped to the hole's context and labelled with each method's figures, for looking at.
 */
import { join } from "node:path";
import sharp from "sharp";
import { contextBox } from "../src/server/engine/exemplar-fill";
import { maskBounds, onHoleEdge } from "../src/server/engine/mask-geometry";
import type { Case } from "./bench-engine-cases";

export interface Panel {
  label: string;
  pixels: Uint8Array;
}

const PANEL_HEIGHT = 360;
const LABEL_HEIGHT = 22;

export async function saveContactSheet(c: Case, panels: Panel[], dir: string): Promise<void> {
  const box = contextBox(maskBounds(c.mask, c.width, c.height)!, c.width, c.height, 0.4);
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const scale = Math.min(1, PANEL_HEIGHT / h);
  const pw = Math.max(1, Math.round(w * scale));
  const ph = Math.max(1, Math.round(h * scale));
  const outlined = c.truth.slice();
  for (let i = 0; i < c.mask.length; i++) {
    if (c.mask[i] && onHoleEdge(c.mask, c.width, c.height, i)) outlined.set([255, 0, 64], i * 3);
  }
  const all = [{ label: "truth", pixels: outlined }, ...panels];
  const images = await Promise.all(
    all.map((p) =>
      sharp(p.pixels, { raw: { width: c.width, height: c.height, channels: 3 } })
        .extract({ left: box.x0, top: box.y0, width: w, height: h })
        .resize(pw, ph)
        .png()
        .toBuffer(),
    ),
  );
  const gap = 4;
  const labels = all.map((p, i) => {
    const text = p.label.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return `<text x="${i * (pw + gap) + 4}" y="${ph + 16}" font-family="sans-serif" font-size="13">${text}</text>`;
  });
  const width = all.length * (pw + gap) - gap;
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${ph + LABEL_HEIGHT}">${labels.join("")}</svg>`,
  );
  await sharp({
    create: { width, height: ph + LABEL_HEIGHT, channels: 3, background: "#ffffff" },
  })
    .composite([
      ...images.map((input, i) => ({ input, left: i * (pw + gap), top: 0 })),
      { input: svg, left: 0, top: 0 },
    ])
    .png()
    .toFile(join(dir, `${c.name}.png`));
}
