import { describe, expect, it } from "vitest";
import { createSaveQueue } from "./save-queue";

/** A write that records the state it saw and ends when the test says so. */
function controlledWrites(state: { value: number }) {
  const seen: number[] = [];
  const ends: (() => void)[] = [];
  const write = () =>
    new Promise<void>((resolve) => {
      seen.push(state.value);
      ends.push(resolve);
    });
  const endNext = async () => {
    ends.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { write, seen, endNext };
}

describe("createSaveQueue", () => {
  it("writes at once, then once more for all changes made during that write", async () => {
    const state = { value: 1 };
    const writes = controlledWrites(state);
    const queue = createSaveQueue(writes.write, () => {});
    queue.request();
    expect(writes.seen).toEqual([1]);
    state.value = 2;
    queue.request();
    state.value = 3;
    queue.request();
    expect(writes.seen).toEqual([1]);
    await writes.endNext();
    expect(writes.seen).toEqual([1, 3]);
    await writes.endNext();
    await queue.idle();
    expect(writes.seen).toEqual([1, 3]);
  });

  it("on flush starts the waiting write without waiting for the one under way", async () => {
    const state = { value: 1 };
    const writes = controlledWrites(state);
    const queue = createSaveQueue(writes.write, () => {});
    queue.request();
    state.value = 2;
    queue.request();
    queue.flush();
    expect(writes.seen).toEqual([1, 2]);
    queue.flush();
    expect(writes.seen).toEqual([1, 2]);
  });

  it("reports a failed write and goes on writing later changes", async () => {
    const failures: unknown[] = [];
    let calls = 0;
    const queue = createSaveQueue(
      async () => {
        calls++;
        if (calls === 1) throw new Error("disk full");
      },
      (error) => failures.push(error),
    );
    queue.request();
    await queue.idle();
    queue.request();
    await queue.idle();
    expect(calls).toBe(2);
    expect(failures).toHaveLength(1);
  });
});
