import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { crc32, encodeGrayPng } from "./encode-gray-png";

describe("encodeGrayPng", () => {
  it("writes a PNG that a standard decoder reads back pixel for pixel", async () => {
    const width = 37;
    const height = 23;
    const gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i++) gray[i] = i % 7 === 0 ? 255 : i % 5 === 0 ? 128 : 0;
    // Grey values force 8 bits per pixel.
    const png = Buffer.from(await (await encodeGrayPng(gray, width, height)).arrayBuffer());
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual([
      width,
      height,
      1,
      false,
    ]);
    const data = await sharp(png).extractChannel(0).raw().toBuffer();
    expect([...data]).toEqual([...gray]);
  });

  it("writes a pure 0/255 mask as a 1-bit PNG that decodes to the same pixels", async () => {
    const width = 13;
    const height = 5;
    const gray = new Uint8Array(width * height).map((_, i) => (i % 3 === 0 ? 255 : 0));
    const png = Buffer.from(await (await encodeGrayPng(gray, width, height)).arrayBuffer());
    expect(png[24]).toBe(1); // IHDR bit depth
    const data = await sharp(png).extractChannel(0).raw().toBuffer();
    expect([...data]).toEqual([...gray]);
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
