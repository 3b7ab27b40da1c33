import { describe, expect, it } from "vitest";
import { createChangeJournal, type JournalStorage } from "./change-journal";

/** An in-memory `Storage` with a quota in characters, like a browser's. */
function memoryStorage(quota = Number.POSITIVE_INFINITY) {
  const items = new Map<string, string>();
  const storage: JournalStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException("quota", "QuotaExceededError");
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
  return { storage, items };
}

describe("createChangeJournal", () => {
  it("replays a change only over the revision it was made on", () => {
    const { storage } = memoryStorage();
    const journal = createChangeJournal<string>(storage, "k");
    journal.record({ base: "r1", at: 10, change: "newest" });
    expect(journal.replayOver("r1")).toBe("newest");
    // The database moved on (this change's write, or another tab's, or another photo).
    expect(journal.replayOver("r2")).toBeNull();
    expect(journal.replayOver(null)).toBeNull();
  });

  it("keeps one entry, the newest recorded", () => {
    const { storage, items } = memoryStorage();
    const journal = createChangeJournal<string>(storage, "k");
    journal.record({ base: "r1", at: 10, change: "older" });
    journal.record({ base: "r2", at: 11, change: "newer" });
    expect(items.size).toBe(1);
    expect([journal.replayOver("r1"), journal.replayOver("r2")]).toEqual([null, "newer"]);
  });

  it("settles an entry once a state at least as new is durable, not before", () => {
    const { storage, items } = memoryStorage();
    const journal = createChangeJournal<string>(storage, "k");
    journal.record({ base: "r1", at: 10, change: "x" });
    journal.settle(9);
    expect(journal.replayOver("r1")).toBe("x");
    journal.settle(10);
    expect(items.size).toBe(0);
    journal.settle(11);
  });

  it("leaves the previous entry when storage refuses, and throws nothing", () => {
    const { storage } = memoryStorage(200);
    const journal = createChangeJournal<string>(storage, "k");
    journal.record({ base: "r1", at: 10, change: "small" });
    expect(() => journal.record({ base: "r1", at: 11, change: "x".repeat(500) })).not.toThrow();
    expect(journal.replayOver("r1")).toBe("small");
  });

  it("writes no entry too large to serialise at each change", () => {
    const { storage, items } = memoryStorage();
    const journal = createChangeJournal<string>(storage, "k");
    journal.record({ base: "r1", at: 10, change: "x".repeat(1_000_001) });
    expect(items.size).toBe(0);
  });

  it("works without storage, and ignores a corrupt or foreign entry", () => {
    const none = createChangeJournal<string>(null, "k");
    none.record({ base: "r1", at: 1, change: "x" });
    expect(none.replayOver("r1")).toBeNull();
    const { storage, items } = memoryStorage();
    const journal = createChangeJournal<string>(storage, "k");
    for (const text of [
      "{not json",
      '{"base":"r1"}',
      "42",
      '{"base":"r1","at":"soon","change":1}',
    ]) {
      items.set("k", text);
      expect(journal.replayOver("r1")).toBeNull();
    }
  });
});
