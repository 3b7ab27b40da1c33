import { describe, expect, it } from "vitest";
import { SHEET, sheetLayout } from "./sheet-layout";

describe("sheetLayout", () => {
  it("puts each panel under its label, with a gutter around and between them", () => {
    const layout = sheetLayout([
      { width: 512, height: 512 },
      { width: 512, height: 300 },
    ]);
    const { gutter: g, label: l } = SHEET;
    expect(layout.panels).toEqual([
      { x: g, y: g + l },
      { x: g + 512 + g, y: g + l },
    ]);
    expect(layout.width).toBe(g + 512 + g + 512 + g);
    expect(layout.height).toBe(g + l + 512 + g);
  });
});
