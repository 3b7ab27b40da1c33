import { describe, expect, it } from "vitest";
import type { FillJob } from "../providers/provider";
import { deserializeJob, serializeJob } from "./job-payload";

describe("job payloads for the fill queue", () => {
  it("round-trips a job's image and mask bytes and its request", () => {
    const job: FillJob = {
      kind: "fill",
      request: { image: "aW1n", mask: "bWFzaw==", prompt: "sky", seed: 42, output_format: "png" },
      image: {
        bytes: Buffer.from([0, 1, 2, 255]),
        width: 2,
        height: 1,
        format: "png",
        hasAlpha: false,
      },
      mask: { bytes: Buffer.from([9, 8]), width: 2, height: 1, format: "png", hasAlpha: false },
    } as FillJob;
    const back = deserializeJob(serializeJob(job)) as FillJob;
    expect(back.request).toEqual(job.request);
    expect(Buffer.isBuffer(back.image.bytes)).toBe(true);
    expect([...back.image.bytes]).toEqual([0, 1, 2, 255]);
    expect([...(back.mask?.bytes ?? [])]).toEqual([9, 8]);
    expect(back.image.width).toBe(2);
  });

  it("keeps bytes compact (base64, not a JSON array of numbers)", () => {
    const bytes = Buffer.alloc(30_000, 7);
    const job = {
      kind: "erase",
      request: {},
      image: { bytes, width: 1, height: 1, format: "png", hasAlpha: false },
      mask: { bytes, width: 1, height: 1, format: "png", hasAlpha: false },
    } as unknown as FillJob;
    expect(serializeJob(job).length).toBeLessThan(2 * 30_000 * 1.4);
  });
});
