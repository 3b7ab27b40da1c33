import { Sparkles } from "lucide-react";
import { useEffect } from "react";
import { maskMayHavePixels } from "../editor/mask-op";
import { useAppStore } from "../store/store";
import { ImageTooLarge } from "./ImageTooLarge";
import { useFormValues } from "./use-form-values";
import { GenerateCancelled, useGenerate, useSelectedProvider } from "./use-generate";
import { useGenerateShortcut } from "./use-generate-shortcut";
import { useImageLimit } from "./use-image-limit";

/**
 * The Generate button, at the top of the sidebar with the task and the prompt so it is in reach
 * on a small laptop screen whatever the tools below are scrolled to.
 */
export function GenerateBar() {
  const provider = useSelectedProvider();
  const hasMask = useAppStore((s) => maskMayHavePixels(s.maskOps) || s.outpaint !== null);
  const { parsed } = useFormValues(provider);
  const generate = useGenerate();
  const imageUrl = useAppStore((s) => s.image?.url);
  const tooLarge = useImageLimit(provider);
  const { reset } = generate;
  // A refusal belongs to the document it was about: another one opening clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the image is the trigger, not an input
  useEffect(() => reset(), [imageUrl, reset]);
  const ready =
    !generate.isPending &&
    hasMask &&
    provider !== null &&
    !provider.unavailableReason &&
    !tooLarge &&
    parsed?.ok === true;
  const submit = () => {
    if (ready && parsed?.ok) generate.mutate({ provider, params: parsed.params });
  };
  useGenerateShortcut(submit);

  const cancelled = generate.error instanceof GenerateCancelled;

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <button
          type="button"
          data-testid="generate"
          disabled={!ready}
          onClick={submit}
          title={tooLarge ?? "Generate (Ctrl/Cmd+Enter)"}
          className="inline-flex flex-1 items-center justify-center gap-2 rounded-md bg-accent px-3 py-2 text-sm font-semibold text-white hover:brightness-110 disabled:opacity-40"
        >
          <Sparkles size={16} aria-hidden />
          {generate.isPending ? "Sending…" : "Generate"}
        </button>
        {generate.isPending && (
          <button
            type="button"
            data-testid="generate-cancel"
            onClick={generate.cancel}
            title="Stop sending this run"
            className="rounded-md bg-neutral-700 px-3 py-2 text-sm text-white hover:bg-neutral-600"
          >
            Cancel
          </button>
        )}
      </div>
      {tooLarge && provider && (
        <ImageTooLarge reason={tooLarge} maxPixels={provider.maxImagePixels} />
      )}
      {!hasMask && (
        <p className="text-xs text-neutral-400">
          Paint the area to repaint, or pick an outpaint preset, first.
        </p>
      )}
      {parsed && !parsed.ok && (
        <p className="text-xs text-red-300">Fix the values marked above to generate.</p>
      )}
      {generate.error && (
        <p
          role={cancelled ? "status" : "alert"}
          className={cancelled ? "text-sm text-neutral-300" : "text-sm text-red-300"}
        >
          {generate.error.message}
        </p>
      )}
    </div>
  );
}
