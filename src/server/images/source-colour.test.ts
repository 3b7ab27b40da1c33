import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { adobeRgbJpeg } from "../testing/images";
import {
  decodeOwnValues,
  encodeOwnValues,
  resultInProfile,
  srgbForUpstream,
} from "./source-colour";

describe("source colour", () => {
  it("decodes an Adobe RGB photo in its own values, upright, with its profile", async () => {
    const { bytes, icc } = await adobeRgbJpeg(60, 40, { orientation: 6 });
    const own = await decodeOwnValues(bytes);
    expect([own.width, own.height, own.channels]).toEqual([40, 60, 3]);
    expect(own.icc?.equals(icc)).toBe(true);
    const file = await sharp(bytes).autoOrient().keepIccProfile().raw().toBuffer();
    expect(Buffer.from(own.data).equals(file)).toBe(true);
    const srgb = await sharp(bytes).autoOrient().raw().toBuffer();
    expect(Buffer.from(own.data).equals(srgb)).toBe(false);
  });

  it("encodes own values with the profile attached and nothing converted (PNG, WebP)", async () => {
    const source = await adobeRgbJpeg(60, 40, { orientation: 6 });
    const own = await decodeOwnValues(source.bytes);
    own.data[0] = 7; // proves the pixels written are ours, not the carrier's
    for (const format of ["png", "webp"] as const) {
      const out = await encodeOwnValues(own, { bytes: source.bytes, icc: own.icc }, format);
      const meta = await sharp(out).metadata();
      expect(meta.icc?.equals(source.icc)).toBe(true);
      expect(meta.orientation ?? 1).toBe(1);
      const back = await sharp(out).keepIccProfile().raw().toBuffer();
      expect(back.equals(Buffer.from(own.data))).toBe(true);
    }
  });

  it("sends upstreams sRGB, upright; a plain sRGB file goes byte for byte", async () => {
    const source = await adobeRgbJpeg(60, 40, { orientation: 6 });
    const upload = await srgbForUpstream(source.bytes);
    const meta = await sharp(upload).metadata();
    expect([meta.width, meta.height, meta.icc, meta.orientation ?? 1]).toEqual([
      40,
      60,
      undefined,
      1,
    ]);
    const plain = await sharp({
      create: { width: 8, height: 8, channels: 3, background: "#123456" },
    })
      .png()
      .toBuffer();
    expect(await srgbForUpstream(plain)).toBe(plain);
  });

  it("converts an sRGB result back into the source's profile, at the requested size", async () => {
    const source = await adobeRgbJpeg(60, 40);
    const srgbResult = await sharp(source.bytes).png().toBuffer();
    const back = await resultInProfile(srgbResult, 60, 40, source.icc);
    expect([back.width, back.height]).toEqual([60, 40]);
    const own = await decodeOwnValues(source.bytes);
    // The file converted to sRGB and back: within rounding of its own values.
    let diff = 0;
    for (let i = 0; i < own.data.length; i++) diff += Math.abs(own.data[i]! - back.data[i]!);
    expect(diff / own.data.length).toBeLessThan(1.5);
  });
});
