import type { StateCreator } from "zustand";
import type { ProviderId } from "../../contract";
import type { DocumentImage } from "./document-slice";
import type { AppState } from "./store";

/** A submitted fill, as the proxy acknowledged it. Its live status is a react-query query. */
export interface SubmittedJob {
  id: string;
  pollingUrl: string;
  provider: ProviderId;
  prompt: string;
  /** The image the job was made from, so its result is compared with the right original. */
  source: Pick<DocumentImage, "url" | "width" | "height">;
}

export interface JobsSlice {
  prompt: string;
  /** null until the user picks one: then the proxy's default applies. */
  provider: ProviderId | null;
  currentJob: SubmittedJob | null;
  setPrompt: (prompt: string) => void;
  setProvider: (provider: ProviderId) => void;
  setCurrentJob: (job: SubmittedJob | null) => void;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set) => ({
  prompt: "",
  provider: null,
  currentJob: null,
  setPrompt: (prompt) => set({ prompt }),
  setProvider: (provider) => set({ provider }),
  setCurrentJob: (currentJob) => set({ currentJob }),
});
