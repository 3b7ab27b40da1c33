import { describe, expect, it } from "vitest";
import { BFL_OUTPAINT_MAX_PIXELS, type TaskId } from "../../contract";
import { chooseRequest, type RequestInputs } from "./task-request";

const all: TaskId[] = ["erase", "fill", "outpaint"];
const bfl = {
  tasks: all,
  nativeTasks: all,
  maxOutpaintPixels: BFL_OUTPAINT_MAX_PIXELS,
  maxImagePixels: 20_000_000,
};
const apiframe = { ...bfl, nativeTasks: ["fill"] as TaskId[], maxOutpaintPixels: 20_000_000 };
const frame = { width: 640, height: 480, image: { x: 64, y: 0, width: 400, height: 300 } };
const inputs: RequestInputs = {
  image: { width: 400, height: 300 },
  frame,
  painted: false,
  outpaintPreset: null,
  dilatePixels: 7,
};

describe("chooseRequest", () => {
  it("sends Remove to the erase tool with its dilation, and Replace to fill", () => {
    expect(chooseRequest("erase", bfl, { ...inputs, frame: null })).toEqual({
      kind: "erase",
      dilatePixels: 7,
    });
    expect(chooseRequest("fill", bfl, { ...inputs, frame: null })).toEqual({ kind: "fill" });
  });

  it("falls back to fill for Remove on a proxy that does not list erase", () => {
    const old = { maxImagePixels: 20_000_000 };
    expect(chooseRequest("erase", old, { ...inputs, frame: null })).toEqual({ kind: "fill" });
  });

  it("sends Extend to the outpainting tool with the frame and the photo's offset", () => {
    expect(chooseRequest("outpaint", bfl, inputs)).toEqual({
      kind: "outpaint",
      width: 640,
      height: 480,
      offsetX: 64,
      offsetY: 0,
    });
  });

  it("falls back to the padded fill outside the tool's canvas sizes, with a painted mask, or a scaled photo", () => {
    const big = { width: 2048, height: 2049, image: { x: 0, y: 0, width: 400, height: 300 } };
    expect(chooseRequest("outpaint", bfl, { ...inputs, frame: big })).toEqual({ kind: "fill" });
    expect(chooseRequest("outpaint", bfl, { ...inputs, painted: true })).toEqual({
      kind: "fill",
    });
    // A tiny photo's frame is under the tool's smallest side (64 px).
    const tiny = { width: 32, height: 32, image: { x: 8, y: 8, width: 16, height: 16 } };
    const tinyInputs = { ...inputs, image: { width: 16, height: 16 }, frame: tiny };
    expect(chooseRequest("outpaint", bfl, tinyInputs)).toEqual({ kind: "fill" });
    const scaled = { ...frame, image: { ...frame.image, width: 399 } };
    expect(chooseRequest("outpaint", bfl, { ...inputs, frame: scaled })).toEqual({
      kind: "fill",
    });
  });

  it("keeps apiframe's preset by name, and its custom frame on the padded fill", () => {
    expect(
      chooseRequest("outpaint", apiframe, { ...inputs, outpaintPreset: "Make square" }),
    ).toEqual({ kind: "preset", preset: "Make square" });
    expect(chooseRequest("outpaint", apiframe, inputs)).toEqual({ kind: "fill" });
  });
});
