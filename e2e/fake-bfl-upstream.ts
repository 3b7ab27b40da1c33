import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { readBody } from "../src/server/testing/loopback-hosts";

/**
 * A stand-in for Black Forest Labs over real HTTP on 127.0.0.1, following its documented contract
 * (`x-key`, submit → `{id, polling_url}`, `Pending` with progress, terminal status words, a
 * signed sample link). A tag in the prompt picks the outcome, so one fake drives every case:
 * `[402]`, `[429]` (refused once, then accepted), `[request-moderated]`, `[content-moderated]`,
 * `[error]`, `[not-found]`, `[slow]` (Pending for 4 s); anything else is Ready after one poll.
 */
export interface FakeUpstream {
  origin: string;
  apiKey: string;
  submits: string[];
  close(): Promise<void>;
}

interface Task {
  prompt: string;
  width: number;
  height: number;
  createdAt: number;
  polls: number;
}

export async function startFakeUpstream(apiKey = "fake-key"): Promise<FakeUpstream> {
  const tasks = new Map<string, Task>();
  const submits: string[] = [];
  const refusedOnce = new Set<string>();
  let origin = "";

  const server: Server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", origin);
    void (async () => {
      if (req.method === "POST" && url.pathname === "/v1/flux-pro-1.0-fill") {
        if (req.headers["x-key"] !== apiKey) return json(403, { detail: "Not authenticated" });
        const body = JSON.parse(await readBody(req)) as { image: string; prompt?: string };
        const prompt = body.prompt ?? "";
        submits.push(prompt);
        if (prompt.includes("[402]")) return json(402, { detail: "Insufficient credits" });
        if (prompt.includes("[429]") && !refusedOnce.has(prompt)) {
          refusedOnce.add(prompt);
          return json(429, { detail: "Too many active tasks" });
        }
        const meta = await sharp(Buffer.from(body.image, "base64")).metadata();
        const id = randomUUID();
        tasks.set(id, {
          prompt,
          width: meta.width ?? 1,
          height: meta.height ?? 1,
          createdAt: Date.now(),
          polls: 0,
        });
        return json(200, { id, polling_url: `${origin}/v1/get_result?id=${id}` });
      }
      if (req.method === "GET" && url.pathname === "/v1/get_result") {
        if (req.headers["x-key"] !== apiKey) return json(403, { detail: "Not authenticated" });
        const id = url.searchParams.get("id") ?? "";
        const task = tasks.get(id);
        const base = { id, result: null, progress: null, details: null, preview: null };
        if (!task || task.prompt.includes("[not-found]")) {
          return json(200, { ...base, status: "Task not found" });
        }
        task.polls += 1;
        const slow = task.prompt.includes("[slow]");
        if (task.polls === 1 || (slow && Date.now() - task.createdAt < 4000)) {
          return json(200, { ...base, status: "Pending", progress: 0.5 });
        }
        for (const [tag, status] of [
          ["[request-moderated]", "Request Moderated"],
          ["[content-moderated]", "Content Moderated"],
          ["[error]", "Error"],
        ] as const) {
          if (task.prompt.includes(tag)) {
            return json(200, { ...base, status, details: { "Moderation Reasons": ["fake"] } });
          }
        }
        const expires = Date.now() + 10 * 60_000;
        return json(200, {
          ...base,
          status: "Ready",
          result: {
            sample: `${origin}/delivery/${id}/sample.png?se=${expires}`,
            prompt: task.prompt,
            seed: 7,
            start_time: task.createdAt / 1000,
            end_time: Date.now() / 1000,
            duration: (Date.now() - task.createdAt) / 1000,
          },
        });
      }
      const sample = /^\/delivery\/([^/]+)\/sample\.png$/.exec(url.pathname);
      const task = sample ? tasks.get(sample[1] ?? "") : undefined;
      if (task) {
        const png = await sharp({
          create: { width: task.width, height: task.height, channels: 3, background: "#3366cc" },
        })
          .png()
          .toBuffer();
        res.writeHead(200, { "content-type": "image/png" });
        return res.end(png);
      }
      json(404, { detail: "Not Found" });
    })().catch((error: unknown) => json(500, { detail: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    apiKey,
    submits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SecondProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A second Fillpaint proxy (the built one `npm test` serves) whose BFL upstream is the fake, on a
 * free port, so the app under test talks to "BFL" exactly as it would in production.
 */
export function startProxyWithUpstream(
  upstream: FakeUpstream,
  port = 0,
  dataDir = "test-results/e2e-data-bfl",
): Promise<SecondProxy> {
  return startBuiltProxy(port, {
    DATA_DIR: dataDir,
    BFL_API_KEY: upstream.apiKey,
    BFL_API_BASE: upstream.origin,
    BFL_ALLOWED_HOSTS: "127.0.0.1",
  });
}

/** The built proxy with the SPA, in its own process, configured by `env`. */
export async function startBuiltProxy(
  port: number,
  env: Record<string, string>,
): Promise<SecondProxy> {
  const child: ChildProcess = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      FILL_WORKERS: "1",
      RATE_LIMIT_PER_MIN: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`proxy exited (${code}): ${out}`)));
  });
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
