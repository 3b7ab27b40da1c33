import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import {
  SHARE_OWNER_HEADER,
  type ShareCreateBody,
  type ShareCreated,
  shareCreatedSchema,
  shareFeedbackResponseSchema,
  shareViewSchema,
} from "../../contract";
import { configFromEnv, type ProxyConfig } from "../config";
import { type RunningProxy, startProxy } from "../proxy";
import { S3BlobStore } from "../storage/s3-blob-store";
import { pngBombBase64 } from "../testing/images";
import { logCollector, testConfig } from "../testing/proxy-config";
import { startTestS3 } from "../testing/s3-server";
import { REVIEW_PAGE_POLICY } from "./review-page";

const DAY = 86_400_000;

async function solidPng(width: number, height: number, rgb: [number, number, number]) {
  return sharp({
    create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } },
  })
    .png()
    .toBuffer();
}

async function shareBody(overrides: Partial<ShareCreateBody> = {}): Promise<ShareCreateBody> {
  const [before, v0, v2] = await Promise.all([
    solidPng(64, 48, [200, 30, 30]),
    solidPng(64, 48, [30, 200, 30]),
    solidPng(64, 48, [30, 30, 200]),
  ]);
  return {
    before: before.toString("base64"),
    variants: [
      { index: 0, image: v0.toString("base64") },
      { index: 2, image: v2.toString("base64") },
    ],
    outline: null,
    prompt: 'a red "door" <b>',
    task: "Replace",
    ...overrides,
  };
}

let proxy: RunningProxy | null = null;
afterEach(async () => {
  await proxy?.close();
  proxy = null;
});

/** A proxy serving a stand-in SPA shell, so `/r/:token` can be read like in production. */
async function start(overrides: Partial<ProxyConfig> = {}) {
  const staticDir = mkdtempSync(join(tmpdir(), "fillpaint-spa-"));
  writeFileSync(
    join(staticDir, "review.html"),
    "<!doctype html><html><head><title>Fillpaint</title></head><body><div id=root></div></body></html>",
  );
  const config = testConfig({ staticDir, ...overrides });
  proxy = await startProxy(config);
  return { url: proxy.url, config };
}

async function create(url: string, body: ShareCreateBody) {
  return fetch(`${url}/api/shares`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function created(
  url: string,
  body?: ShareCreateBody,
): Promise<ShareCreated & { token: string }> {
  const response = await create(url, body ?? (await shareBody()));
  expect(response.status).toBe(201);
  const share = shareCreatedSchema.parse(await response.json());
  const token = /\/r\/([A-Za-z0-9_-]+)$/.exec(share.url)?.[1] ?? "";
  return { ...share, token };
}

const owner = (secret: string) => ({ [SHARE_OWNER_HEADER]: secret });

/** Files (not the emptied folders) below `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) =>
    statSync(join(dir, name)).isFile(),
  );
}

describe("review links", () => {
  it("stores a snapshot that anyone with the link can read, images included", async () => {
    const { url } = await start();
    const body = await shareBody();
    const share = await created(url, body);
    expect(share.token).toHaveLength(43);
    expect(share.url).toBe(`${url}/r/${share.token}`);
    expect(share.expiresAt - share.createdAt).toBe(30 * DAY);

    const response = await fetch(`${url}/api/review/${share.token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    const view = shareViewSchema.parse(await response.json());
    expect(view).toMatchObject({ prompt: body.prompt, task: "Replace", width: 64, height: 48 });
    expect(view.variants.map((v) => v.index)).toEqual([0, 2]);
    const before = await fetch(`${url}${view.before}`);
    expect(before.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await before.arrayBuffer()).toString("base64")).toBe(body.before);
    const second = await fetch(`${url}${view.variants[1]?.url}`);
    expect(Buffer.from(await second.arrayBuffer()).toString("base64")).toBe(
      body.variants[1]?.image,
    );
  });

  it("serves the page with noindex, a strict policy and an absolute, escaped link preview", async () => {
    const { url } = await start({ publicBaseUrl: "https://fill.example.com/" });
    const share = await created(url);
    expect(share.url).toBe(`https://fill.example.com/r/${share.token}`);
    const page = await fetch(`${url}/r/${share.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(REVIEW_PAGE_POLICY);
    expect(page.headers.get("x-robots-tag")).toContain("noindex");
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(html).toContain(
      `<meta property="og:image" content="https://fill.example.com/api/review/${share.token}/images/preview.jpeg" />`,
    );
    // The prompt is the designer's text: escaped, never markup in the head.
    expect(html).toContain("“a red &quot;door&quot; &lt;b&gt;”");
    expect(html).not.toContain("<b>");

    // The preview is before | after side by side: red on the left, green on the right.
    const preview = await fetch(`${url}/api/review/${share.token}/images/preview.jpeg`);
    const { data, info } = await sharp(Buffer.from(await preview.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.width).toBeGreaterThan(info.height);
    const at = (x: number) => [
      ...data.subarray((20 * info.width + x) * 3, (20 * info.width + x) * 3 + 3),
    ];
    const [lr, lg] = at(10);
    const [rr, rg] = at(info.width - 10);
    expect(lr).toBeGreaterThan(150);
    expect(lg).toBeLessThan(80);
    expect(rg).toBeGreaterThan(150);
    expect(rr).toBeLessThan(80);
  });

  it("answers 404 for a wrong, malformed or revoked token, and a wrong owner secret", async () => {
    const { url, config } = await start();
    const share = await created(url);
    const wrong = Buffer.alloc(32, 7).toString("base64url");
    for (const path of [`/api/review/${wrong}`, "/api/review/short", `/r/${wrong}`, "/r/x"]) {
      expect((await fetch(`${url}${path}`)).status).toBe(404);
    }
    // The 404 page carries no preview of anything.
    expect(await (await fetch(`${url}/r/${wrong}`)).text()).not.toContain("og:image");

    const wrongOwner = await fetch(`${url}/api/shares/${share.id}`, {
      method: "DELETE",
      headers: owner("nope"),
    });
    expect(wrongOwner.status).toBe(404);
    expect((await fetch(`${url}/api/review/${share.token}`)).status).toBe(200);

    const revoked = await fetch(`${url}/api/shares/${share.id}`, {
      method: "DELETE",
      headers: owner(share.ownerSecret),
    });
    expect(revoked.status).toBe(204);
    // Revoking it again finds nothing to revoke: 404 with the proxy's error body.
    const again = await fetch(`${url}/api/shares/${share.id}`, {
      method: "DELETE",
      headers: owner(share.ownerSecret),
    });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({
      detail: "This review link does not exist, has expired or was revoked.",
    });
    // Two revokes at once: one revokes, the other finds it revoked.
    const other = await created(url);
    const both = await Promise.all(
      [0, 1].map(() =>
        fetch(`${url}/api/shares/${other.id}`, {
          method: "DELETE",
          headers: owner(other.ownerSecret),
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([204, 404]);
    expect((await fetch(`${url}/api/review/${share.token}`)).status).toBe(404);
    expect((await fetch(`${url}/api/review/${share.token}/images/preview.jpeg`)).status).toBe(404);
    expect((await fetch(`${url}/r/${share.token}`)).status).toBe(404);
    const state = await fetch(`${url}/api/shares/${share.id}/feedback`, {
      headers: owner(share.ownerSecret),
    });
    expect(shareFeedbackResponseSchema.parse(await state.json()).state).toBe("revoked");
    // The images leave the disk with the revoke.
    expect(filesUnder(join(config.dataDir, "shares"))).toEqual([]);
  });

  it("expires after SHARE_TTL: 404 once the clock has passed it, then swept", async () => {
    let now = Date.UTC(2026, 10, 29);
    const { url, config } = await start({
      now: () => now,
      shares: { ttlMs: 2 * DAY, maxPerClient: 10, maxBytesPerClient: 1e9, feedbackPerMinute: 0 },
    });
    const share = await created(url);
    expect(share.expiresAt).toBe(now + 2 * DAY);
    now += 2 * DAY - 1;
    expect((await fetch(`${url}/api/review/${share.token}`)).status).toBe(200);
    now += 1;
    expect((await fetch(`${url}/api/review/${share.token}`)).status).toBe(404);
    expect((await fetch(`${url}/r/${share.token}`)).status).toBe(404);
    const state = await fetch(`${url}/api/shares/${share.id}/feedback`, {
      headers: owner(share.ownerSecret),
    });
    expect(shareFeedbackResponseSchema.parse(await state.json()).state).toBe("expired");

    // The next sweep (here: the one at start-up) deletes the record and its images.
    now += 1;
    await proxy?.close();
    proxy = await startProxy(config);
    const gone = await fetch(`${proxy.url}/api/shares/${share.id}/feedback`, {
      headers: owner(share.ownerSecret),
    });
    expect(gone.status).toBe(404);
    expect(filesUnder(join(config.dataDir, "shares"))).toEqual([]);
  });

  it("counts live links and their bytes against a per-client quota", async () => {
    const { url } = await start({
      shares: { ttlMs: DAY, maxPerClient: 2, maxBytesPerClient: 1e9, feedbackPerMinute: 0 },
    });
    const first = await created(url);
    await created(url);
    const third = await create(url, await shareBody());
    expect(third.status).toBe(429);
    expect((await third.json()).detail).toMatch(/2 live review links \(the limit is 2\)/);
    // Revoking one frees its place.
    await fetch(`${url}/api/shares/${first.id}`, {
      method: "DELETE",
      headers: owner(first.ownerSecret),
    });
    expect((await create(url, await shareBody())).status).toBe(201);

    await proxy?.close();
    const small = await start({
      shares: { ttlMs: DAY, maxPerClient: 10, maxBytesPerClient: 300, feedbackPerMinute: 0 },
    });
    const tooBig = await create(small.url, await shareBody());
    expect(tooBig.status).toBe(429);
    expect((await tooBig.json()).detail).toMatch(/MB of images per client/);
  });

  it("validates the images like uploads and refuses unknown fields", async () => {
    const { url } = await start();
    const whole = await solidPng(8, 8, [0, 0, 0]);
    const truncated = whole.subarray(0, whole.length - 12);
    const cases: [Partial<ShareCreateBody>, string, RegExp][] = [
      [
        { before: Buffer.from("not an image").toString("base64") },
        "before",
        /not a readable image/,
      ],
      [{ before: "%%%" }, "before", /not valid base64/],
      [{ before: pngBombBase64(6000, 6000) }, "before", /the limit is 20\.0 MP/],
      [{ outline: truncated.toString("base64") }, "outline", /cut off or corrupt/],
    ];
    for (const [override, field, message] of cases) {
      const response = await create(url, await shareBody(override));
      expect(response.status).toBe(422);
      const { detail } = await response.json();
      expect(detail[0].loc).toEqual(["body", field]);
      expect(detail[0].msg).toMatch(message);
    }
    const extra = await create(url, { ...(await shareBody()), secret: 1 } as ShareCreateBody);
    expect(extra.status).toBe(422);
    expect((await extra.json()).detail[0].msg).toBe('unknown field "secret"');
    const none = await create(url, await shareBody({ variants: [] }));
    expect(none.status).toBe(422);
  });

  it("takes reviewers' picks and comments as plain text, for the owner only, rate-limited", async () => {
    const { url } = await start({
      shares: { ttlMs: DAY, maxPerClient: 10, maxBytesPerClient: 1e9, feedbackPerMinute: 3 },
    });
    const share = await created(url);
    const send = (body: unknown) =>
      fetch(`${url}/api/review/${share.token}/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const comment = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    expect((await send({ pick: 2, comment, name: "  Ada  " })).status).toBe(201);
    const badPick = await send({ pick: 1, comment: "" });
    expect(badPick.status).toBe(422);
    expect((await badPick.json()).detail[0].msg).toBe("variant 1 is not part of this share");
    const tooLong = await send({ pick: null, comment: "x".repeat(501) });
    expect(tooLong.status).toBe(422);
    const limited = await send({ pick: 0, comment: "" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);

    expect((await fetch(`${url}/api/shares/${share.id}/feedback`)).status).toBe(404);
    const read = await fetch(`${url}/api/shares/${share.id}/feedback`, {
      headers: owner(share.ownerSecret),
    });
    const { state, feedback } = shareFeedbackResponseSchema.parse(await read.json());
    expect(state).toBe("live");
    expect(feedback).toEqual([
      { id: expect.any(Number), pick: 2, comment, name: "Ada", createdAt: expect.any(Number) },
    ]);
  });

  it("never writes a review token into the logs", async () => {
    const logs = logCollector();
    const { url } = await start({ logDestination: logs.stream });
    const share = await created(url);
    await fetch(`${url}/r/${share.token}`);
    await fetch(`${url}/api/review/${share.token}`);
    const text = logs.lines.join("");
    expect(text).toContain("/api/review/[token]");
    expect(text).not.toContain(share.token);
    expect(text).not.toContain(share.ownerSecret);
  });
});

// Two replicas on one Postgres schema and one bucket, as behind a load balancer.
describe.runIf(process.env.FILLPAINT_TEST_STORAGE === "postgres")(
  "review links across replicas",
  () => {
    it("serves and revokes on B a link made on A, images from S3", async () => {
      const s3 = await startTestS3();
      const s3Config = configFromEnv(s3.env).s3;
      if (!s3Config) throw new Error("the test S3 environment gave no S3 config");
      const bucket = new S3BlobStore(s3Config);
      let replicaB: RunningProxy | null = null;
      try {
        const a = await start({ s3: s3Config });
        replicaB = await startProxy(testConfig({ database: a.config.database, s3: s3Config }));
        const b = replicaB.url;
        const body = await shareBody();
        const share = await created(a.url, body);
        // The images are in the bucket, not on A's disk, so B can read them.
        expect(await bucket.get(`shares/${share.id}/before.png`)).toEqual(
          Buffer.from(body.before, "base64"),
        );
        expect(readdirSync(a.config.dataDir)).not.toContain("shares");

        const view = shareViewSchema.parse(
          await (await fetch(`${b}/api/review/${share.token}`)).json(),
        );
        const before = await fetch(`${b}${view.before}`);
        expect(before.status).toBe(200);
        expect(Buffer.from(await before.arrayBuffer()).toString("base64")).toBe(body.before);
        const feedback = await fetch(`${b}/api/review/${share.token}/feedback`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ pick: 2, comment: "on B" }),
        });
        expect(feedback.status).toBe(201);
        const read = await fetch(`${a.url}/api/shares/${share.id}/feedback`, {
          headers: owner(share.ownerSecret),
        });
        expect(shareFeedbackResponseSchema.parse(await read.json()).feedback[0]?.comment).toBe(
          "on B",
        );

        const revoked = await fetch(`${b}/api/shares/${share.id}`, {
          method: "DELETE",
          headers: owner(share.ownerSecret),
        });
        expect(revoked.status).toBe(204);
        expect((await fetch(`${a.url}/api/review/${share.token}`)).status).toBe(404);
        // The revoke on B empties the bucket of the link.
        for (const name of ["before.png", "preview.jpeg", "variant-0.png", "variant-2.png"]) {
          expect(await bucket.get(`shares/${share.id}/${name}`)).toBeNull();
        }
        bucket.close();
      } finally {
        await replicaB?.close();
        await s3.close();
      }
    });
  },
);
