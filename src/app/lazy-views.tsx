import { lazy } from "react";

/**
 * The main area's views, each loaded when first shown. The first page only shows the empty
 * state, so Konva (the editor and outpaint stages), the comparison and the presentation stay
 * out of the first load's JavaScript.
 */
export const MaskStage = lazy(() =>
  import("./editor/MaskStage").then((m) => ({ default: m.MaskStage })),
);
export const OutpaintView = lazy(() =>
  import("./outpaint/OutpaintStage").then((m) => ({ default: m.OutpaintView })),
);
export const CompareView = lazy(() =>
  import("./compare/CompareView").then((m) => ({ default: m.CompareView })),
);
export const PresentView = lazy(() =>
  import("./present/PresentView").then((m) => ({ default: m.PresentView })),
);
