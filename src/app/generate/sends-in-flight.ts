/**
 * The uploads in flight, by run and variant. A large image takes many seconds to send, and a
 * job can only be cancelled on the proxy once it has an id: aborting the upload is the only way
 * to stop it sooner. One instance belongs to the app (`SendsInFlightProvider`), outside the
 * store, which holds no live objects.
 */
export class SendsInFlight {
  private readonly sending = new Map<string, AbortController>();

  /** A signal for one variant's upload; `finish` forgets it once the proxy answered. */
  start(runId: string, index: number): AbortSignal {
    const controller = new AbortController();
    this.sending.set(keyOf(runId, index), controller);
    return controller.signal;
  }

  finish(runId: string, index: number): void {
    this.sending.delete(keyOf(runId, index));
  }

  /** Stops one variant's upload, if it is still being sent. */
  abort(runId: string, index: number): void {
    this.sending.get(keyOf(runId, index))?.abort();
  }

  /** Stops every upload: the app that owns them is going away. */
  destroy(): void {
    for (const controller of this.sending.values()) controller.abort();
    this.sending.clear();
  }
}

const keyOf = (runId: string, index: number) => `${runId}:${index}`;
