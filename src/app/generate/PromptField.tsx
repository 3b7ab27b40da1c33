import { Info } from "lucide-react";
import { useAppStore } from "../store/store";
import { providerReads } from "./provider-reads";
import { useFormValues } from "./use-form-values";
import { useSelectedProvider } from "./use-generate";

/**
 * The prompt of a task that reads one, and one line when the provider ignores it (and the
 * settings hidden with it).
 */
export function PromptField({ placeholder }: { placeholder: string }) {
  const provider = useSelectedProvider();
  const prompt = useAppStore((s) => s.prompt);
  const setPrompt = useAppStore((s) => s.setPrompt);
  const { parsed } = useFormValues(provider);
  const error = parsed && !parsed.ok ? parsed.errors.prompt : undefined;
  const why = provider ? providerReads(provider).why : null;
  return (
    <div className="space-y-1.5">
      <textarea
        data-testid="prompt"
        aria-label="Prompt"
        aria-invalid={Boolean(error)}
        rows={2}
        placeholder={placeholder}
        value={prompt}
        onChange={(event) => setPrompt(event.currentTarget.value)}
        className="w-full resize-y rounded-md border border-neutral-600 bg-neutral-800 p-2 text-sm placeholder:text-neutral-500 aria-invalid:border-red-400"
      />
      {error && (
        <p role="alert" className="text-xs text-red-300">
          {error}
        </p>
      )}
      {why && (
        <p data-testid="provider-ignores" className="flex gap-1.5 text-xs text-neutral-400">
          <Info size={13} className="mt-0.5 shrink-0" aria-hidden />
          {why}
        </p>
      )}
    </div>
  );
}
