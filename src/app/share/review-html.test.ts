import { describe, expect, it } from "vitest";
import { reviewHtml } from "./review-html";

const dataUrl = (n: number) => `data:image/png;base64,${"A".repeat(n)}`;

describe("the self-contained HTML export", () => {
  const html = reviewHtml({
    title: "Fillpaint · shoes",
    caption: '“<img src=x onerror="alert(1)">” · Replace',
    before: dataUrl(8),
    variants: [
      { label: "Variant 1 · seed 7", src: dataUrl(12) },
      { label: "Variant 3 <b>", src: dataUrl(16) },
    ],
    width: 640,
    height: 480,
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

  it("starts with the first variant on the after side", () => {
    expect(html).toContain(`<img class="after" src="${dataUrl(12)}"`);
    expect(html).toContain('aria-pressed="true" data-label="Variant 1 · seed 7"');
  });
});
