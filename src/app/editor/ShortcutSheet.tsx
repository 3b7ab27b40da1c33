import { useAppStore } from "../store/store";
import { SHORTCUTS } from "./use-editor-shortcuts";

/** The `?` sheet listing every editor shortcut. */
export function ShortcutSheet() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  if (!open) return null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape and ? close it through the shortcuts
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop only closes the dialog
    <div
      className="fixed inset-0 z-50 grid place-items-center bg-black/60"
      onClick={() => setOpen(false)}
    >
      <div
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="shortcut-sheet"
        className="w-[26rem] rounded-xl border border-neutral-700 bg-neutral-900 p-5 shadow-xl"
      >
        <h2 className="mb-3 text-base font-semibold">Keyboard shortcuts</h2>
        <table className="w-full text-sm">
          <tbody>
            {SHORTCUTS.map(([keys, action]) => (
              <tr key={keys} className="border-t border-neutral-800">
                <td className="py-1.5 pr-3 font-mono text-xs text-neutral-300">{keys}</td>
                <td className="py-1.5 text-neutral-100">{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-neutral-400">
          Shortcuts never fire while you type in a field.
        </p>
      </div>
    </div>
  );
}
