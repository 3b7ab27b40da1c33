import { describe, expect, it } from "vitest";
import { cannyEdges } from "./canny";
import { sobel } from "./sobel";

const W = 40;
const H = 30;

/** A grey image: `value(x, y)` at each pixel. */
function image(value: (x: number, y: number) => number) {
  const gray = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) gray[y * W + x] = value(x, y);
  return gray;
}

const edgeCount = (edges: Uint8Array) => edges.reduce((n, v) => n + (v ? 1 : 0), 0);

describe("cannyEdges", () => {
  it("draws a dark rectangle's outline one pixel wide, and nothing on flat ground", () => {
    const gray = image((x, y) => (x >= 10 && x < 30 && y >= 8 && y < 22 ? 30 : 220));
    const edges = cannyEdges(sobel(gray, W, H, 1), 32, 100);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const nearOutline =
          (Math.abs(x - 9.5) <= 1 || Math.abs(x - 29.5) <= 1) && y >= 7 && y <= 22;
        const nearTopOrBottom =
          (Math.abs(y - 7.5) <= 1 || Math.abs(y - 21.5) <= 1) && x >= 9 && x <= 30;
        if (edges[y * W + x]) expect(nearOutline || nearTopOrBottom, `(${x}, ${y})`).toBe(true);
      }
    // Thin: one pixel across each side (two 20-wide and two 14-high sides; corners may go).
    expect(edgeCount(edges)).toBeGreaterThanOrEqual(2 * 20 + 2 * 12);
    expect(edgeCount(edges)).toBeLessThan(2 * (2 * 20 + 2 * 14));
    // Every row crossing the rectangle has exactly one edge pixel on each side.
    const row = 15 * W;
    expect(edges.slice(row, row + 20).filter((v) => v).length).toBe(1);
    expect(edges.slice(row + 20, row + W).filter((v) => v).length).toBe(1);
  });

  it("keeps a faint edge joined to a strong one and drops a faint edge on its own", () => {
    // Left half: a step of 40 (faint), continued below row 15 by a step of 200 (strong).
    // Right half: a separate faint step. Sobel L1 magnitude is 4× the step.
    const gray = image((x, y) => {
      if (x < 20) return x < 10 ? 100 : y < 15 ? 140 : 255;
      return x < 30 ? 100 : 120;
    });
    const edges = cannyEdges(sobel(gray, W, H, 1), 32 * 4 * 0.5, 100 * 4);
    const column = (x0: number, x1: number, y: number) =>
      edges.slice(y * W + x0, y * W + x1).some((v) => v);
    expect(column(8, 12, 22)).toBe(true); // strong
    expect(column(8, 12, 5)).toBe(true); // faint, joined to the strong part
    expect(column(28, 32, 5)).toBe(false); // faint, alone
  });
});
