import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ResultResponse, SubmitResponse } from "../contract";
import { bflPollUntilDone, bflSubmit } from "./testing/bfl-client";
import { type FakeBfl, startFakeBfl } from "./testing/fake-bfl";
import { decodeRgb, fixtureBase64, rectMaskBase64 } from "./testing/images";
import { freePort, type ProxyProcess, spawnProxy } from "./testing/proxy-process";

const SECRET = "sk-restart-secret-91c2";

async function poll(url: string): Promise<ResultResponse> {
  return (await (await fetch(url)).json()) as ResultResponse;
}

describe("a proxy killed mid-job", () => {
  let fake: FakeBfl | undefined;
  const running: ProxyProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((p) => p.kill()));
    await fake?.close();
  });

  it("still delivers the upstream result after a restart, and keeps finished results", async () => {
    // BFL keeps the job Pending until the first proxy is dead.
    fake = await startFakeBfl({ apiKey: SECRET, pendingPolls: 1_000_000 });
    const env = {
      PORT: String(await freePort()),
      DATA_DIR: mkdtempSync(join(tmpdir(), "fillpaint-restart-")),
      BFL_API_KEY: SECRET,
      BFL_API_BASE: fake.apiBase,
      BFL_ALLOWED_HOSTS: fake.hosts.join(","),
    };
    const coffee = fixtureBase64("skimage_coffee.png");
    const small = await rectMaskBase64(600, 400, { x: 20, y: 20, w: 20, h: 20 });
    const large = await rectMaskBase64(600, 400, { x: 100, y: 60, w: 400, h: 280 });

    const first = await spawnProxy(env);
    running.push(first);
    // A local fill that finishes before the crash: its file must survive.
    const local = (
      await bflSubmit(
        first.url,
        { image: coffee, mask: small, output_format: "png" },
        {
          "x-fillpaint-provider": "local",
        },
      )
    ).body as SubmitResponse;
    const localDone = (await bflPollUntilDone(local)).at(-1)!;
    expect(localDone.status).toBe("Ready");
    const localBytes = Buffer.from(await (await fetch(localDone.result!.sample)).arrayBuffer());

    const upstream = (await bflSubmit(first.url, { image: coffee, mask: small, prompt: "sky" }))
      .body as SubmitResponse;
    // Wait until the proxy has polled BFL at least twice, so the job is truly in flight.
    const deadline = Date.now() + 20_000;
    while (fake.requests.filter((r) => r.path === "/v1/get_result").length < 2) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await poll(upstream.polling_url)).status).toBe("Pending");
    // Local fills running or queued at the crash (one worker) cannot be resumed: they must end
    // with a clear message, never stay Pending.
    const doomed: SubmitResponse[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await bflSubmit(
        first.url,
        { image: coffee, mask: large },
        { "x-fillpaint-provider": "local" },
      );
      doomed.push(answer.body as SubmitResponse);
    }

    await first.kill("SIGKILL");
    fake.options.pendingPolls = 0; // BFL finishes while the proxy is down

    const second = await spawnProxy(env);
    running.push(second);
    expect(second.url).toBe(first.url);
    const final = (await bflPollUntilDone(upstream)).at(-1)!;
    expect(final.status).toBe("Ready");
    expect(final.result?.seed).toBe(42);
    const image = await decodeRgb(
      Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer()),
    );
    expect([image.width, image.height]).toEqual([600, 400]);

    const doomedFinal = await Promise.all(doomed.map((job) => poll(job.polling_url)));
    expect(doomedFinal.every((job) => job.status === "Ready" || job.status === "Error")).toBe(true);
    const lost = doomedFinal.filter((job) => job.status === "Error");
    expect(lost.length).toBeGreaterThanOrEqual(1); // at least the last one was still queued
    for (const job of lost) expect(String(job.details?.message)).toMatch(/restarted/);

    const again = await fetch(localDone.result!.sample);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(localBytes)).toBe(true);
    expect([...first.output, ...second.output].join("")).not.toContain(SECRET);
  }, 120_000);
});
