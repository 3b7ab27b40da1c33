import { type RefObject, useEffect } from "react";
import { isTyping } from "../editor/focus-target";
import { useAppStore } from "../store/store";
import { modeOf } from "../store/view-slice";

/** The header's History toggle, where the focus goes back when the column closes. */
export const HISTORY_TOGGLE_ID = "history-toggle";

/** Closes the History and gives the focus back to the toggle that opened it. */
export function closeHistory(): void {
  useAppStore.getState().setHistoryOpen(false);
  document.getElementById(HISTORY_TOGGLE_ID)?.focus();
}

/**
 * Esc closes the History column, unless something nearer takes it: an open dialog (the
 * shortcut sheet, the animation dialog, the presentation) closes first, a text field keeps
 * its keys, and on the stage object select and the edge lasso drop their pending cut or path
 * (unless the focus is in the History itself). Listened for in the capture phase, before the
 * dialogs' own handlers remove them, so one Esc closes one thing.
 */
export function useHistoryEscape(panel: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !escapeClosesHistory(event.target, panel.current)) return;
      event.preventDefault();
      closeHistory();
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [panel]);
}

function escapeClosesHistory(target: EventTarget | null, panel: HTMLElement | null): boolean {
  if (document.querySelector('[role="dialog"]') || isTyping(target)) return false;
  const inHistory =
    target instanceof Element && (panel?.contains(target) || target.id === HISTORY_TOGGLE_ID);
  if (inHistory) return true;
  const state = useAppStore.getState();
  return !(modeOf(state) === "edit" && (state.tool === "object" || state.tool === "scissors"));
}
