import { existsSync, readdirSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  CANCELLED_STATUS,
  type CancelRefusal,
  cancelJobPath,
  cancelRefusalSchema,
  FILL_ROUTE,
  PROVIDER_HEADER,
  type ResultResponse,
  type SubmitResponse,
} from "../contract";
import type { ProxyConfig } from "./config";
import { type RunningProxy, startProxy } from "./proxy";
import { bflPollUntilDone, bflSubmit } from "./testing/bfl-client";
import { startFakeApiframe } from "./testing/fake-apiframe";
import { type FakeBfl, startFakeBfl } from "./testing/fake-bfl";
import { FIXTURES, fixtureBase64, rectMaskBase64 } from "./testing/images";
import { testConfig } from "./testing/proxy-config";
import { freePort } from "./testing/proxy-process";

const coffee = fixtureBase64("skimage_coffee.png"); // 600×400
const KEY = "sk-cancel-test";
const viaApiframe = { [PROVIDER_HEADER]: "apiframe" };

async function withProxy(
  overrides: Partial<ProxyConfig>,
  check: (proxy: RunningProxy, config: ProxyConfig) => Promise<void>,
) {
  const config = testConfig(overrides);
  const proxy = await startProxy(config);
  try {
    await check(proxy, config);
  } finally {
    await proxy.close();
  }
}

async function withFakeBfl(check: (fake: FakeBfl, bfl: ProxyConfig["bfl"]) => Promise<void>) {
  const fake = await startFakeBfl({ apiKey: KEY, pendingPolls: 1_000_000 });
  try {
    await check(fake, { apiKey: KEY, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts });
  } finally {
    await fake.close();
  }
}

async function cancel(baseUrl: string, id: string) {
  const response = await fetch(`${baseUrl}${cancelJobPath(id)}`, { method: "DELETE" });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function result(baseUrl: string, id: string): Promise<ResultResponse> {
  return (await (await fetch(`${baseUrl}/v1/get_result?id=${id}`)).json()) as ResultResponse;
}

async function submitted(answer: Promise<{ status: number; body: unknown }>) {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(200);
  return body as SubmitResponse;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A 4800×3600 photo with most of it masked: an exemplar fill that keeps the one worker busy for
 * seconds, far longer than the pool's 2 s cancel grace, so a worker only frees early if cancelled.
 */
async function bigFill() {
  const [width, height] = [4800, 3600];
  const image = await sharp(new URL("skimage_coffee.png", FIXTURES).pathname)
    .resize(width, height)
    .jpeg({ quality: 90 })
    .toBuffer();
  const mask = await rectMaskBase64(width, height, { x: 600, y: 450, w: 3600, h: 2700 });
  return { image: image.toString("base64"), mask };
}

describe("DELETE /v1/jobs/:id with the local engine", () => {
  it("cancels a queued and a running fill, frees the worker, and the next fill runs", async () => {
    await withProxy({ fillWorkers: 1, localQueueMax: 1 }, async (proxy, config) => {
      const pool = proxy.fillPool;
      const big = await submitted(bflSubmit(proxy.url, { ...(await bigFill()), seed: 1 }));
      await waitFor(
        "the big fill to run in the worker",
        async () => pool.running === 1 && ((await result(proxy.url, big.id)).progress ?? 0) > 0,
        // Decoding and placing 17 MP before the first progress report is slow on a busy CI box.
        90_000,
      );
      const smallMask = await rectMaskBase64(600, 400, { x: 250, y: 150, w: 120, h: 80 });
      const queued = await submitted(bflSubmit(proxy.url, { image: coffee, mask: smallMask }));
      // Through Postgres the fill waits in the shared queue, not in this pool's.
      const queuedElsewhere = config.database !== null;
      await waitFor(
        "the second fill to wait for the worker",
        () => queuedElsewhere || pool.queued === 1,
        10_000,
      );

      // A queued fill is dropped from the pool's queue before the answer is sent.
      const dropped = await cancel(proxy.url, queued.id);
      expect(dropped.status).toBe(200);
      expect(dropped.body).toMatchObject({ id: queued.id, status: CANCELLED_STATUS, result: null });
      expect(pool.queued).toBe(0);

      const stopped = await cancel(proxy.url, big.id);
      expect(stopped.status).toBe(200);
      expect(await result(proxy.url, big.id)).toMatchObject({
        id: big.id,
        status: CANCELLED_STATUS,
        result: null,
        details: { message: expect.stringMatching(/cancelled/i) },
      });
      // The pool promises a cancelled task's worker back within its 2 s grace; the fill itself
      // would have held it for seconds more.
      await waitFor("the worker to be free", () => pool.running === 0, 2_500);

      // Both places in the local queue (1 worker + 1 waiting) were given back: two more fit.
      const next = await submitted(bflSubmit(proxy.url, { image: coffee, mask: smallMask }));
      const other = await submitted(bflSubmit(proxy.url, { image: coffee, mask: smallMask }));
      expect((await bflPollUntilDone(next)).at(-1)?.status).toBe("Ready");
      expect((await bflPollUntilDone(other)).at(-1)?.status).toBe("Ready");
      expect((await result(proxy.url, big.id)).status).toBe(CANCELLED_STATUS);
      expect((await result(proxy.url, queued.id)).status).toBe(CANCELLED_STATUS);
    });
  });

  it("answers 404 for an unknown id and 409 for a finished job, whose result stays", async () => {
    await withProxy({}, async (proxy) => {
      const unknown = await cancel(proxy.url, "no-such-job");
      expect(unknown.status).toBe(404);
      expect(cancelRefusalSchema.parse(unknown.body).detail).toMatch(/Task not found.*no-such-job/);

      const mask = await rectMaskBase64(600, 400, { x: 250, y: 150, w: 120, h: 80 });
      const job = await submitted(
        bflSubmit(proxy.url, { image: coffee, mask, output_format: "png" }),
      );
      const ready = (await bflPollUntilDone(job)).at(-1)!;
      expect(ready.status).toBe("Ready");

      const late = await cancel(proxy.url, job.id);
      expect(late.status).toBe(409);
      const refusal = cancelRefusalSchema.parse(late.body);
      expect(refusal.status).toBe("Ready");
      expect(refusal.detail).toMatch(/already finished/);
      expect(await result(proxy.url, job.id)).toEqual(ready);
      const image = await fetch(ready.result!.sample);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/png");
      const { width, height } = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      expect([width, height]).toEqual([600, 400]);
    });
  });

  it("lets only the submitting client cancel a job", async () => {
    await withFakeBfl(async (_fake, bfl) => {
      await withProxy({ bfl }, async (proxy) => {
        const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
        const job = await submitted(bflSubmit(proxy.url, { image: coffee, mask }));
        // Another loopback address is another client, as two machines would be.
        const foreign = await deleteFrom("127.0.0.2", `${proxy.url}${cancelJobPath(job.id)}`);
        expect(foreign.status).toBe(403);
        expect(foreign.body.detail).toMatch(/another client/);
        expect((await result(proxy.url, job.id)).status).toBe("Pending");
        expect((await cancel(proxy.url, job.id)).status).toBe(200);
      });
    });
  });
});

describe("DELETE /v1/jobs/:id with BFL and apiframe, which have no cancel", () => {
  it("stops polling the upstream job and ends it as Cancelled", async () => {
    await withFakeBfl(async (fake, bfl) => {
      await withProxy({ bfl }, async (proxy) => {
        const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
        const job = await submitted(bflSubmit(proxy.url, { image: coffee, mask }));
        const polls = () => fake.requests.filter((r) => r.path === "/v1/get_result").length;
        await waitFor("the proxy to poll BFL", () => polls() >= 2, 10_000);

        const answer = await cancel(proxy.url, job.id);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ id: job.id, status: CANCELLED_STATUS, result: null });
        // A poll already on the wire may still arrive; after that, none (BFL polls every 0.5 s).
        await new Promise((resolve) => setTimeout(resolve, 300));
        const afterCancel = polls();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect(polls()).toBe(afterCancel);
        expect((await result(proxy.url, job.id)).status).toBe(CANCELLED_STATUS);
        const again = await cancel(proxy.url, job.id);
        expect(again.status).toBe(409);
        expect(cancelRefusalSchema.parse(again.body).detail).toMatch(/already cancelled/);
      });
    });
  });

  it("never stores a result that arrives after the cancel", async () => {
    await withFakeBfl(async (fake, bfl) => {
      fake.options.pendingPolls = 0;
      fake.options.pollDelayMs = 1_000; // the first poll is answered Ready, one second late
      await withProxy({ bfl }, async (proxy, { dataDir }) => {
        const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
        const job = await submitted(bflSubmit(proxy.url, { image: coffee, mask }));
        const polls = () => fake.requests.filter((r) => r.path === "/v1/get_result").length;
        await waitFor("a poll to be on its way", () => polls() === 1, 10_000);
        expect((await cancel(proxy.url, job.id)).status).toBe(200);
        // The Ready answer and its sample come in after the cancel.
        await waitFor(
          "the sample download",
          () => fake.requests.some((r) => r.path.startsWith("/samples/")),
          10_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await result(proxy.url, job.id)).toMatchObject({
          status: CANCELLED_STATUS,
          result: null,
        });
        const results = join(dataDir, "results");
        expect(existsSync(results) ? readdirSync(results) : []).toEqual([]);
      });
    });
  });

  it("does the same for apiframe, which has no cancel either", async () => {
    const fake = await startFakeApiframe({ apiKey: KEY, pendingPolls: 1_000_000 });
    try {
      const port = await freePort();
      const apiframe = {
        apiKey: KEY,
        baseUrl: fake.apiBase,
        extraAllowedHosts: [fake.cdnHost],
        publicBaseUrl: `http://127.0.0.1:${port}`,
      };
      await withProxy({ port, apiframe }, async (proxy) => {
        const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
        const job = await submitted(
          bflSubmit(proxy.url, { image: coffee, mask, prompt: "a vase" }, viaApiframe),
        );
        const polls = () => fake.requests.filter((r) => r.path.startsWith("/v2/jobs/")).length;
        await waitFor("the proxy to poll apiframe", () => polls() >= 1, 10_000);
        expect((await cancel(proxy.url, job.id)).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const afterCancel = polls();
        // apiframe is polled every second; three would have come in.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        expect(polls()).toBe(afterCancel);
        expect((await result(proxy.url, job.id)).status).toBe(CANCELLED_STATUS);
      });
    } finally {
      await fake.close();
    }
  });

  it("gives the client's in-flight slot back at once", async () => {
    await withFakeBfl(async (_fake, bfl) => {
      await withProxy({ bfl, maxJobsPerClient: 1 }, async (proxy) => {
        const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
        const first = await submitted(bflSubmit(proxy.url, { image: coffee, mask }));
        expect((await bflSubmit(proxy.url, { image: coffee, mask })).status).toBe(429);
        expect((await cancel(proxy.url, first.id)).status).toBe(200);
        const again = await bflSubmit(proxy.url, { image: coffee, mask });
        expect(again.status).toBe(200);
        expect((await result(proxy.url, (again.body as SubmitResponse).id)).status).toBe("Pending");
      });
    });
  });

  it("cancels a job whose client went away after the upload, before the answer", async () => {
    await withFakeBfl(async (fake, bfl) => {
      let release = () => {};
      fake.options.submitGate = new Promise<void>((resolve) => {
        release = resolve;
      });
      await withProxy({ bfl, maxJobsPerClient: 1 }, async (proxy) => {
        const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
        const body = JSON.stringify({ image: coffee, mask });
        const url = new URL(FILL_ROUTE, proxy.url);
        const post = request(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
        });
        post.on("error", () => undefined);
        post.end(body);
        // The proxy read the whole upload and waits for BFL's answer; then the client gives up.
        await waitFor("BFL to have the submit", () => fake.submits.length === 1, 10_000);
        const gone = new Promise((resolve) => post.on("close", resolve));
        post.destroy();
        await gone;
        release();
        // Its job never reaches anyone, so it must not hold the client's only slot.
        let next = { status: 0, body: {} as unknown };
        await waitFor(
          "the orphaned job to give its slot back",
          async () => {
            next = await bflSubmit(proxy.url, { image: coffee, mask });
            return next.status === 200;
          },
          10_000,
        );
        expect((await result(proxy.url, (next.body as SubmitResponse).id)).status).toBe("Pending");
      });
    });
  });
});

/** A DELETE sent from a chosen loopback address, which the proxy sees as another client. */
function deleteFrom(localAddress: string, url: string) {
  return new Promise<{ status: number; body: CancelRefusal }>((resolve, reject) => {
    const req = request(url, { method: "DELETE", localAddress }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: cancelRefusalSchema.parse(JSON.parse(text)) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}
