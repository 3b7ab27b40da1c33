import { type AppState, useAppStore } from "../store/store";
import type { JournaledSaver } from "./journaled-saver";

/** Tells `saver` of each change to `fields`, and flushes it on `pagehide`. Returns the undo. */
export function watchSavedFields(
  fields: readonly (keyof AppState)[],
  saver: JournaledSaver,
): () => void {
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (fields.some((field) => state[field] !== previous[field])) saver.changed();
  });
  window.addEventListener("pagehide", saver.flush);
  return () => {
    unsubscribe();
    window.removeEventListener("pagehide", saver.flush);
  };
}

/** Whether two picks of the saved fields hold the same values (by identity). */
export function sameFields<T extends object>(fields: readonly (keyof T)[], a: T, b: T): boolean {
  return fields.every((field) => a[field] === b[field]);
}

export function pickFields<T extends object, K extends keyof T>(
  state: T,
  fields: readonly K[],
): Pick<T, K> {
  return Object.fromEntries(fields.map((field) => [field, state[field]])) as Pick<T, K>;
}
