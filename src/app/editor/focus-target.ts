/** True when keys go to a text field, where editor shortcuts must never fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !["range", "checkbox", "button", "color", "file"].includes(target.type)
  );
}

/** True when a focused control gives Space its own meaning (pressing a button, a checkbox). */
export function isControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLButtonElement ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLAnchorElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Called when the pointer enters a stage: a sidebar button clicked a moment ago keeps the focus,
 * and would take Space for itself (press the button) instead of letting Space+drag pan. Text
 * fields keep theirs, so a prompt being typed is never interrupted.
 */
export function releaseControlFocus(): void {
  const focused = document.activeElement;
  if (isControl(focused) && !isTyping(focused) && focused instanceof HTMLElement) focused.blur();
}
