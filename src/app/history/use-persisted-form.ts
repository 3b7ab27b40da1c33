import { useEffect } from "react";
import type { ProviderId } from "../../contract";
import type { FormValues } from "../generate/fill-params";
import { browserStorage, createChangeJournal } from "../persist/change-journal";
import { createJournaledSaver } from "../persist/journaled-saver";
import { pickFields, sameFields, watchSavedFields } from "../persist/watch-saved-fields";
import { type AppState, useAppStore } from "../store/store";
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

/** The row as stored: `rev` is new at every write, absent in forms saved before journals. */
type StoredForm = SavedForm & { rev?: string };

const KEY = "form";
const JOURNAL_KEY = "fillpaint:journal:form";
const FORM_FIELDS = [
  "prompt",
  "provider",
  "form",
  "formProvider",
  "shownRunId",
  "maskTask",
  "dilatePixels",
  "composite",
] as const;

type FormFields = Pick<AppState, (typeof FORM_FIELDS)[number]>;

const formOf = (): FormFields => pickFields(useAppStore.getState(), FORM_FIELDS);

/**
 * Brings back the prompt, the task's settings, parameters and run on show after a reload, and
 * keeps saving them: written at once, like the document, and journaled until written, so a
 * reload right after typing keeps the prompt.
 */
export function usePersistedForm(): void {
  useEffect(() => {
    let cancelled = false;
    let unsubscribe = () => {};
    const journal = createChangeJournal<FormFields>(browserStorage(), JOURNAL_KEY);
    void loadSetting(KEY).then((saved) => {
      if (cancelled) return;
      const row = saved && typeof saved === "object" ? (saved as StoredForm) : null;
      if (row) showForm(row);
      const durable = { rev: row?.rev ?? null, state: formOf() };
      const newer = journal.replayOver(durable.rev);
      if (newer) showForm(newer);
      const saver = createJournaledSaver({
        journal,
        read: formOf,
        same: (a, b) => sameFields(FORM_FIELDS, a, b),
        // The form is a few short fields: the whole of it is the change.
        changeOf: (_durable, now) => now,
        durable,
        write: async (take) => {
          const snapshot = take();
          await saveSetting(KEY, { ...snapshot.state, rev: snapshot.rev } satisfies StoredForm);
          return snapshot;
        },
        fail: console.error,
      });
      unsubscribe = watchSavedFields(FORM_FIELDS, saver);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);
}

function showForm(s: SavedForm): void {
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
