import { afterEach, describe, expect, it } from "vitest";
import type { FillOutput, FillTask } from "./fill-task";
import { CancelledTaskError, WorkerPool } from "./worker-pool";

const WORKER = new URL("./fill-worker.ts", import.meta.url);

function task(width: number, height: number, hole: boolean): FillTask {
  const pixels = new Uint8Array(width * height * 3).fill(200);
  const mask = new Uint8Array(width * height);
  if (hole) mask.fill(1, width * 2 + 2, width * 2 + 6);
  return { pixels, width, height, channels: 3, mask };
}

describe("WorkerPool with the fill worker", () => {
  let pool: WorkerPool<FillTask, FillOutput> | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  it("runs fills off the main thread, reports progress and returns the pixels", async () => {
    pool = new WorkerPool<FillTask, FillOutput>(WORKER, 1);
    const input = task(16, 8, true);
    const progress: number[] = [];
    const { pixels } = await pool.run(input, [input.pixels.buffer as ArrayBuffer], (f) =>
      progress.push(f),
    );
    expect(pixels.length).toBe(16 * 8 * 3);
    expect(pixels.every((v) => v === 200)).toBe(true); // a hole in a flat image fills flat
    expect(progress.at(-1)).toBe(1);
  });

  it("queues more tasks than workers and finishes them all", async () => {
    pool = new WorkerPool<FillTask, FillOutput>(WORKER, 2);
    const runs = Array.from({ length: 5 }, () => {
      const input = task(32, 32, true);
      return pool!.run(input, [input.pixels.buffer as ArrayBuffer], () => {});
    });
    const results = await Promise.all(runs);
    expect(results).toHaveLength(5);
  });

  it("fails a task with the engine's message and keeps the worker usable", async () => {
    pool = new WorkerPool<FillTask, FillOutput>(WORKER, 1);
    const full = task(4, 4, false);
    full.mask.fill(1);
    await expect(pool.run(full, [], () => {})).rejects.toThrow(/mask/);
    const ok = task(8, 8, true);
    await expect(pool.run(ok, [], () => {})).resolves.toHaveProperty("pixels");
  });
});

describe("cancelling a fill", () => {
  let pool: WorkerPool<FillTask, FillOutput> | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  function bigTask(): FillTask {
    const [w, h] = [900, 700];
    const pixels = new Uint8Array(w * h * 3).map((_, i) => (i * 7919) % 251);
    const mask = new Uint8Array(w * h);
    for (let y = 150; y < 550; y++) mask.fill(1, y * w + 200, y * w + 700);
    return { pixels, width: w, height: h, channels: 3, mask, mode: "exemplar" };
  }

  it("rejects a running fill at once and frees its worker for the next task", async () => {
    pool = new WorkerPool<FillTask, FillOutput>(WORKER, 1);
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const handle = pool.run(bigTask(), [], () => started());
    await running; // the worker is inside the fill (it has reported progress)
    const cancelledAt = Date.now();
    handle.cancel();
    await expect(handle).rejects.toBeInstanceOf(CancelledTaskError);
    const next = task(16, 8, true);
    await expect(pool.run(next, [], () => {})).resolves.toHaveProperty("pixels");
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
  });

  it("drops a queued fill without running it", async () => {
    pool = new WorkerPool<FillTask, FillOutput>(WORKER, 1);
    const first = pool.run(task(16, 8, true), [], () => {});
    const queued = pool.run(bigTask(), [], () => {});
    queued.cancel();
    await expect(queued).rejects.toBeInstanceOf(CancelledTaskError);
    await expect(first).resolves.toHaveProperty("pixels");
    expect(pool.queued).toBe(0);
  });
});
