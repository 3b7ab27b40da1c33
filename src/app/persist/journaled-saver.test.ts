import { describe, expect, it } from "vitest";
import { createChangeJournal, type JournalStorage } from "./change-journal";
import { createJournaledSaver, type Snapshot } from "./journaled-saver";

/**
 * A number saved through a journal into a "database" whose writes end when the test says:
 * what a reload would find is the database's row plus the journal's change made on it.
 */
function setup(
  durable: { rev: string | null; state: number } | null,
  onScreen?: number,
  shared = {
    items: new Map<string, string>(),
    db: { row: durable ? { ...durable } : null },
    clock: { ms: 1000 },
  },
) {
  const { items, db, clock } = shared;
  const storage: JournalStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
  const journal = createChangeJournal<number>(storage, "k");
  const screen = { value: onScreen ?? durable?.state ?? 0 };
  const ends: (() => void)[] = [];
  const saver = createJournaledSaver<number, number>({
    journal,
    read: () => screen.value,
    same: (a, b) => a === b,
    changeOf: (_durable, now) => now,
    durable,
    write: (take) =>
      new Promise<Snapshot<number>>((resolve) => {
        const snapshot = take();
        ends.push(() => {
          db.row = { rev: snapshot.rev, state: snapshot.state };
          resolve(snapshot);
        });
      }),
    fail: (error) => {
      throw error;
    },
    now: () => clock.ms,
  });
  const change = (value: number) => {
    screen.value = value;
    saver.changed();
  };
  const endWrite = async () => {
    ends.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  /** What a page loaded now would show. */
  const reload = () => journal.replayOver(db.row?.rev ?? null) ?? db.row?.state ?? null;
  return { saver, change, endWrite, reload, items, ends, shared };
}

describe("createJournaledSaver", () => {
  it("a reload at any moment after a change finds it", async () => {
    const t = setup({ rev: "r0", state: 1 });
    t.change(2);
    expect(t.reload()).toBe(2);
    t.change(3);
    expect(t.reload()).toBe(3);
    await t.endWrite();
    expect(t.reload()).toBe(3);
    await t.endWrite();
    expect(t.reload()).toBe(3);
    // Once durable, nothing is left in the journal.
    expect(t.items.size).toBe(0);
  });

  it("a change made during a write is journaled again on the state that write stored", async () => {
    const t = setup({ rev: "r0", state: 1 });
    t.change(2);
    t.change(3);
    await t.endWrite();
    expect(t.items.size).toBe(1);
    expect(t.reload()).toBe(3);
  });

  it("a journal older than the database is not replayed", async () => {
    const t = setup({ rev: "r0", state: 1 });
    t.change(2);
    const stale = [...t.items.values()][0]!;
    await t.endWrite();
    t.change(3);
    await t.endWrite();
    // An entry made on an earlier revision comes back (another tab wrote it late).
    t.items.set("k", stale);
    expect(t.reload()).toBe(3);
  });

  it("writes a restored state newer than the database's at once, journaled meanwhile", async () => {
    expect(setup({ rev: "r0", state: 1 }).ends).toHaveLength(0);
    const t = setup({ rev: "r0", state: 1 }, 5);
    expect(t.ends).toHaveLength(1);
    expect(t.reload()).toBe(5);
    await t.endWrite();
    expect(t.reload()).toBe(5);
    expect(t.items.size).toBe(0);
  });

  it("with nothing durable yet, writes what is on screen and journals nothing", async () => {
    const t = setup(null);
    expect(t.ends).toHaveLength(1);
    t.change(4);
    expect(t.items.size).toBe(0);
    await t.endWrite();
    await t.endWrite();
    expect(t.reload()).toBe(4);
  });

  it("two tabs: the newest write wins, and one tab's write never settles the other's newer entry", async () => {
    const a = setup({ rev: "r0", state: 1 });
    const b = setup({ rev: "r0", state: 1 }, undefined, a.shared);
    b.change(3);
    a.shared.clock.ms += 50;
    a.change(2);
    await b.endWrite();
    // B's write is older than A's entry: the entry stays, though made on the state B replaced,
    // so a reload now shows B's write (A's change waits for A's own write).
    expect(a.items.size).toBe(1);
    expect(a.reload()).toBe(3);
    await a.endWrite();
    expect(a.reload()).toBe(2);
    expect(a.items.size).toBe(0);
  });
});
