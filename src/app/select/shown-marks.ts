/**
 * Performance marks left when a smart tool's result is on screen, so the wall time from a
 * pointer event to it can be measured in the real browser (`npm run bench:editor` reads them).
 * Each name keeps only its latest mark: one per pointer move would otherwise pile up.
 */
export const SHOWN = {
  /** The wand's region drawn into the preview canvas. */
  preview: "fillpaint:selection-preview",
  /** Object select's quick (coarse) cut drawn, while the full cut is worked out. */
  quickCut: "fillpaint:object-quick-cut",
  /** Object select's full cut drawn: what Apply commits. */
  fullCut: "fillpaint:object-full-cut",
  /** A lasso anchor's answer shown (the first one waits for the scissors' cost map). */
  anchor: "fillpaint:lasso-anchor",
  /** The snapped path from the last anchor to the pointer shown. */
  path: "fillpaint:lasso-path",
  /** A wand click's, a closed lasso's or an applied cut's selection committed to the mask. */
  committed: "fillpaint:selection-committed",
} as const;

export function markShown(name: (typeof SHOWN)[keyof typeof SHOWN]): void {
  performance.clearMarks(name);
  performance.mark(name);
}
