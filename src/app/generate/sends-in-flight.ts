/**
 * The uploads in flight, by run and variant. A large image takes many seconds to send, and a
 * job can only be cancelled on the proxy once it has an id: aborting the upload is the only way
 * to stop it sooner. Kept outside the store, which holds no live objects.
 */
const sending = new Map<string, AbortController>();

const keyOf = (runId: string, index: number) => `${runId}:${index}`;

/** A signal for one variant's upload; `finishSending` forgets it once the proxy answered. */
export function startSending(runId: string, index: number): AbortSignal {
  const controller = new AbortController();
  sending.set(keyOf(runId, index), controller);
  return controller.signal;
}

export function finishSending(runId: string, index: number): void {
  sending.delete(keyOf(runId, index));
}

/** Stops one variant's upload, if it is still being sent. */
export function abortSending(runId: string, index: number): void {
  sending.get(keyOf(runId, index))?.abort();
}
