import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import sharp from "sharp";
import { readBody, serveOnHosts } from "./loopback-hosts";

/**
 * A stand-in for Black Forest Labs that follows its documented contract over real HTTP:
 * submit on the API host (`flux-pro-1.0-fill` and `-expand`), `polling_url` on another host (a
 * regional cluster), `Pending` with a progress fraction, then `Ready` with a signed sample link
 * on a third (delivery) host that expires. Three loopback addresses play the three hosts.
 * Faults are injected through the options, which tests may change while it runs, or per
 * prompt through `forPrompt` (the end-to-end tests, where the browser writes the prompt).
 */
export interface FakeBflOptions {
  apiKey: string;
  /** Polls answered Pending before Ready. */
  pendingPolls?: number;
  /** How long a delivery link stays valid (BFL: 10 minutes). */
  sampleTtlMs?: number;
  /** Forces the submit answer's HTTP status (402, 422, 429, 500…). */
  submitStatus?: number;
  /** Sent with a forced 429. */
  retryAfter?: string;
  /** Ends the job with this status instead of Ready (e.g. "Content Moderated", "Error"). */
  finalStatus?: string;
  /** The first N polls of each task answer 500 (with the key echoed, to prove redaction). */
  pollFailures?: number;
  /** The first N polls of each task have their connection dropped mid-answer. */
  pollDrops?: number;
  /** Every poll answer is delayed this long. */
  pollDelayMs?: number;
  /** Options for one task, chosen by its prompt when it is submitted, over the ones above. */
  forPrompt?: (prompt: string) => PromptOptions;
}

export type PromptOptions = Omit<FakeBflOptions, "apiKey" | "forPrompt">;

interface FakeTask {
  polls: number;
  width: number;
  height: number;
  prompt: string;
  own: PromptOptions;
}

export interface FakeBfl {
  apiBase: string;
  hosts: string[];
  options: FakeBflOptions;
  /** Every request's method, host, path and x-key, for assertions. */
  requests: { method: string; host: string; path: string; key: string | undefined }[];
  /**
   * Submitted bodies without their images, for assertions on forwarded parameters; a refused
   * one carries the status it was refused with as `refused`.
   */
  submits: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startFakeBfl(options: FakeBflOptions): Promise<FakeBfl> {
  const tasks = new Map<string, FakeTask>();
  const requests: FakeBfl["requests"] = [];
  const submits: FakeBfl["submits"] = [];
  const origins: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse, role: number) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const key = req.headers["x-key"] as string | undefined;
    requests.push({
      method: req.method ?? "",
      host: req.headers.host ?? "",
      path: url.pathname,
      key,
    });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const submit = /^\/v1\/flux-pro-1\.0-(fill|expand)$/.exec(url.pathname);
    if (role === 0 && req.method === "POST" && submit) {
      if (key !== options.apiKey) return json(403, { detail: "Not authenticated" });
      const body = JSON.parse(await readBody(req)) as Record<string, unknown> & { image?: string };
      const { image, mask, ...rest } = body;
      const seen: Record<string, unknown> = { path: url.pathname, hasMask: Boolean(mask), ...rest };
      submits.push(seen);
      const own = options.forPrompt?.(String(body.prompt ?? "")) ?? {};
      const submitStatus = own.submitStatus ?? options.submitStatus;
      if (submitStatus) seen.refused = submitStatus;
      if (submitStatus === 422) {
        return json(422, {
          detail: [{ loc: ["body", "prompt"], msg: "refused by fake", type: "value_error" }],
        });
      }
      if (submitStatus) {
        const retryAfter = own.retryAfter ?? options.retryAfter;
        const headers: Record<string, string> = retryAfter ? { "retry-after": retryAfter } : {};
        return json(submitStatus, { detail: "refused by fake" }, headers);
      }
      if (!image) {
        seen.refused = 422;
        return json(422, {
          detail: [{ loc: ["body", "image"], msg: "Field required", type: "missing" }],
        });
      }
      const meta = await sharp(Buffer.from(image, "base64")).metadata();
      const grow = (a: unknown, b: unknown) => Number(a ?? 0) + Number(b ?? 0);
      const id = randomUUID();
      tasks.set(id, {
        polls: 0,
        width: (meta.width ?? 1) + (submit[1] === "expand" ? grow(body.left, body.right) : 0),
        height: (meta.height ?? 1) + (submit[1] === "expand" ? grow(body.top, body.bottom) : 0),
        prompt: String(body.prompt ?? ""),
        own,
      });
      return json(200, { id, polling_url: `${origins[1]}/v1/get_result?id=${id}` });
    }
    if (role === 1 && url.pathname === "/v1/get_result") {
      if (key !== options.apiKey) return json(403, { detail: "Not authenticated" });
      const id = url.searchParams.get("id") ?? "";
      const task = tasks.get(id);
      const base = { id, result: null, details: null, preview: null };
      if (!task) return json(200, { ...base, status: "Task not found", progress: null });
      task.polls += 1;
      const now = { ...options, ...task.own };
      if (now.pollDelayMs) await new Promise((r) => setTimeout(r, now.pollDelayMs));
      if (task.polls <= (now.pollDrops ?? 0)) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"id":"');
        res.socket?.destroy();
        return;
      }
      const failures = now.pollFailures ?? 0;
      if (task.polls <= failures) {
        return json(500, { detail: `internal error for key ${key}` });
      }
      const pending = (now.pendingPolls ?? 2) + failures + (now.pollDrops ?? 0);
      if (task.polls <= pending) {
        return json(200, { ...base, status: "Pending", progress: task.polls / (pending + 1) });
      }
      if (now.finalStatus) {
        return json(200, {
          ...base,
          status: now.finalStatus,
          progress: null,
          details: { reason: "fake" },
        });
      }
      const expires = Date.now() + (now.sampleTtlMs ?? 10 * 60_000);
      return json(200, {
        ...base,
        status: "Ready",
        progress: null,
        result: {
          sample: `${origins[2]}/samples/${id}/sample.png?se=${expires}`,
          prompt: task.prompt,
          seed: 42,
          start_time: Date.now() / 1000 - 1,
          end_time: Date.now() / 1000,
          duration: 1,
        },
      });
    }
    const sample = /^\/samples\/([^/]+)\/sample\.png$/.exec(url.pathname);
    if (role === 2 && sample) {
      const task = tasks.get(sample[1] ?? "");
      if (!task || Number(url.searchParams.get("se")) <= Date.now()) {
        res.writeHead(403, { "content-type": "application/xml" });
        return res.end("<Error><Code>AuthenticationFailed</Code></Error>");
      }
      const png = await sharp({
        create: { width: task.width, height: task.height, channels: 3, background: "#3366cc" },
      })
        .png()
        .toBuffer();
      res.writeHead(200, { "content-type": "image/png" });
      return res.end(png);
    }
    json(404, { detail: "Not Found" });
  };

  const close = await serveOnHosts(["127.0.0.1", "127.0.0.2", "127.0.0.3"], handle, origins);

  return {
    apiBase: origins[0]!,
    hosts: ["127.0.0.2", "127.0.0.3"],
    options,
    requests,
    submits,
    close,
  };
}
