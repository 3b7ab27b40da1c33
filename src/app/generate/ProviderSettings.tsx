import { useQuery } from "@tanstack/react-query";
import type { ProviderId } from "../../contract";
import { configQuery } from "../api/config-query";
import { useAppStore } from "../store/store";
import { inputClass } from "../ui/Field";
import { taskLimits } from "./fill-params";
import { ParamsForm } from "./ParamsForm";
import { providerReads } from "./provider-reads";
import { useFormValues } from "./use-form-values";
import { useSelectedProvider } from "./use-generate";

/** The provider and the parameters it reads; the prompt and Generate are at the sidebar's top. */
export function ProviderSettings() {
  const config = useQuery(configQuery);
  const provider = useSelectedProvider();
  const setProvider = useAppStore((s) => s.setProvider);
  const { values, parsed, change, task } = useFormValues(provider);
  const errors = parsed && !parsed.ok ? parsed.errors : {};
  return (
    <>
      {config.error && <p className="text-sm text-red-300">{config.error.message}</p>}
      {config.data && config.data.providers.length > 1 && (
        <select
          aria-label="Provider"
          className={inputClass}
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
      {provider && values && (
        <ParamsForm
          provider={provider}
          limits={taskLimits(provider, task)}
          values={values}
          errors={errors}
          reads={providerReads(provider).reads}
          onChange={change}
        />
      )}
    </>
  );
}
