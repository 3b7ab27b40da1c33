import { describe, expect, it } from "vitest";
import { edgeCosts, ShortestPaths } from "./livewire";
import { sobel } from "./sobel";

/** A dark square (30..69 both ways) on white, as packed RGB, with its outline as the edge map. */
function square(size = 100) {
  const rgb = new Uint8Array(size * size * 3).fill(255);
  const edges = new Uint8Array(size * size);
  for (let y = 30; y < 70; y++)
    for (let x = 30; x < 70; x++) {
      rgb.fill(20, (y * size + x) * 3, (y * size + x) * 3 + 3);
      if (x === 30 || y === 30 || x === 69 || y === 69) edges[y * size + x] = 255;
    }
  return edgeCosts(sobel(rgb, size, size, 3), edges);
}

const steps = (path: number[]) => {
  const out: [number, number][] = [];
  for (let i = 2; i < path.length; i += 2)
    out.push([path[i]! - path[i - 2]!, path[i + 1]! - path[i - 1]!]);
  return out;
};

describe("ShortestPaths", () => {
  it("follows the square's edge between opposite corners instead of cutting across", () => {
    const paths = new ShortestPaths(square());
    paths.from(30, 30);
    const path = paths.pathTo(69, 69);
    expect(path.slice(0, 2)).toEqual([30, 30]);
    expect(path.slice(-2)).toEqual([69, 69]);
    // Around two sides: about 80 steps, every point on the outline (±1 pixel).
    expect(path.length / 2).toBeGreaterThan(70);
    for (let i = 0; i < path.length; i += 2) {
      const onEdge = [path[i]!, path[i + 1]!].some(
        (v) => Math.abs(v - 30) <= 1 || Math.abs(v - 69) <= 1,
      );
      expect(onEdge, `(${path[i]}, ${path[i + 1]})`).toBe(true);
    }
  });

  it("moves one pixel (8-connected) at a time", () => {
    const paths = new ShortestPaths(square());
    paths.from(5, 90);
    const path = paths.pathTo(95, 10);
    for (const [dx, dy] of steps(path)) {
      expect(Math.max(Math.abs(dx), Math.abs(dy))).toBe(1);
    }
  });

  it("grown lazily, answers exactly as a map built at once would", () => {
    const costs = square();
    const lazy = new ShortestPaths(costs);
    lazy.from(10, 50);
    const near = lazy.pathTo(20, 52);
    const far = lazy.pathTo(90, 20);
    const fresh = new ShortestPaths(costs);
    fresh.from(10, 50);
    expect(fresh.pathTo(90, 20)).toEqual(far);
    const again = new ShortestPaths(costs);
    again.from(10, 50);
    again.pathTo(99, 99);
    expect(again.pathTo(20, 52)).toEqual(near);
  });

  it("restarts from a new anchor, and clamps points outside the image to its border", () => {
    const paths = new ShortestPaths(square());
    paths.from(30, 30);
    paths.pathTo(69, 69);
    paths.from(50, 50);
    expect(paths.pathTo(50, 50)).toEqual([50, 50]);
    expect(paths.pathTo(500, 50).slice(-2)).toEqual([99, 50]);
  });

  it("costs less along an edge than across flat ground", () => {
    const { nonEdge, magnitude, along } = square();
    const onEdge = 30 * 100 + 50;
    const flat = 10 * 100 + 10;
    expect(nonEdge[onEdge]! + magnitude[onEdge]!).toBeLessThan(nonEdge[flat]! + magnitude[flat]!);
    // On the square's top side the edge runs horizontally (either way); flat ground has no
    // direction.
    expect(Math.sin(along[onEdge]!)).toBeCloseTo(0, 5);
    expect(along[flat]).toBeNaN();
  });
});
