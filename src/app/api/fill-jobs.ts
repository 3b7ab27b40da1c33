import { queryOptions } from "@tanstack/react-query";
import {
  type ApiframeOutpaintPreset,
  type ExpandRequestBody,
  type FillRequestBody,
  isTerminal,
  OUTPAINT_PRESET_HEADER,
  PROVIDER_HEADER,
  type ProviderId,
  resultResponseSchema,
  submitResponseSchema,
} from "../../contract";
import { request } from "./http";

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
