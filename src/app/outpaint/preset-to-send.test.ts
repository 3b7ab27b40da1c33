import { describe, expect, it } from "vitest";
import { APIFRAME_OUTPAINT_PRESETS } from "../../contract";
import { presetToSend } from "./preset-to-send";

const padding = { top: 0, right: 300, bottom: 0, left: 0 };
const apiframe = APIFRAME_OUTPAINT_PRESETS;

describe("presetToSend", () => {
  it("names the preset to a provider that outpaints by preset", () => {
    expect(presetToSend({ preset: "Right outpaint", padding }, false, apiframe)).toBe(
      "Right outpaint",
    );
  });

  it("falls back to the padded inpaint for custom frames, painted masks and other providers", () => {
    expect(presetToSend({ preset: "Custom", padding }, false, apiframe)).toBeNull();
    expect(presetToSend({ preset: "Right outpaint", padding }, true, apiframe)).toBeNull();
    expect(presetToSend({ preset: "Right outpaint", padding }, false, [])).toBeNull();
    expect(presetToSend(null, false, apiframe)).toBeNull();
  });
});
