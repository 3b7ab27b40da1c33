import { create } from "zustand";
import { type CompareSlice, createCompareSlice } from "./compare-slice";
import { createDocumentSlice, type DocumentSlice } from "./document-slice";
import { createFormSlice, type FormSlice } from "./form-slice";
import { createOutpaintSlice, type OutpaintSlice } from "./outpaint-slice";
import { createSessionActions, type SessionActions } from "./session-actions";
import { createToolsSlice, type ToolsSlice } from "./tools-slice";
import { createViewSlice, type ViewSlice } from "./view-slice";

/** One store, split into slices by concern; components select single values from it. */
export type AppState = DocumentSlice &
  ToolsSlice &
  ViewSlice &
  FormSlice &
  OutpaintSlice &
  CompareSlice &
  SessionActions;

export const useAppStore = create<AppState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createToolsSlice(...args),
  ...createViewSlice(...args),
  ...createFormSlice(...args),
  ...createOutpaintSlice(...args),
  ...createCompareSlice(...args),
  ...createSessionActions(...args),
}));
