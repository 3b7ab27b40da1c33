import { describe, expect, it } from "vitest";
import type { RunRecord } from "../history/history-db";
import { runReviewHtml } from "./export-html";
import { reviewHtml } from "./review-html";

const dataUrl = (n: number) => `data:image/png;base64,${"A".repeat(n)}`;

describe("the self-contained HTML export", () => {
  const html = reviewHtml({
    title: "Fillpaint · shoes",
    caption: '“<img src=x onerror="alert(1)">” · Replace',
    before: { src: dataUrl(8), tag: "A · Original" },
    variants: [
      { tag: "B · Variant 1", label: "Variant 1 · seed 7", src: dataUrl(12) },
      { tag: "B · Variant 3", label: "Variant 3 <b>", src: dataUrl(16) },
    ],
    width: 640,
    height: 480,
    start: 30,
  });

  it("inlines every image and needs nothing from the network", () => {
    expect(html).toContain(`src="${dataUrl(8)}"`);
    expect(html).toContain(`src="${dataUrl(16)}"`);
    // No external reference of any kind: only data: URLs, inline style and script.
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
    expect(html).toContain("default-src 'none'; img-src data:");
  });

  it("escapes the prompt and labels instead of writing markup", () => {
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain('<img src=x onerror="alert(1)">');
    expect(html).toContain("Variant 3 &lt;b&gt;");
  });

  it("starts with the first variant on the after side, the divider where it is asked", () => {
    expect(html).toContain(`<img class="after" src="${dataUrl(12)}" alt="B · Variant 1"`);
    expect(html).toContain('aria-pressed="true" data-tag="B · Variant 1"');
    expect(html).toContain('<div class="slider" style="--pos:30%">');
    expect(html).toContain('value="30" aria-label="Divider position"');
  });
});

describe("a run's HTML export", () => {
  const variant = (index: number, seed: number) => ({
    index,
    seed,
    state: "ready" as const,
    status: "Ready",
    jobId: `job-${index}`,
    pollingUrl: null,
    message: null,
    retryable: false,
    resultExtension: "png" as const,
  });
  const run = {
    id: "run-1",
    createdAt: Date.UTC(2026, 10, 30, 9, 5),
    prompt: "",
    provider: "local",
    source: { name: "Sunset hill.jpg", width: 1200, height: 800 },
    variants: [variant(0, 42), variant(1, 7)],
    task: { kind: "erase" },
  } as unknown as RunRecord;
  const { name, html } = runReviewHtml(run, {
    before: dataUrl(4),
    variants: [
      { index: 0, src: dataUrl(5) },
      { index: 1, src: dataUrl(6) },
    ],
    start: 3.6,
  });

  it("is named like the run's other files", () => {
    expect(name).toBe("fillpaint-compare-Sunset_hill-remove-2026-11-30-09-05.html");
  });

  it("labels the sides and tiles with the app's words, never Before/After", () => {
    expect(html).toContain('<span class="tag" style="left:8px">A · Original</span>');
    expect(html).toContain('<span class="tag b" style="right:8px">B · Variant 1</span>');
    expect(html).toContain('alt="A · Original"');
    expect(html).toContain("<div>Variant 1 · seed 42</div>");
    expect(html).toContain('data-tag="B · Variant 2"><img src="');
    expect(html).toContain("<div>Variant 2 · seed 7</div>");
    expect(html).not.toMatch(/>Before<|"Before"|"After"/);
    expect(html).toContain('<h1 title="No prompt · Remove">No prompt · Remove</h1>');
  });

  it("starts the divider where the app's slider does", () => {
    expect(html).toContain('<div class="slider" style="--pos:4%">');
  });
});
