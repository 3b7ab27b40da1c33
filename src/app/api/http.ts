import { validationErrorSchema } from "../../contract";

/** An error whose message is ready to show to a person. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Turns a failed proxy answer into one readable sentence (422 field lists included). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: fall back to the status text.
  }
  const validation = validationErrorSchema.safeParse(body);
  if (validation.success) {
    const message = validation.data.detail
      .map((d) => `${d.loc.filter((part) => part !== "body").join(".")}: ${d.msg}`)
      .join("; ");
    return new ApiError(message, response.status);
  }
  const detail =
    body && typeof body === "object" && "detail" in body && typeof body.detail === "string"
      ? body.detail
      : null;
  return new ApiError(detail ?? fallbackMessage(response.status), response.status);
}

function fallbackMessage(status: number): string {
  if (status === 413) return "The image is too large to send.";
  if (status === 429) return "Too many requests right now; try again in a moment.";
  if (status >= 500) return `The server failed (${status}); try again.`;
  return `The request failed (${status}).`;
}

/** fetch that turns "offline" into the same readable error type as a failed answer. */
export async function request(input: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (error) {
    // A send the user stopped is not a lost connection: the caller tells the two apart.
    if (init?.signal?.aborted) throw error;
    throw new ApiError("Cannot reach the Fillpaint server. Is it running?", 0);
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response;
}
