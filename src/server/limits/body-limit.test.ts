import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningProxy, startProxy } from "../proxy";
import { testConfig } from "../testing/proxy-config";
import { DRAIN_FACTOR } from "./body-limit";

// Large enough that an unread body no longer fits in loopback's socket buffers.
const LIMIT = 4 * 1024 * 1024;

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parseRaw(raw: string): RawAnswer {
  // A 100 Continue may come first; the answer is the last head.
  const heads = raw.split("\r\n\r\n");
  let index = 0;
  while (heads[index]?.startsWith("HTTP/1.1 100")) index += 1;
  const [statusLine = "", ...lines] = (heads[index] ?? "").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(statusLine.split(" ")[1]),
    headers,
    body: heads.slice(index + 1).join("\r\n\r\n"),
  };
}

function write(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    socket.write(data, (error) => (error ? reject(error) : resolve())),
  );
}

/** Everything the server sends until it closes, read only when asked. */
function readAll(socket: Socket): Promise<string> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.once("error", reject);
    socket.once("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
  });
}

/**
 * Like Python's urllib or curl without `Expect: 100-continue`: the whole body is written before
 * a byte of the answer is read. The socket stays paused meanwhile, so the answer waits in the
 * kernel's buffer, as it does for those clients.
 */
async function postWholeBodyFirst(
  url: string,
  path: string,
  body: Buffer,
  head: { chunked?: boolean; expectContinue?: boolean } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.pause();
  // A reset reaches the test through the write callbacks and readAll, not as an uncaught event.
  socket.on("error", () => {});
  await new Promise((resolve) => socket.once("connect", resolve));
  const framing = head.chunked ? "transfer-encoding: chunked" : `content-length: ${body.length}`;
  const expect = head.expectContinue ? "expect: 100-continue\r\n" : "";
  await write(
    socket,
    `POST ${path} HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\n${framing}\r\n${expect}connection: close\r\n\r\n`,
  );
  const step = 64 * 1024;
  for (let at = 0; at < body.length; at += step) {
    const part = body.subarray(at, at + step);
    await write(socket, head.chunked ? Buffer.concat([chunkHead(part.length), part, CRLF]) : part);
  }
  if (head.chunked) await write(socket, "0\r\n\r\n");
  const answer = readAll(socket);
  socket.resume();
  return parseRaw(await answer);
}

const CRLF = Buffer.from("\r\n");
const chunkHead = (length: number) => Buffer.from(`${length.toString(16)}\r\n`);

describe("a body over the limit, from a client that writes it all before reading", () => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy(testConfig({ maxBodyBytes: LIMIT }));
  });
  afterAll(() => proxy.close());

  const oversized = Buffer.alloc(3 * LIMIT, "A");
  const fill = "/v1/flux-pro-1.0-fill";

  it("reads the 413 and its message after sending a Content-Length body", async () => {
    const answer = await postWholeBodyFirst(proxy.url, fill, oversized);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      detail: `request body is larger than ${LIMIT} bytes`,
    });
  });

  it("reads the 413 after sending a chunked body", async () => {
    const answer = await postWholeBodyFirst(proxy.url, fill, oversized, {
      chunked: true,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).detail).toBe(`request body is larger than ${LIMIT} bytes`);
  });

  it("reads the 413 after sending the body that followed Expect: 100-continue", async () => {
    const answer = await postWholeBodyFirst(proxy.url, fill, oversized, { expectContinue: true });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).detail).toBe(`request body is larger than ${LIMIT} bytes`);
  });

  it("stops reading past the drain bound, so a client cannot make it read forever", async () => {
    const endless = Buffer.alloc((DRAIN_FACTOR + 4) * LIMIT, "A");
    await expect(postWholeBodyFirst(proxy.url, fill, endless)).rejects.toThrow(/EPIPE|ECONNRESET/);
  });

  it("passes a chunked body under the limit to the route whole", async () => {
    const answer = await postWholeBodyFirst(
      proxy.url,
      fill,
      Buffer.from(JSON.stringify({ image: "A".repeat(LIMIT / 2), prompt: "x" })),
      { chunked: true },
    );
    // The route read the whole JSON: it names the next thing wrong with it, not the framing.
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body).detail[0].loc).toEqual(["body", "image"]);
  });

  it("reads the 413 from the share route too", async () => {
    const answer = await postWholeBodyFirst(proxy.url, "/api/shares", oversized);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).detail).toBe(`request body is larger than ${LIMIT} bytes`);
  });
});
