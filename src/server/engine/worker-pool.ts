import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** Messages a pool worker posts back; the worker script must speak exactly these. */
export type WorkerReply<TOut> =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: TOut }
  | { type: "error"; message: string };

interface Task<TIn, TOut> {
  input: TIn;
  transfer: ArrayBuffer[];
  onProgress: (fraction: number) => void;
  resolve: (value: TOut) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads with a FIFO queue, so CPU-bound fills never run on the request
 * thread and never oversubscribe the cores. A worker that crashes is replaced and its task fails.
 */
export class WorkerPool<TIn, TOut> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task<TIn, TOut>>();
  private readonly queue: Task<TIn, TOut>[] = [];
  private closed = false;

  constructor(
    private readonly script: URL,
    readonly size = Math.max(1, cpus().length),
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  /** Tasks waiting for a free worker (not counting the ones running). */
  get queued(): number {
    return this.queue.length;
  }

  run(input: TIn, transfer: ArrayBuffer[], onProgress: (fraction: number) => void): Promise<TOut> {
    if (this.closed) return Promise.reject(new Error("worker pool is closed"));
    return new Promise<TOut>((resolve, reject) => {
      this.queue.push({ input, transfer, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("worker pool is closed"));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    for (const task of this.busy.values()) task.reject(new Error("worker pool is closed"));
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(workerEntry(this.script));
    worker.on("message", (reply: WorkerReply<TOut>) => this.onReply(worker, reply));
    worker.on("error", (error) => this.onCrash(worker, error));
    worker.on("exit", (code) => {
      if (!this.closed && code !== 0) this.onCrash(worker, new Error(`worker exited (${code})`));
    });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.input, task.transfer);
    }
  }

  private onReply(worker: Worker, reply: WorkerReply<TOut>): void {
    const task = this.busy.get(worker);
    if (!task) return;
    if (reply.type === "progress") {
      task.onProgress(reply.fraction);
      return;
    }
    this.busy.delete(worker);
    this.idle.push(worker);
    if (reply.type === "done") task.resolve(reply.result);
    else task.reject(new Error(reply.message));
    this.dispatch();
  }

  private onCrash(worker: Worker, error: Error): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    task?.reject(error);
    if (this.closed) return;
    this.idle.push(this.spawn());
    this.dispatch();
  }
}

/**
 * Under tsx (dev, tests) the worker is TypeScript source. Node 20 ignores `--import` in a
 * worker's execArgv, so a tiny bootstrap registers tsx inside the worker before loading it.
 */
function workerEntry(script: URL): URL {
  if (!script.pathname.endsWith(".ts")) return script;
  const tsx = tsxEsmApi();
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(script.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** tsx's ESM register API as a file URL (the CJS build cannot be imported from a data: URL). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = manifest.exports["./esm/api"]?.import?.default;
  if (!entry) throw new Error("tsx does not export ./esm/api; cannot start a TypeScript worker");
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}
