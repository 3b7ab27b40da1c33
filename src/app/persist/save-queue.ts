/**
 * Serialises the document's writes so that every change is written at once, never two at a
 * time, and never older over newer: a change made while a write is under way is written right
 * after it (changes made meanwhile share that one write, which reads the latest state).
 */
export interface SaveQueue {
  /** The document changed: write it now, or right after the write under way. */
  request: () => void;
  /**
   * The page is going away (`pagehide`): start the waiting write now rather than after the one
   * under way, which the page may not live to see end.
   */
  flush: () => void;
  /** Resolves when nothing is being written or waiting. */
  idle: () => Promise<void>;
}

export function createSaveQueue(
  write: () => Promise<void>,
  fail: (error: unknown) => void,
): SaveQueue {
  let waiting = false;
  let running: Promise<void> | null = null;
  const writeSafely = () => write().catch(fail);
  const drain = async () => {
    while (waiting) {
      waiting = false;
      await writeSafely();
    }
    running = null;
  };
  return {
    request() {
      waiting = true;
      running ??= drain();
    },
    flush() {
      if (!waiting) return;
      waiting = false;
      void writeSafely();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
