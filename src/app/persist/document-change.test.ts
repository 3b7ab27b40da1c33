import { describe, expect, it } from "vitest";
import type { MaskOp } from "../editor/mask-op";
import type { SavedDocument } from "../store/session-actions";
import { applyDocumentChange, documentChange } from "./document-change";
import { journalFromJson, journalToJson } from "./journal-json";

const image = { url: "blob:a", name: "a.png", width: 64, height: 48 };
const stroke = (x: number): MaskOp => ({
  kind: "stroke",
  mode: "add",
  points: [x, 1, x, 9],
  size: 4,
});
const first = stroke(1);
const second = stroke(2);
const third = stroke(3);

const saved: SavedDocument = {
  image,
  maskOps: [first, second],
  redoOps: [],
  excludeOps: [],
  excludeRedoOps: [],
  outpaint: null,
  outpaintOverlap: 8,
};

describe("documentChange", () => {
  it("journals only the steps after the durable history, and the frame", () => {
    const outpaint = {
      preset: "Custom" as const,
      padding: { top: 4, right: 0, bottom: 0, left: 0 },
    };
    const now = { ...saved, maskOps: [first, third], redoOps: [second], outpaint };
    const change = documentChange(saved, now)!;
    expect(change.maskOps).toEqual({ keep: 1, add: [third] });
    // Through the journal's text and back onto the database's document, as a reload does.
    const replayed = applyDocumentChange(
      saved,
      journalFromJson(journalToJson(change)) as typeof change,
    );
    expect(replayed).toEqual(now);
    expect(replayed.maskOps[0]).toBe(first);
  });

  it("journals nothing for another image, whose bytes are not durable yet", () => {
    expect(documentChange(saved, { ...saved, image: { ...image, url: "blob:b" } })).toBeNull();
  });

  it("leaves the saved document as it is when the change was made on a longer history", () => {
    const change = documentChange({ ...saved, maskOps: [first, second, third] }, saved)!;
    expect(applyDocumentChange({ ...saved, maskOps: [first] }, change).maskOps).toEqual([first]);
  });

  it("journals the exclusion's steps, and replays a change journaled before it was kept", () => {
    const now = { ...saved, excludeOps: [third], excludeRedoOps: [second] };
    const change = documentChange(saved, now)!;
    expect(change.excludeOps).toEqual({ keep: 0, add: [third] });
    expect(applyDocumentChange(saved, change)).toEqual(now);

    const {
      excludeOps: _,
      excludeRedoOps: __,
      ...older
    } = documentChange(saved, {
      ...saved,
      maskOps: [first, second, third],
    })!;
    const painted = { ...saved, excludeOps: [first] };
    const replayed = applyDocumentChange(painted, older);
    expect(replayed.maskOps).toEqual([first, second, third]);
    expect(replayed.excludeOps).toEqual([first]);
  });
});
