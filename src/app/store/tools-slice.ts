import type { StateCreator } from "zustand";
import { BRUSH_SIZE } from "../editor/brush-size";
import type { AppState } from "./store";

export type Tool = "brush" | "eraser" | "rect" | "lasso" | SmartTool;
/** The tools of `select/`, whose results come from the image's pixels. */
export type SmartTool = "wand" | "object" | "scissors";
export const isSmartTool = (tool: Tool): tool is SmartTool =>
  tool === "wand" || tool === "object" || tool === "scissors";

export const FEATHER = { min: 0, max: 64 } as const;
export const WAND_TOLERANCE = { min: 0, max: 255, default: 32 } as const;

export interface ToolsSlice {
  tool: Tool;
  /**
   * Brush diameter in image pixels, so a stroke means the same area at every zoom; each newly
   * opened image starts at `defaultBrushSize` of it (`openDocument`).
   */
  brushSize: number;
  /** Edge softening applied when the mask is exported, in image pixels (0 = hard 0/255). */
  featherPx: number;
  overlayColor: string;
  overlayOpacity: number;
  maskVisible: boolean;
  /** True while the user holds the peek key or button: the bare image shows. */
  peeking: boolean;
  shortcutsOpen: boolean;
  /** The magic wand's largest per-channel colour difference from the clicked pixel. */
  wandTolerance: number;
  /** Wand selects only the connected region (true) or every similar pixel. */
  wandContiguous: boolean;
  /** OpenCV.js, loaded on the first use of object select or the lasso. */
  smartToolsStatus: "idle" | "loading" | "ready" | "failed";
  /** OpenCV.js's download while it loads: bytes so far and in all (0 when unknown). */
  smartToolsDownload: { loaded: number; total: number };
  setTool: (tool: Tool) => void;
  setBrushSize: (size: number) => void;
  setFeatherPx: (px: number) => void;
  setOverlayColor: (color: string) => void;
  setOverlayOpacity: (opacity: number) => void;
  setMaskVisible: (visible: boolean) => void;
  setPeeking: (peeking: boolean) => void;
  setShortcutsOpen: (open: boolean) => void;
  setWandTolerance: (tolerance: number) => void;
  setWandContiguous: (contiguous: boolean) => void;
  setSmartToolsStatus: (status: ToolsSlice["smartToolsStatus"]) => void;
  setSmartToolsDownload: (download: ToolsSlice["smartToolsDownload"]) => void;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export const createToolsSlice: StateCreator<AppState, [], [], ToolsSlice> = (set) => ({
  tool: "brush",
  brushSize: BRUSH_SIZE.default,
  featherPx: 0,
  overlayColor: "#e5484d",
  overlayOpacity: 0.55,
  maskVisible: true,
  peeking: false,
  shortcutsOpen: false,
  wandTolerance: WAND_TOLERANCE.default,
  wandContiguous: true,
  smartToolsStatus: "idle",
  smartToolsDownload: { loaded: 0, total: 0 },
  setTool: (tool) => set({ tool }),
  setBrushSize: (size) =>
    set({ brushSize: clamp(Math.round(size), BRUSH_SIZE.min, BRUSH_SIZE.max) }),
  setFeatherPx: (px) => set({ featherPx: clamp(Math.round(px), FEATHER.min, FEATHER.max) }),
  setOverlayColor: (overlayColor) => set({ overlayColor }),
  setOverlayOpacity: (opacity) => set({ overlayOpacity: clamp(opacity, 0.1, 1) }),
  setMaskVisible: (maskVisible) => set({ maskVisible }),
  setPeeking: (peeking) => set({ peeking }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setWandTolerance: (tolerance) =>
    set({ wandTolerance: clamp(Math.round(tolerance), WAND_TOLERANCE.min, WAND_TOLERANCE.max) }),
  setWandContiguous: (wandContiguous) => set({ wandContiguous }),
  setSmartToolsStatus: (smartToolsStatus) => set({ smartToolsStatus }),
  setSmartToolsDownload: (smartToolsDownload) => set({ smartToolsDownload }),
});
