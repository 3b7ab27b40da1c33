import { useEffect } from "react";
import { useAppStore } from "../store/store";

/**
 * In the presentation: ←/→ (and PageUp/PageDown, as clickers send) step through the finished
 * variants, Esc leaves. Arrows on the focused slider handle move the divider instead.
 */
export function usePresentKeys(ready: number[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { compareB, setCompareB, setPresenting } = useAppStore.getState();
      if (event.key === "Escape") {
        setPresenting(false);
        return;
      }
      const step = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[event.key];
      if (!step || ready.length === 0) return;
      if (event.target instanceof HTMLElement && event.target.getAttribute("role") === "slider")
        return;
      event.preventDefault();
      const at = Math.max(0, ready.indexOf(compareB));
      setCompareB(ready[(at + step + ready.length) % ready.length]!);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ready]);
}
