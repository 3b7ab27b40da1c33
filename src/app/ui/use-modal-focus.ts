import { type RefObject, useEffect } from "react";

/**
 * A modal's keyboard contract: focus moves into `dialog` when it opens (else it stays on the
 * button behind the backdrop, where keys act on a page the user cannot see), Esc closes it, and
 * on closing focus goes back to the element that had it, so the keyboard user is where they were.
 */
export function useModalFocus(dialog: RefObject<HTMLElement | null>, onClose: () => void): void {
  useEffect(() => {
    const opener = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [dialog]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
}
