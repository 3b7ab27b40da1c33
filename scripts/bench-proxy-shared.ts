import { readFileSync } from "node:fs";
import sharp from "sharp";
import type { ResultResponse, SubmitResponse } from "../src/contract";

/** Helpers shared by `npm run bench:proxy` and its `--scale` mode. */

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

export async function testImages() {
  const image = await sharp({
    create: { width: 128, height: 96, channels: 3, background: "#6a8caf" },
  })
    .png()
    .toBuffer();
  const gray = new Uint8Array(128 * 96);
  for (let y = 40; y < 56; y++) gray.fill(255, y * 128 + 56, y * 128 + 72);
  const mask = await sharp(gray, { raw: { width: 128, height: 96, channels: 1 } })
    .png()
    .toBuffer();
  return { image: image.toString("base64"), mask: mask.toString("base64") };
}

export async function submit(base: string, body: string): Promise<{ status: number; id?: string }> {
  const response = await fetch(`${base}/v1/flux-pro-1.0-fill`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const answer = (await response.json()) as Partial<SubmitResponse>;
  return { status: response.status, id: answer.id };
}

export async function waitReady(base: string, id: string, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = (await (await fetch(`${base}/v1/get_result?id=${id}`)).json()) as ResultResponse;
    if (answer.status !== "Pending") return answer.status;
    await new Promise((r) => setTimeout(r, 100));
  }
  return "timeout";
}
