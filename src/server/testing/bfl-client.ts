import { FILL_ROUTE, type ResultResponse, type SubmitResponse } from "../../contract";

/**
 * The way an existing BFL client talks to the API: submit to an endpoint under the base URL
 * (fill unless `path` names another, e.g. `ERASE_ROUTE`), then poll `polling_url` exactly as
 * given until a terminal status. The proxy tests use it against the proxy's base URL.
 */
export async function bflSubmit(
  baseUrl: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  path = FILL_ROUTE,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-key": "client-side-key-is-ignored",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export async function bflPollUntilDone(
  submitted: SubmitResponse,
  timeoutMs = 20_000,
): Promise<ResultResponse[]> {
  const seen: ResultResponse[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = (await (await fetch(submitted.polling_url)).json()) as ResultResponse;
    seen.push(result);
    if (result.status !== "Pending") return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${submitted.id} still pending after ${timeoutMs} ms`);
}

/** Submits to `path` and polls to the end; the submit must be accepted. */
export async function bflRunToEnd(
  baseUrl: string,
  path: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<ResultResponse> {
  const submit = await bflSubmit(baseUrl, body, headers, path);
  if (submit.status !== 200) {
    throw new Error(`submit answered ${submit.status}: ${JSON.stringify(submit.body)}`);
  }
  // Local fills share two cores with everything else on a test machine: room to finish.
  return (await bflPollUntilDone(submit.body as SubmitResponse, 110_000)).at(-1)!;
}
