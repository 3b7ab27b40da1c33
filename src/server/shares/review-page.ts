import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Hono } from "hono";
import { escapeHtml } from "../../app/share/review-html";
import { reviewApiPath, SHARE_TOKEN_PATTERN } from "../../contract";
import type { ShareRecord } from "./share-repository";
import type { ShareService } from "./share-service";

/**
 * The review page's policy: nothing from beyond its own origin, no inline script or style,
 * no frames, no forms elsewhere. It shows other people's pictures and words, so it gets the
 * strictest policy the SPA can run under (React's style props go through the CSSOM, which
 * `style-src 'self'` allows).
 */
export const REVIEW_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * `GET /r/:token`: the review page's shell (`review.html`, its own entry of the SPA) with the share's link preview (Open Graph) and `noindex`
 * in its head, so a pasted link shows the comparison and search engines leave it alone. An
 * unknown, expired or revoked link gets the same shell with status 404 and no preview; the SPA
 * then says the link is gone.
 */
export function reviewPageRoute(deps: {
  shares: ShareService;
  staticDir: string;
  publicBaseUrl: string | null;
}) {
  let shell: Promise<string> | null = null;
  const readShell = () => {
    shell ??= readFile(join(deps.staticDir, "review.html"), "utf8");
    return shell;
  };
  return new Hono().get("/r/:token", async (c) => {
    const token = c.req.param("token");
    const share = SHARE_TOKEN_PATTERN.test(token)
      ? await deps.shares.open(token).catch(() => null)
      : null;
    const origin = deps.publicBaseUrl?.replace(/\/+$/, "") ?? new URL(c.req.url).origin;
    const html = injectHead(await readShell(), share && previewTags(share, token, origin));
    return c.html(html, share ? 200 : 404, {
      "cache-control": "no-store",
      "x-robots-tag": "noindex, nofollow",
    });
  });
}

function previewTags(share: ShareRecord, token: string, origin: string): string {
  const title = share.prompt.trim() ? `“${share.prompt.trim()}”` : share.task;
  const description = `Before and after · ${share.variants.length} variant${share.variants.length === 1 ? "" : "s"} · Fillpaint`;
  const tags: [string, string][] = [
    ["og:type", "website"],
    ["og:title", title],
    ["og:description", description],
    ["og:url", `${origin}/r/${token}`],
    ["og:image", `${origin}${reviewApiPath(token)}/images/preview.jpeg`],
    ["og:image:alt", `Before and after: ${title}`],
  ];
  return [
    ...tags.map(
      ([property, content]) => `<meta property="${property}" content="${escapeHtml(content)}" />`,
    ),
    `<meta name="twitter:card" content="summary_large_image" />`,
  ].join("\n    ");
}

/** Adds `noindex` (always) and the preview tags (for a live share) before `</head>`. */
export function injectHead(shell: string, preview: string | null): string {
  const tags = [`<meta name="robots" content="noindex, nofollow" />`, preview].filter(Boolean);
  return shell
    .replace(/<title>[^<]*<\/title>/, "<title>Fillpaint review</title>")
    .replace("</head>", `  ${tags.join("\n    ")}\n  </head>`);
}
