import { fitView } from "../view/view-transform";

interface Size {
  width: number;
  height: number;
}

/**
 * Where the run's actions, share row and variant tiles go: under the slider (a wide photo in a
 * wide window) or in a column beside it (a portrait, a square, or a short window), whichever
 * leaves the slider a clearly larger image. Under a portrait they took ~250 px of a 560 px tall area
 * at 1024×640, and the photo showed at 40% of the height with the sides empty.
 */
export type CompareLayout = "below" | "beside";

/**
 * The room the controls take under the slider: caption, buttons, share row and tiles (measured
 * at 1280×800), and one more row where the buttons wrap, in an area narrower than
 * ONE_ROW_WIDTH (at 1024×640 they took 330 px, and a 1200×800 photo showed 313×208 under them
 * while 430×287 fitted beside).
 */
const BELOW_RESERVE = 260;
const WRAPPED_RESERVE = 330;
const ONE_ROW_WIDTH = 760;
/** The side column's width when the controls go beside the slider. */
export const SIDE_COLUMN = 248;
/** The gap between the slider and the controls (Tailwind's gap-3). */
export const LAYOUT_GAP = 12;
/** The zoom toolbar under the slider. */
export const TOOLBAR = 36;

/**
 * How much larger the image must show beside to move the controls there: a landscape photo
 * that would gain a few percent keeps the familiar layout (a 600×400 one at 1280×800 gains 4%).
 */
const CLEARLY_LARGER = 1.25;

/** The layout that shows `image` larger in an `area` (the comparison's whole content box). */
export function compareLayout(image: Size, area: Size): CompareLayout {
  const scale = (width: number, height: number) => fitView(image, { width, height }, 0).scale;
  const reserve = area.width < ONE_ROW_WIDTH ? WRAPPED_RESERVE : BELOW_RESERVE;
  const below = scale(area.width, area.height - reserve - LAYOUT_GAP - TOOLBAR);
  const beside = scale(area.width - SIDE_COLUMN - LAYOUT_GAP, area.height - TOOLBAR);
  return beside > below * CLEARLY_LARGER ? "beside" : "below";
}
