import { LoaderCircle } from "lucide-react";
import type { Mode } from "../store/view-slice";

/** What each mode's main area says while it is being prepared. */
export const PREPARING: Readonly<Record<Mode, string>> = {
  edit: "Opening the editor…",
  extend: "Preparing the extended canvas…",
  compare: "Opening the comparison…",
};

/**
 * Over a stage whose photo is still being decoded (a 12 MP one takes about a second): a spinner
 * and what is happening, in the smart tools' loading style, so the empty stage does not read
 * as a transparent or broken image.
 */
export function StageBusy({ label }: { label: string }) {
  return (
    <p
      role="status"
      data-testid="stage-busy"
      className="pointer-events-none absolute inset-x-0 top-1/2 mx-auto flex w-fit -translate-y-1/2 items-center gap-1.5 rounded-md bg-neutral-900/90 px-3 py-2 text-xs text-neutral-300 shadow-lg"
    >
      <LoaderCircle size={13} className="animate-spin" aria-hidden />
      {label}
    </p>
  );
}

/**
 * The main area while a mode's view is still loading its code (each view is loaded when first
 * shown): the busy state from the first frame, where React would otherwise hide the previous
 * view and show nothing for the download's duration.
 */
export function ViewLoading({ mode }: { mode: Mode }) {
  return (
    <div className="relative min-w-0 flex-1">
      <StageBusy label={PREPARING[mode]} />
    </div>
  );
}
