import { mutationOptions, queryOptions } from "@tanstack/react-query";
import {
  type ApiframeOutpaintPreset,
  cancelJobPath,
  type ExpandRequestBody,
  type FillRequestBody,
  isTerminal,
  OUTPAINT_PRESET_HEADER,
  PROVIDER_HEADER,
  type ProviderId,
  resultResponseSchema,
  submitResponseSchema,
} from "../../contract";
import { ApiError, apiErrorFrom, request } from "./http";

export async function submitFill(body: FillRequestBody, provider: ProviderId) {
  return submit("/v1/flux-pro-1.0-fill", body, { [PROVIDER_HEADER]: provider });
}

/** An outpaint by preset name (apiframe): the provider decides the new canvas from the name. */
export async function submitPresetExpand(
  body: ExpandRequestBody,
  provider: ProviderId,
  preset: ApiframeOutpaintPreset,
) {
  return submit("/v1/flux-pro-1.0-expand", body, {
    [PROVIDER_HEADER]: provider,
    [OUTPAINT_PRESET_HEADER]: preset,
  });
}

async function submit(path: string, body: unknown, headers: Record<string, string>) {
  const response = await request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
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
