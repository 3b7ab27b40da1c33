import { mutationOptions, queryOptions } from "@tanstack/react-query";
import {
  type ApiframeOutpaintPreset,
  COMPOSITE_HEADER,
  cancelJobPath,
  type ERASE_ROUTE,
  type EraseRequestBody,
  EXPAND_ROUTE,
  type ExpandRequestBody,
  type FILL_ROUTE,
  type FillRequestBody,
  isTerminal,
  OUTPAINT_PRESET_HEADER,
  type OUTPAINT_ROUTE,
  type OutpaintRequestBody,
  PROVIDER_HEADER,
  type ProviderId,
  resultResponseSchema,
  submitResponseSchema,
} from "../../contract";
import { ApiError, apiErrorFrom, request } from "./http";

/** One job's request: the endpoint and its body, for one provider. */
export type JobRequest =
  | { route: typeof FILL_ROUTE; body: FillRequestBody }
  | { route: typeof ERASE_ROUTE; body: EraseRequestBody }
  | { route: typeof OUTPAINT_ROUTE; body: OutpaintRequestBody }
  /** An outpaint by preset name (apiframe): the provider decides the new canvas from the name. */
  | { route: typeof EXPAND_ROUTE; body: ExpandRequestBody; preset: ApiframeOutpaintPreset };

/**
 * Submits a job to its endpoint. `composite` asks the proxy to paste the result into the
 * original, so nothing outside the mask changes; `signal` stops the upload.
 */
export async function submitJob(
  job: JobRequest,
  provider: ProviderId,
  composite: boolean,
  signal?: AbortSignal,
) {
  const headers: Record<string, string> = { [PROVIDER_HEADER]: provider };
  if (composite) headers[COMPOSITE_HEADER] = "1";
  if (job.route === EXPAND_ROUTE) headers[OUTPAINT_PRESET_HEADER] = job.preset;
  const response = await request(job.route, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(job.body),
    signal,
  });
  return submitResponseSchema.parse(await response.json());
}

/** Quick polls while a job is young (local fills take about a second), calmer after. */
export function pollInterval(pollsSoFar: number): number {
  return pollsSoFar < 10 ? 400 : Math.min(3000, 400 * 1.25 ** (pollsSoFar - 10));
}

/**
 * A job's status as a query that polls itself until a terminal status. react-query pauses it
 * while the tab is hidden (refetchIntervalInBackground is off).
 */
export function jobQuery(pollingUrl: string) {
  return queryOptions({
    queryKey: ["job", pollingUrl],
    queryFn: async () => resultResponseSchema.parse(await (await request(pollingUrl)).json()),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && isTerminal(status) ? false : pollInterval(query.state.dataUpdateCount);
    },
    // A finished job never changes. A failed poll (connection lost) is shown quickly and then
    // retried by the interval itself, which keeps running while the query is in error.
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
    retryDelay: 500,
  });
}

/** The finished image, as bytes the browser keeps (the proxy's copy may not survive it). */
export async function fetchResult(sampleUrl: string): Promise<Blob> {
  return (await request(sampleUrl)).blob();
}

/**
 * What the proxy did with a cancel: stopped the job, found it already finished (its final state
 * is then read by polling), or no longer knows it (nothing left to stop).
 */
export type CancelAnswer = "cancelled" | "finished" | "unknown";

/**
 * `DELETE /v1/jobs/:id` (a Fillpaint extension). Throws `ApiError` when the proxy could not be
 * told (offline, 403, 5xx): the job may still be running there.
 */
export async function cancelJob(jobId: string): Promise<CancelAnswer> {
  const response = await fetch(cancelJobPath(jobId), { method: "DELETE" }).catch(() => {
    throw new ApiError("Cannot reach the Fillpaint server.", 0);
  });
  if (response.ok) return "cancelled";
  if (response.status === 409) return "finished";
  if (response.status === 404) return "unknown";
  throw await apiErrorFrom(response);
}

/** The cancel as a mutation; the caller adds what the job's variant does around it. */
export function cancelJobMutation() {
  return mutationOptions({
    mutationKey: ["job", "cancel"],
    mutationFn: cancelJob,
    // Offline, say at once that the server could not be told rather than wait for the network.
    networkMode: "always",
  });
}
