import { randomUUID } from "node:crypto";
import type { JobStatus, ProviderId } from "../../contract";
import type { FillJob, Provider } from "../providers/provider";
import type { ResultStore } from "./result-store";

export interface JobRecord {
  id: string;
  provider: ProviderId;
  status: JobStatus | string;
  progress: number | null;
  details: Record<string, unknown> | null;
  prompt: string;
  seed: number | null;
  startTime: number;
  endTime: number | null;
  resultName: string | null;
}

/** Transient poll failures in a row before a job is given up as `Error`. */
const MAX_POLL_FAILURES = 8;
const MAX_POLL_DELAY_MS = 5_000;
/** A job still pending after this long is failed rather than polled forever. */
const JOB_TIMEOUT_MS = 30 * 60_000;

/**
 * The proxy's job table. It submits once, then follows each job in the background until a
 * terminal status, storing the image the moment it is ready, so a client's `get_result` is a
 * cheap table read and a result is never lost because the client stopped polling.
 */
export class JobService {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(
    private readonly providers: ReadonlyMap<ProviderId, Provider>,
    private readonly results: ResultStore,
  ) {}

  async submit(providerId: ProviderId, job: FillJob): Promise<JobRecord> {
    const provider = this.providers.get(providerId);
    if (!provider) throw new Error(`provider ${providerId} is not configured`);
    const ref = await provider.submit(job);
    const record: JobRecord = {
      id: randomUUID(),
      provider: providerId,
      status: "Pending",
      progress: 0,
      details: null,
      prompt: job.request.prompt,
      seed: job.request.seed ?? null,
      startTime: Date.now(),
      endTime: null,
      resultName: null,
    };
    this.jobs.set(record.id, record);
    void this.follow(record, provider, ref);
    return record;
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  private async follow(record: JobRecord, provider: Provider, ref: string): Promise<void> {
    let delay = provider.pollIntervalMs;
    let failures = 0;
    while (Date.now() - record.startTime < JOB_TIMEOUT_MS) {
      await sleep(delay);
      try {
        const outcome = await provider.poll(ref);
        failures = 0;
        delay = provider.pollIntervalMs;
        if (outcome.state === "pending") {
          record.progress = outcome.progress;
          continue;
        }
        if (outcome.state === "ready") {
          record.resultName = await this.results.save(record.id, outcome.extension, outcome.image);
          record.seed = outcome.seed ?? record.seed;
          this.finish(record, "Ready", null);
        } else {
          this.finish(record, outcome.status, { message: outcome.message });
        }
        return;
      } catch (error) {
        failures += 1;
        if (failures >= MAX_POLL_FAILURES) {
          this.finish(record, "Error", { message: errorMessage(error) });
          return;
        }
        delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
      }
    }
    this.finish(record, "Error", { message: "the job timed out" });
  }

  private finish(record: JobRecord, status: string, details: JobRecord["details"]): void {
    record.status = status;
    record.details = details;
    record.progress = status === "Ready" ? 1 : record.progress;
    record.endTime = Date.now();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
