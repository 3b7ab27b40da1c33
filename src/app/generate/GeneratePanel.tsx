import { useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import type { ProviderId } from "../../contract";
import { configQuery } from "../api/config-query";
import { useAppStore } from "../store/store";
import { ParamsForm } from "./ParamsForm";
import { useFormValues } from "./use-form-values";
import { useSelectedProvider } from "./use-generate";

/** Provider, prompt and parameters; the Generate button itself is in GenerateBar. */
export function GeneratePanel() {
  const config = useQuery(configQuery);
  const provider = useSelectedProvider();
  const setProvider = useAppStore((s) => s.setProvider);
  const prompt = useAppStore((s) => s.prompt);
  const setPrompt = useAppStore((s) => s.setPrompt);
  const { values, parsed, change } = useFormValues(provider);
  const errors = parsed && !parsed.ok ? parsed.errors : {};

  return (
    <section className="space-y-3">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-neutral-400">Generate</h2>
      {config.error && <p className="text-sm text-red-300">{config.error.message}</p>}
      {config.data && config.data.providers.length > 1 && (
        <select
          aria-label="Provider"
          className="w-full rounded-md border border-neutral-600 bg-neutral-800 px-2 py-1.5 text-sm"
          value={provider?.id}
          onChange={(event) => setProvider(event.currentTarget.value as ProviderId)}
        >
          {config.data.providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      )}
      {provider?.unavailableReason && (
        <p role="alert" className="text-xs text-red-300">
          {provider.unavailableReason}
        </p>
      )}
      {provider && !provider.readsPrompt && (
        <p className="flex gap-2 rounded-md bg-neutral-800 p-2 text-xs text-neutral-300">
          <Info size={14} className="mt-0.5 shrink-0" aria-hidden />
          The local engine fills the mask from the surrounding pixels. It does not read the prompt;
          add an API key on the server for prompt-driven fills.
        </p>
      )}
      <textarea
        data-testid="prompt"
        aria-label="Prompt"
        aria-invalid={Boolean(errors.prompt)}
        rows={3}
        placeholder="Describe what should appear in the painted area"
        value={prompt}
        onChange={(event) => setPrompt(event.currentTarget.value)}
        className="w-full resize-y rounded-md border border-neutral-600 bg-neutral-800 p-2 text-sm placeholder:text-neutral-500 aria-invalid:border-red-400"
      />
      {errors.prompt && (
        <p role="alert" className="text-xs text-red-300">
          {errors.prompt}
        </p>
      )}
      {provider && values && (
        <ParamsForm provider={provider} values={values} errors={errors} onChange={change} />
      )}
    </section>
  );
}
