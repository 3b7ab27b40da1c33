import { describe, expect, it } from "vitest";
import { blobToBase64, bytesToBase64 } from "./png";

describe("bytesToBase64", () => {
  it("matches Node's encoder, across chunk boundaries", async () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(await blobToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString("base64"));
    expect(bytesToBase64(new Uint8Array(0))).toBe("");
  });
});
