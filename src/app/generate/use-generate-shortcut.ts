import { useEffect, useRef } from "react";

/**
 * Ctrl/Cmd+Enter generates from anywhere, the prompt field included (where plain Enter is a
 * new line). The latest `submit` is kept in a ref so the listener is added once.
 */
export function useGenerateShortcut(submit: () => void) {
  const latest = useRef(submit);
  latest.current = submit;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
