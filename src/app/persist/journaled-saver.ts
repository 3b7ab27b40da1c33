import type { ChangeJournal } from "./change-journal";
import { createSaveQueue } from "./save-queue";

/** A state as taken for a durable write, with the revision it is written under. */
export interface Snapshot<S> {
  state: S;
  rev: string;
  /** When the newest change in it was made (ms). */
  at: number;
}

export interface JournaledSaverOptions<S, C> {
  journal: ChangeJournal<C>;
  /** The saved fields as they are now. */
  read: () => S;
  same: (a: S, b: S) => boolean;
  /** The journal's change from the durable state to `now`; null when it cannot say it. */
  changeOf: (durable: S, now: S) => C | null;
  /** What the database held at restore, if it holds the state on screen's own document. */
  durable: { rev: string | null; state: S } | null;
  /**
   * The durable (IndexedDB) write. It takes its state with `take` when it is about to write
   * (after any await of its own, so it never writes an older state) and gives back what it
   * wrote, or null when it wrote nothing.
   */
  write: (take: () => Snapshot<S>) => Promise<Snapshot<S> | null>;
  fail: (error: unknown) => void;
  /** The clock entries are dated by; tabs share `Date.now()`, so their entries compare. */
  now?: () => number;
}

export interface JournaledSaver {
  /** The saved fields changed: journal it now and write it durably. */
  changed: () => void;
  /** The page is going away (`pagehide`): start the waiting write at once. */
  flush: () => void;
}

/**
 * Saves a state durably through the save queue and keeps its newest change in a synchronous
 * journal until that change is durable, so a reload at any moment after a change keeps it.
 * The journal entry is always made on the newest durable state known here: when a write ends
 * with changes made during it, the entry is made again on the state that write stored.
 * A state on screen that differs from the durable one at start (a journal was replayed, or a
 * document opened while the database was read) is written at once.
 */
export function createJournaledSaver<S, C>(options: JournaledSaverOptions<S, C>): JournaledSaver {
  const { journal, read, same, changeOf, write, now = Date.now } = options;
  // The durable state restored at start counts as older than any change made here.
  let durable: { state: S | null; rev: string | null; at: number } = {
    state: null,
    rev: null,
    ...options.durable,
    at: 0,
  };
  let changedAt = 0;
  const journalNewest = () => {
    if (durable.state === null) return;
    const current = read();
    if (same(durable.state, current)) return journal.settle(durable.at);
    const change = changeOf(durable.state, current);
    if (change !== null) journal.record({ base: durable.rev, at: changedAt, change });
  };
  const take = (): Snapshot<S> => ({ state: read(), rev: newRevision(), at: changedAt });
  const queue = createSaveQueue(async () => {
    const written = await write(take);
    // After a flush two writes overlap. IndexedDB commits them in the order they were made,
    // which is the order of their snapshots: only the newer one moves the base.
    if (!written || written.at < durable.at) return;
    durable = written;
    journalNewest();
  }, options.fail);
  const changed = () => {
    changedAt = Math.max(now(), changedAt + 1);
    journalNewest();
    queue.request();
  };
  if (durable.state === null || !same(durable.state, read())) changed();
  return { changed, flush: queue.flush };
}

/**
 * 128 random bits. Not `crypto.randomUUID`, which exists only in secure contexts: an app served
 * over plain HTTP on a LAN address would stop saving.
 */
function newRevision(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join("-");
}
