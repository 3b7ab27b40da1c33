/**
 * A token bucket per client: `perMinute` submits on average, with bursts up to `perMinute`.
 * In memory on purpose: a restart forgiving everyone is harmless, and a lookup costs nothing.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** 0 turns the limit off. */
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
  take(client: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /** Buckets that have refilled completely carry no information. */
  private forgetIdle(now: number): void {
    const fullAfterMs = 60_000;
    for (const [client, bucket] of this.buckets) {
      if (now - bucket.at > fullAfterMs) this.buckets.delete(client);
    }
  }
}
