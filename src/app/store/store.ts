import { create } from "zustand";
import { type CompareSlice, createCompareSlice } from "./compare-slice";
import { createDocumentSlice, type DocumentSlice } from "./document-slice";
import { createJobsSlice, type JobsSlice } from "./jobs-slice";
import { createOutpaintSlice, type OutpaintSlice } from "./outpaint-slice";
import { createToolsSlice, type ToolsSlice } from "./tools-slice";
import { createViewSlice, type ViewSlice } from "./view-slice";

/** One store, split into slices by concern; components select single values from it. */
export type AppState = DocumentSlice &
  ToolsSlice &
  ViewSlice &
  JobsSlice &
  OutpaintSlice &
  CompareSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createToolsSlice(...args),
  ...createViewSlice(...args),
  ...createJobsSlice(...args),
  ...createOutpaintSlice(...args),
  ...createCompareSlice(...args),
}));
