import { describe, expect, it } from "vitest";
import { EXCLUDE_MASK_FIELD } from "../../contract";
import type { RunRecord } from "../history/history-db";
import { jobRequest } from "./submit-variant";

const run: RunRecord = {
  id: "r",
  createdAt: 0,
  prompt: "a lamp",
  provider: "bfl",
  params: {
    steps: 40,
    guidance: 30,
    safety_tolerance: 3,
    output_format: "webp",
    prompt_upsampling: false,
    seed: null,
    variants: 1,
  },
  source: { name: "a.jpg", width: 400, height: 300 },
  thumbnail: null,
  imagesPruned: false,
  variants: [],
};
const inputs = { image: "IMG", mask: "MASK" };

describe("jobRequest", () => {
  it("sends erase only its documented fields", () => {
    const job = jobRequest(
      { ...run, prompt: "", request: { kind: "erase", dilatePixels: 4 } },
      inputs,
      9,
    );
    expect(job).toEqual({
      route: "/v1/flux-tools/erase-v1",
      body: {
        image: "IMG",
        mask: "MASK",
        dilate_pixels: 4,
        seed: 9,
        safety_tolerance: 3,
        output_format: "webp",
      },
    });
  });

  it("sends outpainting the file, the canvas and the offset, without a mask or an empty prompt", () => {
    const request = {
      kind: "outpaint",
      width: 640,
      height: 480,
      offsetX: -8,
      offsetY: 90,
    } as const;
    const job = jobRequest({ ...run, request }, inputs, 9);
    expect(job).toEqual({
      route: "/v1/flux-tools/outpainting-v1",
      body: {
        input_image: "IMG",
        width: 640,
        height: 480,
        reference_offset_x: -8,
        reference_offset_y: 90,
        prompt: "a lamp",
        seed: 9,
        safety_tolerance: 3,
        output_format: "webp",
      },
    });
    expect(jobRequest({ ...run, prompt: " ", request }, inputs, 9).body).not.toHaveProperty(
      "prompt",
    );
  });

  it("sends fill (the default of older runs) png when the run chose webp, and a preset by name", () => {
    const fill = jobRequest(run, inputs, 9);
    expect(fill.route).toBe("/v1/flux-pro-1.0-fill");
    expect(fill.body).toMatchObject({
      image: "IMG",
      mask: "MASK",
      output_format: "png",
      steps: 40,
    });
    const preset = jobRequest({ ...run, outpaintPreset: "Make square" }, inputs, 9);
    expect(preset).toMatchObject({ route: "/v1/flux-pro-1.0-expand", preset: "Make square" });
    expect(preset.body).not.toHaveProperty("mask");
  });

  it("sends the area not to copy from on every route when it is given, and never otherwise", () => {
    const requests = [
      { kind: "erase", dilatePixels: 4 },
      { kind: "outpaint", width: 640, height: 480, offsetX: 0, offsetY: 0 },
    ] as const;
    const runs = [run, { ...run, outpaintPreset: "Make square" as const }];
    for (const r of [...runs, ...requests.map((request) => ({ ...run, request }))]) {
      const body = jobRequest(r, { ...inputs, exclude: "EXCL" }, 9).body;
      expect(body[EXCLUDE_MASK_FIELD]).toBe("EXCL");
      expect(jobRequest(r, inputs, 9).body).not.toHaveProperty(EXCLUDE_MASK_FIELD);
    }
  });
});
