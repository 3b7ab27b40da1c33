import { liveQuery } from "dexie";
import { useEffect, useState } from "react";

/**
 * The current answer of an IndexedDB query, re-run by Dexie whenever the tables it read change
 * (in this tab or another), so the history never needs manual invalidation.
 */
export function useLive<T>(query: () => Promise<T>, key: string): T | undefined {
  const [value, setValue] = useState<T>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the query and its inputs; the function is new on every render.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error("history query failed", error),
    });
    return () => subscription.unsubscribe();
  }, [key]);
  return value;
}
