import { readFileSync } from "node:fs";
import sharp from "sharp";

export const FIXTURES = new URL("../../../e2e/fixtures/", import.meta.url);

export function fixtureBase64(name: string): string {
  return readFileSync(new URL(name, FIXTURES)).toString("base64");
}

/** A black PNG with a white rectangle: the mask's white part is repainted. */
export async function rectMaskBase64(
  width: number,
  height: number,
  rect: { x: number; y: number; w: number; h: number },
): Promise<string> {
  const gray = new Uint8Array(width * height);
  for (let y = rect.y; y < rect.y + rect.h; y++)
    gray.fill(255, y * width + rect.x, y * width + rect.x + rect.w);
  const png = await sharp(gray, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
  return png.toString("base64");
}

export async function decodeRgb(bytes: Buffer | Uint8Array) {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
