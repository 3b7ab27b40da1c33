import { describe, expect, it } from "vitest";
import { type DownloadProgress, readWithProgress } from "./download-progress";

/** A response whose body arrives in `chunks` pieces of `size` bytes each. */
function chunkedResponse(chunks: number, size: number, lengthHeader: boolean) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(sent++));
    },
  });
  const headers = lengthHeader ? { "content-length": String(chunks * size) } : undefined;
  return new Response(body, { headers });
}

describe("readWithProgress", () => {
  it("returns every byte in order and reports each whole percent once, ending at the total", async () => {
    const seen: DownloadProgress[] = [];
    const bytes = await readWithProgress(chunkedResponse(400, 1000, true), (p) => seen.push(p));
    expect(bytes.length).toBe(400_000);
    expect(bytes[0]).toBe(0);
    expect(bytes[999]).toBe(0);
    expect(bytes[1000]).toBe(1);
    expect(bytes[399_999]).toBe(399 % 256);
    expect(seen[0]).toEqual({ loaded: 0, total: 400_000 });
    expect(seen.at(-1)).toEqual({ loaded: 400_000, total: 400_000 });
    // 400 chunks, but only 0 % plus one report per whole percent 0…100.
    expect(seen.length).toBeLessThanOrEqual(102);
    const loaded = seen.map((p) => p.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  });

  it("without a Content-Length reports the bytes so far and ends with the size received", async () => {
    const seen: DownloadProgress[] = [];
    const bytes = await readWithProgress(chunkedResponse(3, 10, false), (p) => seen.push(p));
    expect(bytes.length).toBe(30);
    expect(seen).toEqual([
      { loaded: 0, total: 0 },
      { loaded: 10, total: 0 },
      { loaded: 20, total: 0 },
      { loaded: 30, total: 0 },
      { loaded: 30, total: 30 },
    ]);
  });

  it("refuses an error response", async () => {
    await expect(readWithProgress(new Response("gone", { status: 404 }), () => {})).rejects.toThrow(
      "HTTP 404",
    );
  });
});
