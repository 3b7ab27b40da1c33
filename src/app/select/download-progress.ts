/** Bytes received so far and the whole size (0 when the server did not say). */
export interface DownloadProgress {
  loaded: number;
  total: number;
}

/**
 * Reads a response's body to the end, calling `onProgress` whenever another whole percent has
 * arrived (or, without a Content-Length, every chunk), and once more at the end with the final
 * count: OpenCV.js is 11 MB, and a bar that jumps per chunk would post ~170 messages.
 */
export async function readWithProgress(
  response: Response,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Uint8Array> {
  if (!response.ok || !response.body) throw new Error(`download failed: HTTP ${response.status}`);
  const total = Number(response.headers.get("content-length")) || 0;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = -1;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    const percent = total > 0 ? Math.floor((100 * loaded) / total) : loaded;
    if (percent !== reported) {
      reported = percent;
      onProgress({ loaded, total });
    }
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // The size actually received is the whole, even when a header said otherwise.
  if (reported !== 100 || total !== loaded) onProgress({ loaded, total: loaded });
  return bytes;
}
