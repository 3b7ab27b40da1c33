import { useEffect } from "react";
import type { ProviderId } from "../../contract";
import type { FormValues } from "../generate/fill-params";
import { createSaveQueue } from "../persist/save-queue";
import { useAppStore } from "../store/store";
import type { MaskTask } from "../workspace/tasks";
import { loadSetting, saveSetting } from "./runs-repo";

interface SavedForm {
  prompt: string;
  provider: ProviderId | null;
  form: FormValues | null;
  formProvider: ProviderId | null;
  shownRunId: string | null;
  /** Absent in forms saved before the tasks: the defaults stay. */
  maskTask?: MaskTask;
  dilatePixels?: number;
  composite?: boolean;
}

const KEY = "form";
const SAVED_FIELDS = [
  "prompt",
  "provider",
  "form",
  "formProvider",
  "shownRunId",
  "maskTask",
  "dilatePixels",
  "composite",
] as const;

/**
 * Brings back the prompt, the task's settings, parameters and run on show after a reload, and
 * keeps saving them.
 */
export function usePersistedForm(): void {
  useEffect(() => {
    let cancelled = false;
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
          ...(s.maskTask ? { maskTask: s.maskTask } : {}),
          ...(typeof s.dilatePixels === "number" ? { dilatePixels: s.dilatePixels } : {}),
          ...(typeof s.composite === "boolean" ? { composite: s.composite } : {}),
          ...(s.shownRunId ? { mainView: "compare" as const } : {}),
        });
      }
      // Written at once, like the document, so a reload right after typing keeps the prompt.
      const queue = createSaveQueue(async () => {
        const now = useAppStore.getState();
        await saveSetting(KEY, {
          prompt: now.prompt,
          provider: now.provider,
          form: now.form,
          formProvider: now.formProvider,
          shownRunId: now.shownRunId,
          maskTask: now.maskTask,
          dilatePixels: now.dilatePixels,
          composite: now.composite,
        } satisfies SavedForm);
      }, console.error);
      const stopWatching = useAppStore.subscribe((state, previous) => {
        if (SAVED_FIELDS.some((k) => state[k] !== previous[k])) queue.request();
      });
      window.addEventListener("pagehide", queue.flush);
      unsubscribe = () => {
        stopWatching();
        window.removeEventListener("pagehide", queue.flush);
      };
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);
}
