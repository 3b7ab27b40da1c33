import { useEffect } from "react";
import { useAppStore } from "../store/store";

/** `P` opens the presentation of the run on show, unless the user is typing. */
export function usePresentShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "p" && event.key !== "P") return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const { shownRunId, setPresenting } = useAppStore.getState();
      if (shownRunId) setPresenting(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
