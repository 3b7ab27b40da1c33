import { describe, expect, it } from "vitest";
import { dragPadding } from "./frame-drag";

const start = { top: 10, right: 20, bottom: 30, left: 40 };

describe("dragPadding", () => {
  it("grows the left side when its edge moves left, and never below zero", () => {
    expect(dragPadding("left", start, -15, 99)).toEqual({ ...start, left: 55 });
    expect(dragPadding("left", start, 100, 0)).toEqual({ ...start, left: 0 });
  });

  it("moves the right and bottom edges with the pointer", () => {
    expect(dragPadding("right", start, 5, 0)).toEqual({ ...start, right: 25 });
    expect(dragPadding("bottom", start, 0, -50)).toEqual({ ...start, bottom: 0 });
    expect(dragPadding("top", start, 0, -5)).toEqual({ ...start, top: 15 });
  });

  it("slides the image inside the frame without changing the frame's size", () => {
    expect(dragPadding("image", start, -10, 5)).toEqual({
      top: 15,
      right: 30,
      bottom: 25,
      left: 30,
    });
    expect(dragPadding("image", start, -500, 500)).toEqual({
      top: 40,
      right: 60,
      bottom: 0,
      left: 0,
    });
  });
});
