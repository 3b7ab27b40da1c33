import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniff-image-type";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("sniffImageType", () => {
  it("recognises PNG, JPEG and WebP by their signatures", () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      "image/png",
    );
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe("image/jpeg");
    const webp = new TextEncoder().encode("RIFF\x10\x00\x00\x00WEBPVP8 ");
    expect(sniffImageType(webp)).toBe("image/webp");
  });

  it("refuses text, GIF and short files", () => {
    expect(sniffImageType(new TextEncoder().encode("not an image"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffImageType(bytes(0x89, 0x50))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF\x10\x00\x00\x00WAVE"))).toBeNull();
  });
});
