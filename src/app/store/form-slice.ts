import type { StateCreator } from "zustand";
import { DILATE_PIXELS_RANGE, type ProviderId } from "../../contract";
import type { FormValues } from "../generate/fill-params";
import type { MaskTask } from "../workspace/tasks";
import type { AppState } from "./store";

/** What the next Generate sends: the task, the prompt, the provider and its parameters as typed. */
export interface FormSlice {
  /** Remove or Replace on the painted mask (an outpaint frame makes the task Extend). */
  maskTask: MaskTask;
  /** Remove's `dilate_pixels`: how far the mask grows before removal. */
  dilatePixels: number;
  /** Composite results into the original (`x-fillpaint-composite: 1`): on unless turned off. */
  composite: boolean;
  prompt: string;
  /** null until the user picks one: then the proxy's default applies. */
  provider: ProviderId | null;
  /** The parameters as typed, for `formProvider`; null means that provider's defaults. */
  form: FormValues | null;
  formProvider: ProviderId | null;
  setMaskTask: (maskTask: MaskTask) => void;
  setDilatePixels: (dilatePixels: number) => void;
  setComposite: (composite: boolean) => void;
  setPrompt: (prompt: string) => void;
  setProvider: (provider: ProviderId) => void;
  setForm: (provider: ProviderId, form: FormValues) => void;
}

export const createFormSlice: StateCreator<AppState, [], [], FormSlice> = (set) => ({
  maskTask: "fill",
  dilatePixels: DILATE_PIXELS_RANGE.default,
  composite: true,
  prompt: "",
  provider: null,
  form: null,
  formProvider: null,
  setMaskTask: (maskTask) => set({ maskTask }),
  setDilatePixels: (dilatePixels) => set({ dilatePixels }),
  setComposite: (composite) => set({ composite }),
  setPrompt: (prompt) => set({ prompt }),
  setProvider: (provider) => set({ provider }),
  setForm: (formProvider, form) => set({ formProvider, form }),
});
