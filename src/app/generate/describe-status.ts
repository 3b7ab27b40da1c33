/** BFL status words as sentences for people. */
export function describeStatus(
  status: string,
  progress: number | null,
  details: Record<string, unknown> | null | undefined,
): string {
  const reason = typeof details?.message === "string" ? `: ${details.message}` : "";
  switch (status) {
    case "Pending":
      return progress === null ? "Pending…" : `Pending… ${Math.round(progress * 100)}%`;
    case "Ready":
      return "Ready";
    case "Request Moderated":
      return `Request Moderated: the provider refused this prompt or image${reason}`;
    case "Content Moderated":
      return `Content Moderated: the provider withheld the result${reason}`;
    case "Task not found":
      return "Task not found: the server no longer knows this job. Generate again.";
    default:
      return `${status}${reason || ": the job failed"}`;
  }
}
