import { useMemo } from "react";
import type { ProviderInfo } from "../../contract";
import { useAppStore } from "../store/store";
import { defaultFormValues, type FormValues, parseForm } from "./fill-params";

/** The form for the selected provider (its defaults until edited) and what it parses to. */
export function useFormValues(provider: ProviderInfo | null) {
  const form = useAppStore((s) => s.form);
  const formProvider = useAppStore((s) => s.formProvider);
  const prompt = useAppStore((s) => s.prompt);
  const setForm = useAppStore((s) => s.setForm);
  const values = useMemo(() => {
    if (!provider) return null;
    return form && formProvider === provider.id ? form : defaultFormValues(provider);
  }, [provider, form, formProvider]);
  const parsed = useMemo(
    () => (provider && values ? parseForm(values, prompt, provider) : null),
    [provider, values, prompt],
  );
  const change = (patch: Partial<FormValues>) => {
    if (provider && values) setForm(provider.id, { ...values, ...patch });
  };
  return { values, parsed, change };
}
