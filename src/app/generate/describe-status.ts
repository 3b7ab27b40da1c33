import { PROXY_RESTARTED } from "../../job-failures";
import { MASK_COVERS_EVERYTHING } from "../../mask-coverage";

/** What to tell a person about a job, and whether trying again could help. */
export interface JobMessage {
  text: string;
  /** Retrying makes sense: the same request may succeed (moderation of the prompt will not). */
  retryable: boolean;
}

/** BFL status words as sentences for people. */
export function describeStatus(
  status: string,
  progress: number | null,
  details: Record<string, unknown> | null | undefined,
): JobMessage {
  const reason = typeof details?.message === "string" ? details.message : null;
  switch (status) {
    case "Pending":
      return {
        text: progress === null ? "Pending…" : `Pending… ${Math.round(progress * 100)}%`,
        retryable: false,
      };
    case "Ready":
      return { text: "Ready", retryable: false };
    case "Request Moderated":
      return {
        text: `Request Moderated: the provider refused this prompt or image. Change the prompt or the painted area, then generate again.${reason ? ` (${reason})` : ""}`,
        retryable: false,
      };
    case "Content Moderated":
      return {
        text: "Content Moderated: the provider withheld the result. Retry with another seed, or soften the prompt.",
        retryable: true,
      };
    case "Task not found":
      return {
        text: "Task not found: the server no longer knows this job (it may have restarted). Retry to generate this variant again.",
        retryable: true,
      };
    case "Cancelled":
      return { text: "Cancelled.", retryable: true };
    case "Error":
      return describeFailure(reason);
    default:
      return { text: `${status}: ${endSentence(reason ?? "the job failed")}`, retryable: true };
  }
}

/**
 * A failed job's reason as a sentence, then the advice that fits it. The reason comes from the
 * engine or the provider, as a phrase or a sentence of its own: never a doubled full stop, and
 * no "Error:" label (the status line already shows it failed).
 */
function describeFailure(reason: string | null): JobMessage {
  // The same mask fails again: only a change to it helps.
  if (reason === MASK_COVERS_EVERYTHING) {
    return { text: `${asSentence(reason)} Leave part of the image unpainted.`, retryable: false };
  }
  if (reason === PROXY_RESTARTED) {
    return { text: `${asSentence(reason)} Retry to run it again.`, retryable: true };
  }
  return {
    text: `${asSentence(reason ?? "the fill failed")} Retry, or change the mask.`,
    retryable: true,
  };
}

/** `text` with one full stop at its end (kept if it ends with `!`, `?` or `…`). */
function endSentence(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, "");
  return /[!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** `text` as a sentence: a leading "Error:" dropped, a capital first letter, one full stop. */
function asSentence(text: string): string {
  const body = endSentence(text.replace(/^\s*error:\s*/i, ""));
  return body.charAt(0).toUpperCase() + body.slice(1);
}

/** A refused or failed submit, by HTTP status (0 = the server could not be reached). */
export function describeSubmitError(httpStatus: number, serverMessage: string): JobMessage {
  if (httpStatus === 0) {
    return {
      text: "Cannot reach the Fillpaint server. Check that it is running and the network is up, then retry.",
      retryable: true,
    };
  }
  if (httpStatus === 402) {
    return {
      text: "Out of credits: the Black Forest Labs account has no credits left. Add credits, then retry.",
      retryable: true,
    };
  }
  if (httpStatus === 429) {
    return {
      text: "Too many requests: the provider is busy with this account's other jobs. Wait a moment, then retry.",
      retryable: true,
    };
  }
  if (httpStatus === 403) {
    return {
      text: "Not allowed: the server's API key may not use this model. Ask whoever runs the server.",
      retryable: false,
    };
  }
  if (httpStatus === 413 || httpStatus === 422) {
    return { text: `The request was refused: ${serverMessage}`, retryable: false };
  }
  return { text: `${serverMessage} Retry in a moment.`, retryable: true };
}

/** Polling failed (the job itself may be fine): the query keeps retrying on its interval. */
export const CONNECTION_LOST =
  "Connection lost: cannot reach the Fillpaint server. Still trying; your image, mask and settings are safe.";
