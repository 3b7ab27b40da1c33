import { LoaderCircle } from "lucide-react";

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
