import { journalFromJson, journalToJson } from "./journal-json";

/** What a journal needs of `Storage`: `localStorage` in the app, a map in tests. */
export type JournalStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface JournalEntry<C> {
  /**
   * The revision of the durable (IndexedDB) state the change was made on; null for a row saved
   * before rows had revisions, or no row at all. Every durable write takes a new revision, so
   * an entry is replayed only over the very state it was made on: never over a newer one (a
   * journal older than the database) nor over another photo.
   */
  base: string | null;
  /** When its newest change was made (ms): a durable write at least as new settles it. */
  at: number;
  change: C;
}

/**
 * Past this an entry is not written: serialising it would hold up the page at each change and
 * it would not fit the origin's few megabytes anyway. The IndexedDB write still carries it.
 */
const MAX_CHARS = 1_000_000;

/**
 * One synchronous record of the newest change not yet durable in IndexedDB. An IndexedDB write
 * still under way when the page unloads is lost; a `localStorage` write is done before the
 * call returns, so a reload started at any moment after a change finds it here.
 */
export interface ChangeJournal<C> {
  /** Keeps `entry` in place of the previous one. A failure (quota, no storage) is silent. */
  record: (entry: JournalEntry<C>) => void;
  /** The change to replay over the durable state of revision `rev`, if one was made on it. */
  replayOver: (rev: string | null) => C | null;
  /** A state changed at `at` is durable: an entry no newer is no longer needed. */
  settle: (at: number) => void;
}

export function createChangeJournal<C>(
  storage: JournalStorage | null,
  key: string,
): ChangeJournal<C> {
  const read = (): JournalEntry<C> | null => {
    try {
      const text = storage?.getItem(key);
      const entry = text ? journalFromJson(text) : null;
      return isEntry(entry) ? (entry as JournalEntry<C>) : null;
    } catch {
      // Unreadable or corrupt: the database's state stands.
      return null;
    }
  };
  return {
    record(entry) {
      try {
        const text = journalToJson(entry);
        if (text.length <= MAX_CHARS) storage?.setItem(key, text);
      } catch {
        // Over quota or storage refused: the IndexedDB write under way is the one copy, as
        // before journals; the previous entry (an older state, if any) stays replayable.
      }
    },
    replayOver(rev) {
      const entry = read();
      return entry && entry.base === rev ? entry.change : null;
    },
    settle(at) {
      const entry = read();
      if (!entry || entry.at > at) return;
      try {
        storage?.removeItem(key);
      } catch {
        // A stale entry is harmless: its revision no longer matches the database's.
      }
    },
  };
}

/** `localStorage`, or null where reading it throws (storage disabled, sandboxed frames). */
export function browserStorage(): JournalStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isEntry(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const entry = value as Record<string, unknown>;
  return (
    (entry.base === null || typeof entry.base === "string") &&
    typeof entry.at === "number" &&
    "change" in entry
  );
}
