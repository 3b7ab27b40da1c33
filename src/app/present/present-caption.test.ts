import { describe, expect, it } from "vitest";
import { presentCaption } from "./present-caption";

const placement = { x: 0, y: 0, width: 10, height: 10 };

describe("presentCaption", () => {
  it("captions a Remove with what was done, never 'No prompt'", () => {
    expect(presentCaption("", { kind: "erase" })).toEqual({ caption: "Removed", done: null });
  });

  it("shows a Replace's prompt, and what was done above it", () => {
    expect(presentCaption("  a red kite ", { kind: "inpaint" })).toEqual({
      caption: "a red kite",
      done: "Replaced",
    });
    expect(presentCaption("", { kind: "inpaint" })).toEqual({ caption: "Replaced", done: null });
  });

  it("names an Extend's frame", () => {
    expect(presentCaption("", { kind: "outpaint", preset: "Make square", placement })).toEqual({
      caption: "Extended · Make square",
      done: null,
    });
    expect(presentCaption("dunes", { kind: "outpaint", preset: "Custom", placement })).toEqual({
      caption: "dunes",
      done: "Extended · custom frame",
    });
  });

  it("reads a run stored before tasks were recorded as a Replace", () => {
    expect(presentCaption("", undefined)).toEqual({ caption: "Replaced", done: null });
  });
});
