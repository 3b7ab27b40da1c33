import { useEffect } from "react";
import type { ProviderId } from "../../contract";
import type { FormValues } from "../generate/fill-params";
import { useAppStore } from "../store/store";
import { loadSetting, saveSetting } from "./runs-repo";

interface SavedForm {
  prompt: string;
  provider: ProviderId | null;
  form: FormValues | null;
  formProvider: ProviderId | null;
  shownRunId: string | null;
}

const KEY = "form";

/** Brings back the prompt, parameters and run on show after a reload, and keeps saving them. */
export function usePersistedForm(): void {
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe = () => {};
    void loadSetting(KEY).then((saved) => {
      if (cancelled) return;
      if (saved && typeof saved === "object") {
        const s = saved as SavedForm;
        useAppStore.setState({
          prompt: s.prompt,
          provider: s.provider,
          form: s.form,
          formProvider: s.formProvider,
          shownRunId: s.shownRunId,
          ...(s.shownRunId ? { mainView: "compare" as const } : {}),
        });
      }
      unsubscribe = useAppStore.subscribe((state, previous) => {
        const changed = (
          ["prompt", "provider", "form", "formProvider", "shownRunId"] as const
        ).some((k) => state[k] !== previous[k]);
        if (!changed) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const { prompt, provider, form, formProvider, shownRunId } = useAppStore.getState();
          void saveSetting(KEY, {
            prompt,
            provider,
            form,
            formProvider,
            shownRunId,
          } satisfies SavedForm);
        }, 250);
      });
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
