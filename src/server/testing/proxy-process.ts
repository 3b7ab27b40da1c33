import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL("../worker-main.ts", import.meta.url));
/** What `npm run build` makes of it: the server that also serves the built SPA. */
const BUILT_MAIN = fileURLToPath(new URL("../../../dist/server/main.js", import.meta.url));

/** A free loopback port, so a restarted proxy can come back on the same address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ProxyProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed (pino JSON lines). */
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs the real `main.ts` in its own process, so it can be killed; `built` runs the build
 * instead, as `npm start` does, with the SPA. `env.PORT` is required: readiness is seen from
 * `/api/config` answering, at any log level.
 */
export async function spawnProxy(
  env: Record<string, string> & { PORT: string },
  { built = false, startTimeoutMs = 30_000 } = {},
): Promise<ProxyProcess> {
  const args = built ? [BUILT_MAIN] : ["--import", "tsx", MAIN];
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", FILL_WORKERS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`proxy exited with ${child.exitCode}:\n${output.join("")}`);
    }
    try {
      if ((await fetch(`${url}/api/config`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`proxy did not start:\n${output.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output,
    kill: killer(child),
  };
}

/**
 * Runs `worker-main.ts` (`npm run worker`) in its own process, so it can be killed mid-fill.
 * Ready once it logs that it takes fills.
 */
export async function spawnFillWorker(env: Record<string, string>): Promise<ProxyProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_MAIN], {
    // Readiness (and which fills it ran) is read from its info lines, whatever the caller asks.
    env: { PATH: process.env.PATH ?? "", FILL_WORKERS: "1", ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes("fill worker ready")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`fill worker exited with ${code}:\n${output.join("")}`)),
    );
  });
  await ready;
  return {
    url: "",
    child,
    output,
    kill: killer(child),
  };
}

/** Sends `signal` (SIGKILL by default) and resolves once the process has exited. */
function killer(child: ChildProcess) {
  return (signal: NodeJS.Signals = "SIGKILL") =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
}
