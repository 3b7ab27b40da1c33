import type { StateCreator } from "zustand";
import type { ProviderId } from "../../contract";
import type { FormValues } from "../generate/fill-params";
import type { AppState } from "./store";

export interface JobsSlice {
  prompt: string;
  /** null until the user picks one: then the proxy's default applies. */
  provider: ProviderId | null;
  /** The parameters as typed, for `formProvider`; null means that provider's defaults. */
  form: FormValues | null;
  formProvider: ProviderId | null;
  /**
   * The id of the run on show (its jobs' live status is react-query's, its record the
   * history's). The document slice clears it when another image is loaded.
   */
  currentJob: string | null;
  setPrompt: (prompt: string) => void;
  setProvider: (provider: ProviderId) => void;
  setForm: (provider: ProviderId, form: FormValues) => void;
  setCurrentJob: (runId: string | null) => void;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set) => ({
  prompt: "",
  provider: null,
  form: null,
  formProvider: null,
  currentJob: null,
  setPrompt: (prompt) => set({ prompt }),
  setProvider: (provider) => set({ provider }),
  setForm: (formProvider, form) => set({ formProvider, form }),
  setCurrentJob: (currentJob) =>
    set({ currentJob, compareA: "original", compareB: 0, presenting: false }),
});
