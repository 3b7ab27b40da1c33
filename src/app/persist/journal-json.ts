/**
 * JSON for journal entries, whose mask operations may hold `Uint8Array`s (a selection's or an
 * imported mask's 0/255 pixels). Bytes are written as runs of equal values, `[value, count, …]`:
 * a mask is long runs of 0 and 255, so a full-image bitmap takes a few kilobytes, not megabytes
 * of numbers, and fits in `localStorage`.
 */
const BYTES = "$bytes";

export function journalToJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { [BYTES]: byteRuns(item) } : item,
  );
}

export function journalFromJson(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === "object" && BYTES in item) {
      const runs = (item as Record<typeof BYTES, unknown>)[BYTES];
      if (Array.isArray(runs)) return bytesFromRuns(runs);
    }
    return item;
  });
}

export function byteRuns(bytes: Uint8Array): number[] {
  const runs: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const value = bytes[i]!;
    let end = i + 1;
    while (end < bytes.length && bytes[end] === value) end++;
    runs.push(value, end - i);
    i = end;
  }
  return runs;
}

export function bytesFromRuns(runs: readonly unknown[]): Uint8Array {
  let length = 0;
  for (let i = 1; i < runs.length; i += 2) length += Number(runs[i]);
  const bytes = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const count = Number(runs[i + 1]);
    bytes.fill(Number(runs[i]), at, at + count);
    at += count;
  }
  return bytes;
}
