import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import type { ResultResponse, SubmitResponse } from "../contract";
import { bflSubmit } from "./testing/bfl-client";
import { type FakeBfl, startFakeBfl } from "./testing/fake-bfl";
import { fixtureBase64, rectMaskBase64 } from "./testing/images";
import { freePort, type ProxyProcess, spawnProxy } from "./testing/proxy-process";
import { startTestS3, type TestS3 } from "./testing/s3-server";

/**
 * Upstream jobs (BFL here) are followed by one replica at a time, and taken over by a RUNNING
 * replica when their follower dies. Each replica has its own key of the same (fake) account,
 * so the fake's request log tells which replica polled.
 */
const databaseUrl = process.env.TEST_DATABASE_URL;
const KEYS = { a: "sk-replica-a-5d1e", b: "sk-replica-b-77c0", c: "sk-replica-c-0f3a" };

async function result(base: string, id: string): Promise<ResultResponse> {
  return (await (await fetch(`${base}/v1/get_result?id=${id}`)).json()) as ResultResponse;
}

/** Waits (no fixed sleep) until `condition` holds, checking every 50 ms. */
async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 90_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!databaseUrl)("upstream jobs across replicas on Postgres", () => {
  let fake: FakeBfl;
  let s3: TestS3;
  const running: ProxyProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((p) => p.kill()));
    await s3?.close();
    await fake?.close();
  });

  it("is polled by one replica at a time, and a running replica takes over when its follower dies", async () => {
    // BFL keeps the job Pending until the test lets it finish.
    fake = await startFakeBfl({
      apiKey: KEYS.a,
      otherKeys: [KEYS.b, KEYS.c],
      pendingPolls: 1_000_000,
    });
    s3 = await startTestS3();
    const shared = {
      ...s3.env,
      DATABASE_URL: databaseUrl ?? "",
      DATABASE_SCHEMA: `upstream_${randomBytes(4).toString("hex")}`,
      FILL_WORKERS: "0",
      BFL_API_BASE: fake.apiBase,
      BFL_ALLOWED_HOSTS: fake.hosts.join(","),
      // A dead follower's jobs are taken over within 3 s; holds are renewed every second.
      UPSTREAM_LEASE_SECONDS: "3",
      UPSTREAM_ADOPT_SECONDS: "1",
      RATE_LIMIT_PER_MIN: "0",
    };
    const start = async (key: string) => {
      const proxy = await spawnProxy(
        {
          ...shared,
          BFL_API_KEY: key,
          PORT: String(await freePort()),
          DATA_DIR: mkdtempSync(join(tmpdir(), "fillpaint-upstream-")),
        },
        // Starting under tsx on a loaded 2-core box has taken 30 s.
        { startTimeoutMs: 150_000 },
      );
      running.push(proxy);
      return proxy;
    };
    const polls = (key?: string) =>
      fake.requests.filter((r) => r.path === "/v1/get_result" && (!key || r.key === key));

    const a = await start(KEYS.a);
    const mask = await rectMaskBase64(600, 400, { x: 200, y: 120, w: 80, h: 60 });
    const submitted = await bflSubmit(a.url, {
      image: fixtureBase64("skimage_coffee.png"),
      mask,
      prompt: "a teapot",
      output_format: "png",
    });
    expect(submitted.status).toBe(200);
    const job = submitted.body as SubmitResponse;
    await until("A to poll", () => polls(KEYS.a).length >= 2);

    // B and C start while A follows the job: at start (which used to resume every Pending job)
    // and on every adoption round after, they must leave it to A.
    const [b, c] = await Promise.all([start(KEYS.b), start(KEYS.c)]);
    const seenByA = polls(KEYS.a).length;
    // 12 more polls of A (500 ms apart) span more than a lease: B and C ran several rounds.
    await until("A to keep polling", () => polls(KEYS.a).length >= seenByA + 12);
    expect(polls(KEYS.b)).toHaveLength(0);
    expect(polls(KEYS.c)).toHaveLength(0);
    expect((await result(b.url, job.id)).status).toBe("Pending");

    await a.kill("SIGKILL");
    const beforeTakeover = polls().length;
    await until("a running replica to take over", () =>
      polls()
        .slice(beforeTakeover)
        .some((r) => r.key !== KEYS.a),
    );
    // Let the new follower poll a few times while BFL still says Pending, then finish.
    await until("the new follower to poll again", () => polls().length >= beforeTakeover + 6);
    fake.options.pendingPolls = 0;
    await until("the job to end", async () => (await result(b.url, job.id)).status !== "Pending");
    const done = await result(b.url, job.id);
    expect(done.status).toBe("Ready");
    expect(done.result?.seed).toBe(42);

    // Exactly one of B and C took the job over, and it alone polled from then on.
    const followers = new Set(
      polls()
        .slice(beforeTakeover)
        .map((r) => r.key)
        .filter((key) => key !== KEYS.a),
    );
    expect(followers.size).toBe(1);
    const adopter = followers.has(KEYS.b) ? b : c;
    const other = adopter === b ? c : b;
    expect(adopter.output.join("")).toMatch(new RegExp(`"job":"${job.id}"[^\\n]*resuming job`));
    expect(other.output.join("")).not.toContain("resuming job");

    // Both serve the stored image, whichever followed the job.
    for (const replica of [b, c]) {
      const answer = await result(replica.url, job.id);
      const image = await fetch(answer.result?.sample ?? "");
      expect(image.status).toBe(200);
      const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      expect([meta.width, meta.height]).toEqual([600, 400]);
    }
    for (const replica of [a, b, c]) {
      expect(replica.output.join("")).not.toMatch(/sk-replica-/);
    }
  }, 400_000);
});
