/**
 * A photo through every outpaint preset of the app, with the local engine, as a designer would
 * run it: one contact sheet per photo to look at, and per preset the time and the share of the
 * new area copied from across the photo (JSON on stdout).
 *
 * Crop-and-restore (`bench:engine`) measures fills against a truth; a preset has none, and what
 * it shows first is what goes wrong in a zoom-out: a thing copied from one region of the photo
 * into another (the sample's sundial beside itself, a stone wall from its foot beside the far
 * frame). A new pixel counts as copied from across the photo when its source lies further than
 * half the photo's longer side from the photo pixel nearest to it. A sky copied from the far
 * end of the sky counts too, and a thing copied from right beside the frame (the sundial)
 * does not: the figure says where to look, the sheet what is there. `repeated` is the share of
 * nearby pairs of new pixels copied from one place (repeatedShare): the bark of one ridge, the
 * lattice of one stone, which the layout figures do not see.
 *
 *   npm run bench:presets -- [photo …] [--width=1200] [--seeds=0,1] [--presets="Zoom out 1.5x,…"]
 *     [--full]
 *
 * Photos are paths; the default is the app's sample, at 1200 px wide: its own size, as the app
 * opens it. At 800 px, the default until now, what its Zoom out 1.5x lays beside the left frame
 * at 1200 px (the stones behind the post, carried on in stones copied from below them) did not
 * show. Sheets go to bench-results/presets-*.png. With --full, each run's fill is also saved at
 * its own size, with a map of where each new pixel was copied from (red: the source's column,
 * green: its row; the photo dark grey): a sheet's panel is a third of the size, too small to
 * tell a ghost's rim from stone, and the map says which part of the photo a ghost came from.
 */
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import sharp from "sharp";
import {
  framePadding,
  OUTPAINT_PRESETS,
  outpaintGeometry,
} from "../src/app/outpaint/outpaint-geometry";
import { inpaintExemplar } from "../src/server/engine/exemplar-fill";
import { nearestKept } from "../src/server/engine/nearest-fill";
import { repeatedShare, visibleDetail } from "../src/server/engine/source-repeats";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const photos = args.filter((a) => !a.startsWith("--"));
if (photos.length === 0) photos.push("public/sample/sunset.jpg");
const width = Number(option("width", "1200"));
const full = args.includes("--full");
const seeds = option("seeds", "0,1").split(",").map(Number);
const presets = option("presets", OUTPAINT_PRESETS.join(","))
  .split(",")
  .map((name) => name.trim());
const unknown = presets.filter((name) => !(OUTPAINT_PRESETS as readonly string[]).includes(name));
if (unknown.length > 0) {
  throw new Error(`unknown preset ${unknown.join(", ")}: pick from ${OUTPAINT_PRESETS.join(", ")}`);
}
const OUT = "bench-results";
mkdirSync(OUT, { recursive: true });

/** Each preset's panel is this tall on the sheet. */
const PANEL_HEIGHT = 300;
const LABEL_HEIGHT = 20;

interface Run {
  photo: string;
  preset: string;
  seed: number;
  size: string;
  ms: number;
  /** share of the new pixels copied from across the photo (see the module's comment) */
  copiedFromAcross: number;
  /** share of nearby pairs of new pixels copied from one place (repeatedShare) */
  repeated: number;
}

const runs: Run[] = [];
for (const file of photos) {
  const { data, info } = await sharp(file)
    .rotate()
    .resize({ width })
    .flatten({ background: "#ffffff" })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const photo = { width: info.width, height: info.height };
  const photoDetail = visibleDetail(new Uint8Array(data), photo.width, photo.height);
  const panels: { label: string; png: Buffer; width: number }[] = [];
  for (const preset of OUTPAINT_PRESETS.filter((name) => presets.includes(name))) {
    const { frame, scale } = outpaintGeometry(preset, photo);
    if (scale !== 1) throw new Error(`${preset} would shrink ${file}: use a smaller --width`);
    const pad = framePadding(frame);
    const { width: w, height: h } = frame;
    const pixels = new Uint8Array(w * h * 3);
    const mask = new Uint8Array(w * h).fill(1);
    const visible = new Uint8Array(w * h);
    for (let y = 0; y < photo.height; y++) {
      const row = (y + pad.top) * w + pad.left;
      pixels.set(data.subarray(y * photo.width * 3, (y + 1) * photo.width * 3), row * 3);
      mask.fill(0, row, row + photo.width);
      visible.set(photoDetail.subarray(y * photo.width, (y + 1) * photo.width), row);
    }
    const nearest = nearestKept(mask, w, h);
    const far = Math.max(photo.width, photo.height) / 2;
    for (const seed of seeds) {
      let sources: Int32Array = new Int32Array(0);
      const started = performance.now();
      const out = inpaintExemplar(pixels, w, h, 3, mask, {
        seed,
        onSources: (from) => {
          sources = from;
        },
      });
      const ms = Math.round(performance.now() - started);
      let added = 0;
      let across = 0;
      for (let p = 0; p < mask.length; p++) {
        if (mask[p] === 0) continue;
        added++;
        const s = sources[p] ?? -1;
        const n = nearest[p]!;
        if (s < 0 || n < 0) continue;
        if (Math.hypot((s % w) - (n % w), Math.floor(s / w) - Math.floor(n / w)) > far) across++;
      }
      const copiedFromAcross = Math.round((1000 * across) / Math.max(1, added)) / 1000;
      const repeated = Math.round(1000 * repeatedShare(sources, mask, w, h, visible)) / 1000;
      runs.push({
        photo: basename(file),
        preset,
        seed,
        size: `${w}x${h}`,
        ms,
        copiedFromAcross,
        repeated,
      });
      const raw = { raw: { width: w, height: h, channels: 3 as const } };
      if (full) {
        const name = `presets-${stem(file)}-${preset.replace(/[^A-Za-z0-9.]+/g, "-")}-s${seed}`;
        await sharp(Buffer.from(out), raw)
          .png()
          .toFile(join(OUT, `${name}.png`));
        await sharp(sourceMap(sources, mask, w, h), raw)
          .png()
          .toFile(join(OUT, `${name}-sources.png`));
      }
      const pw = Math.round((w * PANEL_HEIGHT) / h);
      const png = await sharp(Buffer.from(out), raw).resize(pw, PANEL_HEIGHT).png().toBuffer();
      panels.push({
        label: `${preset} · seed ${seed} · across ${copiedFromAcross} · repeated ${repeated}`,
        png,
        width: pw,
      });
    }
  }
  await saveSheet(panels, join(OUT, `presets-${stem(file)}.png`));
}
console.log(JSON.stringify({ width, seeds, runs }, null, 2));

function stem(file: string): string {
  return basename(file).replace(/\.[^.]+$/, "");
}

/** Where each new pixel came from, as colour: red is the source's column, green its row. */
function sourceMap(sources: Int32Array, mask: Uint8Array, w: number, h: number): Buffer {
  const map = Buffer.alloc(w * h * 3, 60);
  for (let p = 0; p < mask.length; p++) {
    const s = sources[p] ?? -1;
    if (mask[p] === 0 || s < 0) continue;
    map[p * 3] = Math.round((255 * (s % w)) / (w - 1));
    map[p * 3 + 1] = Math.round((255 * Math.floor(s / w)) / (h - 1));
    map[p * 3 + 2] = 128;
  }
  return map;
}

/** The panels in rows of one preset each (one panel per seed), labelled. */
async function saveSheet(panels: { label: string; png: Buffer; width: number }[], path: string) {
  const perRow = seeds.length;
  const gap = 4;
  const rowHeight = PANEL_HEIGHT + LABEL_HEIGHT + gap;
  const rows = Math.ceil(panels.length / perRow);
  const widest = Math.max(...panels.map((p) => p.width));
  const sheetWidth = perRow * (widest + gap);
  const place = panels.map((p, i) => ({
    ...p,
    left: (i % perRow) * (widest + gap),
    top: Math.floor(i / perRow) * rowHeight,
  }));
  const text = place.map((p) => {
    const label = p.label.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return `<text x="${p.left + 4}" y="${p.top + PANEL_HEIGHT + 15}" font-family="sans-serif" font-size="13">${label}</text>`;
  });
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${sheetWidth}" height="${rows * rowHeight}">${text.join("")}</svg>`,
  );
  await sharp({
    create: { width: sheetWidth, height: rows * rowHeight, channels: 3, background: "#ffffff" },
  })
    .composite([...place.map((p) => ({ input: p.png, left: p.left, top: p.top })), { input: svg }])
    .png()
    .toFile(path);
}
