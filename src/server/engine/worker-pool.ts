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

/** What `run` returns: the result's promise, plus a way to give up on it. */
export type TaskHandle<TOut> = Promise<TOut> & {
  /**
   * Rejects the task with CancelledTaskError. A queued task never starts; a running one is
   * asked to stop through the worker's cancel flag (see `cancelFlag`), and a worker that does
   * not stop within CANCEL_GRACE_MS is replaced, so a cancel always frees the worker.
   */
  cancel(): void;
};

export class CancelledTaskError extends Error {
  constructor() {
    super("the task was cancelled");
    this.name = "CancelledTaskError";
  }
}

/** What every pool worker gets as workerData: a flag the pool sets to 1 to cancel the task. */
export interface PoolWorkerData {
  cancelFlag: Int32Array;
}

/** For worker scripts: true once the pool has asked the current task to stop. */
export function cancelRequested(data: PoolWorkerData): boolean {
  return Atomics.load(data.cancelFlag, 0) === 1;
}

const CANCEL_GRACE_MS = 2000;

interface Task<TIn, TOut> {
  input: TIn;
  transfer: ArrayBuffer[];
  onProgress: (fraction: number) => void;
  resolve: (value: TOut) => void;
  reject: (error: Error) => void;
  cancelled: boolean;
}

interface PoolWorker {
  thread: Worker;
  cancelFlag: Int32Array;
  graceTimer?: NodeJS.Timeout;
}

/**
 * A fixed set of worker threads with a FIFO queue, so CPU-bound fills never run on the request
 * thread and never oversubscribe the cores. A worker that crashes is replaced and its task fails.
 */
export class WorkerPool<TIn, TOut> {
  private readonly idle: PoolWorker[] = [];
  private readonly busy = new Map<PoolWorker, Task<TIn, TOut>>();
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

  /** Workers busy with a task (a cancelled one counts until its worker stops or is replaced). */
  get running(): number {
    return this.busy.size;
  }

  run(
    input: TIn,
    transfer: ArrayBuffer[],
    onProgress: (fraction: number) => void,
  ): TaskHandle<TOut> {
    let task: Task<TIn, TOut> | undefined;
    const promise = new Promise<TOut>((resolve, reject) => {
      task = { input, transfer, onProgress, resolve, reject, cancelled: false };
    });
    const handle = Object.assign(promise, { cancel: () => this.cancel(task!) });
    if (this.closed) {
      task!.reject(new Error("worker pool is closed"));
      return handle;
    }
    this.queue.push(task!);
    this.dispatch();
    return handle;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("worker pool is closed"));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    for (const task of this.busy.values()) task.reject(new Error("worker pool is closed"));
    this.busy.clear();
    for (const worker of workers) clearTimeout(worker.graceTimer);
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
  }

  private spawn(): PoolWorker {
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const workerData: PoolWorkerData = { cancelFlag };
    const thread = new Worker(workerEntry(this.script), { workerData });
    const worker: PoolWorker = { thread, cancelFlag };
    thread.on("message", (reply: WorkerReply<TOut>) => this.onReply(worker, reply));
    thread.on("error", (error) => this.onCrash(worker, error));
    thread.on("exit", (code) => {
      if (!this.closed && code !== 0) this.onCrash(worker, new Error(`worker exited (${code})`));
    });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      Atomics.store(worker.cancelFlag, 0, 0);
      worker.thread.postMessage(task.input, task.transfer);
    }
  }

  private cancel(task: Task<TIn, TOut>): void {
    if (task.cancelled) return;
    task.cancelled = true;
    task.reject(new CancelledTaskError());
    const queuedAt = this.queue.indexOf(task);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      return;
    }
    for (const [worker, running] of this.busy) {
      if (running !== task) continue;
      Atomics.store(worker.cancelFlag, 0, 1);
      // A worker stuck in code that never looks at the flag is replaced rather than waited for.
      worker.graceTimer = setTimeout(() => {
        if (this.busy.get(worker) !== task) return;
        void worker.thread.terminate();
        this.onCrash(worker, new CancelledTaskError());
      }, CANCEL_GRACE_MS);
      worker.graceTimer.unref();
    }
  }

  private onReply(worker: PoolWorker, reply: WorkerReply<TOut>): void {
    const task = this.busy.get(worker);
    if (!task) return;
    if (reply.type === "progress") {
      if (!task.cancelled) task.onProgress(reply.fraction);
      return;
    }
    clearTimeout(worker.graceTimer);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (reply.type === "done") task.resolve(reply.result);
    else task.reject(new Error(reply.message));
    this.dispatch();
  }

  private onCrash(worker: PoolWorker, error: Error): void {
    clearTimeout(worker.graceTimer);
    const task = this.busy.get(worker);
    const wasKnown = task !== undefined || this.idle.includes(worker);
    this.busy.delete(worker);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    task?.reject(error);
    if (this.closed || !wasKnown) return;
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
