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

/**
 * How long a test waits for a job before it names the job as stuck: a safety net for a hang, not
 * a bound on speed. Local fills and the fakes' round trips share two cores with everything else
 * on a test machine; under a benchmark an apiframe round trip that takes 2.5 s alone took over
 * 30 s. Below the tests' own timeout (vite.config.ts), so the job's message is what fails.
 */
const POLL_PATIENCE_MS = 110_000;

export async function bflPollUntilDone(
  submitted: SubmitResponse,
  timeoutMs = POLL_PATIENCE_MS,
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
  return (await bflPollUntilDone(submit.body as SubmitResponse)).at(-1)!;
}
