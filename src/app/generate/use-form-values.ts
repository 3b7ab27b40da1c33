import { useMemo } from "react";
import type { ProviderInfo } from "../../contract";
import { useAppStore } from "../store/store";
import { currentTask, offeredTasks } from "../workspace/tasks";
import { defaultFormValues, type FormValues, parseForm } from "./fill-params";

/**
 * The form for the selected provider (its defaults until edited), the task it is for, and what
 * it parses to for that task.
 */
export function useFormValues(provider: ProviderInfo | null) {
  const form = useAppStore((s) => s.form);
  const formProvider = useAppStore((s) => s.formProvider);
  const prompt = useAppStore((s) => s.prompt);
  const setForm = useAppStore((s) => s.setForm);
  const task = useAppStore(
    (s) => currentTask(s.outpaint !== null, s.maskTask, offeredTasks(provider)).id,
  );
  const values = useMemo(() => {
    if (!provider) return null;
    return form && formProvider === provider.id ? form : defaultFormValues(provider);
  }, [provider, form, formProvider]);
  const parsed = useMemo(
    () => (provider && values ? parseForm(values, prompt, provider, task) : null),
    [provider, values, prompt, task],
  );
  const change = (patch: Partial<FormValues>) => {
    if (provider && values) setForm(provider.id, { ...values, ...patch });
  };
  return { values, parsed, change, task };
}
