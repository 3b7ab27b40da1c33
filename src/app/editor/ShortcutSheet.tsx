import { useAppStore } from "../store/store";
import { SHORTCUTS } from "./use-editor-shortcuts";

/**
 * The `?` sheet listing every editor shortcut. In two columns where the window is wide enough,
 * and never taller than the window: at 1024×640 one column was 804 px tall and lost its end.
 */
export function ShortcutSheet() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  if (!open) return null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape and ? close it through the shortcuts
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop only closes the dialog
    <div
      className="fixed inset-0 z-50 grid place-items-center bg-black/60 p-4"
      onClick={() => setOpen(false)}
    >
      <div
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="shortcut-sheet"
        className="max-h-full w-[26rem] overflow-y-auto rounded-xl border border-neutral-700 bg-neutral-900 p-5 shadow-xl lg:w-[52rem]"
      >
        <h2 className="mb-3 text-base font-semibold">Keyboard shortcuts</h2>
        <dl className="gap-x-8 text-sm lg:columns-2">
          {SHORTCUTS.map(([keys, action]) => (
            <div
              key={keys}
              data-testid="shortcut-row"
              className="grid break-inside-avoid grid-cols-[10rem_1fr] gap-x-3 border-t border-neutral-800 py-1.5"
            >
              <dt className="font-mono text-xs leading-5 text-neutral-300">{keys}</dt>
              <dd className="text-neutral-100">{action}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-neutral-400">
          Shortcuts never fire while you type in a field.
        </p>
      </div>
    </div>
  );
}
