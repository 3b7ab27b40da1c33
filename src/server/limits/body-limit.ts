import type { Context, MiddlewareHandler } from "hono";

/**
 * How much of an over-limit body is read (and thrown away) before the connection is dropped, as
 * a multiple of the limit. Clients such as Python's urllib or curl without
 * `Expect: 100-continue` write the whole body before they read a byte of the answer: closing
 * the socket while they write resets the connection and the 413 is lost with it. Draining lets
 * them read it; the bound keeps a client from making the proxy read forever (Node's
 * `requestTimeout`, 300 s by default, bounds the time the same way). Nothing drained is kept.
 */
export const DRAIN_FACTOR = 4;

/**
 * Refuses a body over `maxBytes` with 413 `{detail}`: at once from its Content-Length, or while
 * reading a chunked one (which is then buffered, being under the limit). The answer is sent
 * straight away for clients that read while they write, but the response only ends once the
 * rest of the body is drained, so the socket is not closed under a client still writing.
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(declared) > maxBytes ? tooLarge(c, maxBytes, body.getReader(), 0) : next();
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) return tooLarge(c, maxBytes, reader, size);
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    return next();
  };
}

type BodyReader = ReadableStreamDefaultReader<Uint8Array>;

function tooLarge(c: Context, maxBytes: number, reader: BodyReader, read: number): Response {
  const message = new TextEncoder().encode(
    JSON.stringify({ detail: `request body is larger than ${maxBytes} bytes` }),
  );
  const drained = drain(reader, read, DRAIN_FACTOR * maxBytes);
  const answer = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(message),
    pull: async (controller) => {
      await drained;
      controller.close();
    },
  });
  return c.body(answer, 413, {
    "content-type": "application/json",
    "content-length": String(message.length),
    connection: "close",
  });
}

/** Reads and discards the rest of the body; past `cap` bytes it cancels, which drops the socket. */
async function drain(reader: BodyReader, read: number, cap: number): Promise<void> {
  let total = read;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > cap) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: there is nothing left to drain.
  }
}
