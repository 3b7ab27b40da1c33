import { Sparkles } from "lucide-react";
import { toast } from "sonner";
import { openSample } from "./open-sample";

/** The first screen: open a photo, or try the sample whose mask is already painted. */
export function EmptyState() {
  return (
    <div className="m-auto max-w-md space-y-4 text-center text-neutral-300">
      <p className="text-lg text-neutral-100">Open a photo to start</p>
      <p className="text-sm">
        Drop a PNG, JPEG or WebP anywhere on this page, or use <strong>Open image</strong> above.
        Then paint over what should be repainted.
      </p>
      <div className="space-y-1.5">
        <button
          type="button"
          data-testid="open-sample"
          onClick={() => openSample().catch((error: Error) => toast.error(error.message))}
          className="inline-flex items-center gap-2 rounded-md bg-accent px-4 py-2 text-sm font-semibold text-white hover:brightness-110"
        >
          <Sparkles size={16} aria-hidden /> Try the sample photo
        </button>
        {/* The sample opens in Remove with its mask painted (open-sample.ts): say so. */}
        <p data-testid="sample-note" className="text-xs text-neutral-500">
          A hilltop at sunset with the marker post at its left edge already masked: press Generate
          to remove the post. Photo: Aitzol Berasategi,{" "}
          <a className="underline hover:text-neutral-300" href="/sample/LICENSE.txt">
            CC BY 4.0
          </a>
          .
        </p>
      </div>
    </div>
  );
}
