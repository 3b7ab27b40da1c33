/** The side-by-side PNG's layout: panels in a row, each under its label, with gutters around. */
export const SHEET = { gutter: 24, label: 40, background: "#1c1c1f", text: "#f5f5f5" } as const;

export interface SheetLayout {
  width: number;
  height: number;
  /** Where each panel's image goes; its label sits in the band above it. */
  panels: { x: number; y: number }[];
}

/** Lays out panels of the given sizes left to right, top-aligned under one label band. */
export function sheetLayout(sizes: readonly { width: number; height: number }[]): SheetLayout {
  const { gutter, label } = SHEET;
  const panels: { x: number; y: number }[] = [];
  let x = gutter;
  for (const size of sizes) {
    panels.push({ x, y: gutter + label });
    x += size.width + gutter;
  }
  const tallest = Math.max(0, ...sizes.map((s) => s.height));
  return { width: x, height: gutter + label + tallest + gutter, panels };
}
