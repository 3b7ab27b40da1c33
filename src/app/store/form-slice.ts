import type { StateCreator } from "zustand";
import type { ProviderId } from "../../contract";
import type { FormValues } from "../generate/fill-params";
import type { AppState } from "./store";

/** What the next Generate sends: the prompt, the provider and its parameters as typed. */
export interface FormSlice {
  prompt: string;
  /** null until the user picks one: then the proxy's default applies. */
  provider: ProviderId | null;
  /** The parameters as typed, for `formProvider`; null means that provider's defaults. */
  form: FormValues | null;
  formProvider: ProviderId | null;
  setPrompt: (prompt: string) => void;
  setProvider: (provider: ProviderId) => void;
  setForm: (provider: ProviderId, form: FormValues) => void;
}

export const createFormSlice: StateCreator<AppState, [], [], FormSlice> = (set) => ({
  prompt: "",
  provider: null,
  form: null,
  formProvider: null,
  setPrompt: (prompt) => set({ prompt }),
  setProvider: (provider) => set({ provider }),
  setForm: (formProvider, form) => set({ formProvider, form }),
});
