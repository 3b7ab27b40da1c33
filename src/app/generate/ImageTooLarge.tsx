import { Minimize2 } from "lucide-react";
import { limitLabel } from "./image-limit";
import { useWorkOnCopy } from "./use-work-on-copy";

/** Why Generate is off for this image's size, and the one click that gets past it. */
export function ImageTooLarge({ reason, maxPixels }: { reason: string; maxPixels: number }) {
  const copy = useWorkOnCopy(maxPixels);
  return (
    <div className="space-y-1.5 rounded-md border border-amber-400/40 bg-amber-400/10 p-2">
      <p data-testid="image-too-large" className="text-xs text-amber-300">
        {reason}
      </p>
      <button
        type="button"
        data-testid="work-on-copy"
        disabled={copy.pending}
        onClick={() => void copy.run()}
        title="Scales the image and its mask down to fit; the original can be put back"
        className="inline-flex items-center gap-1.5 rounded-md bg-amber-400 px-2.5 py-1.5 text-xs font-semibold text-neutral-950 hover:brightness-110 disabled:opacity-60"
      >
        <Minimize2 size={14} aria-hidden />
        {copy.pending ? "Making the copy…" : `Work on a ${limitLabel(maxPixels)} copy`}
      </button>
    </div>
  );
}
