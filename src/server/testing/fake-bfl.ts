import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

/**
 * A stand-in for Black Forest Labs that follows its documented contract over real HTTP:
 * submit on the API host, `polling_url` on another host (a regional cluster), `Pending` with a
 * progress fraction, then `Ready` with a signed sample link on a third (delivery) host that
 * expires. Three loopback addresses play the three hosts.
 */
export interface FakeBflOptions {
  apiKey: string;
  /** Polls answered Pending before Ready. */
  pendingPolls?: number;
  /** How long a delivery link stays valid (BFL: 10 minutes). */
  sampleTtlMs?: number;
  /** Forces the submit answer's HTTP status (402, 429, …). */
  submitStatus?: number;
  /** Ends the job with this status instead of Ready (e.g. "Content Moderated"). */
  finalStatus?: string;
}

interface FakeTask {
  polls: number;
  width: number;
  height: number;
  prompt: string;
}

export interface FakeBfl {
  apiBase: string;
  hosts: string[];
  /** Every request's method, host, path and x-key, for assertions. */
  requests: { method: string; host: string; path: string; key: string | undefined }[];
  close(): Promise<void>;
}

export async function startFakeBfl(options: FakeBflOptions): Promise<FakeBfl> {
  const tasks = new Map<string, FakeTask>();
  const requests: FakeBfl["requests"] = [];
  const ttl = options.sampleTtlMs ?? 10 * 60_000;
  const servers: Server[] = [];
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
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (role === 0 && req.method === "POST" && url.pathname === "/v1/flux-pro-1.0-fill") {
      if (key !== options.apiKey) return json(403, { detail: "Not authenticated" });
      if (options.submitStatus) return json(options.submitStatus, { detail: "refused by fake" });
      const body = JSON.parse(await readBody(req)) as { image?: string; prompt?: string };
      if (!body.image) {
        return json(422, {
          detail: [{ loc: ["body", "image"], msg: "Field required", type: "missing" }],
        });
      }
      const meta = await sharp(Buffer.from(body.image, "base64")).metadata();
      const id = randomUUID();
      tasks.set(id, {
        polls: 0,
        width: meta.width ?? 1,
        height: meta.height ?? 1,
        prompt: body.prompt ?? "",
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
      const pending = options.pendingPolls ?? 2;
      if (task.polls <= pending) {
        return json(200, { ...base, status: "Pending", progress: task.polls / (pending + 1) });
      }
      if (options.finalStatus) {
        return json(200, {
          ...base,
          status: options.finalStatus,
          progress: null,
          details: { reason: "fake" },
        });
      }
      const expires = Date.now() + ttl;
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
      if (!task || Number(url.searchParams.get("se")) < Date.now()) {
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

  for (const [role, host] of ["127.0.0.1", "127.0.0.2", "127.0.0.3"].entries()) {
    const server = createServer((req, res) => {
      handle(req, res, role).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    origins.push(`http://${host}:${(server.address() as AddressInfo).port}`);
  }

  return {
    apiBase: origins[0]!,
    hosts: ["127.0.0.2", "127.0.0.3"],
    requests,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
