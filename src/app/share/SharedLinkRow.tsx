import { useQuery } from "@tanstack/react-query";
import { Check, Copy, Link2Off } from "lucide-react";
import { useEffect, useRef } from "react";
import { FeedbackList } from "./FeedbackList";
import { feedbackQuery } from "./share-api";
import type { SharedLink } from "./share-db";
import type { CopyNotice } from "./use-copy-notice";
import { useRevokeLink } from "./use-shares";

const small =
  "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-neutral-300 hover:bg-neutral-700 disabled:opacity-40";

const day = (time: number) =>
  new Date(time).toLocaleDateString(undefined, { day: "numeric", month: "short" });

/**
 * One review link of the run: the link, its dates, copy (saying in place whether it copied),
 * revoke, and what reviewers said.
 */
export function SharedLinkRow({
  link,
  notice,
  onCopy,
}: {
  link: SharedLink;
  notice: CopyNotice | null;
  onCopy: () => void;
}) {
  const revoke = useRevokeLink();
  const row = useRef<HTMLLIElement>(null);
  // The list scrolls (several links, a narrow column): the row saying it copied must show.
  useEffect(() => {
    if (notice) row.current?.scrollIntoView({ block: "nearest" });
  }, [notice]);
  const ended = link.revokedAt !== null;
  const feedback = useQuery({ ...feedbackQuery(link), enabled: !ended });
  const state = ended ? "revoked" : (feedback.data?.state ?? "live");
  return (
    <li
      ref={row}
      data-testid="shared-link"
      data-state={state}
      className="rounded-md bg-neutral-800 px-3 py-2"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <a
          data-testid="share-link"
          href={link.url}
          target="_blank"
          rel="noreferrer"
          title={link.url}
          // its own line, wrapping anywhere: in the narrow column beside a portrait it was cut to "http://1…"
          className={`basis-full break-all font-mono text-xs ${state === "live" ? "text-accent hover:underline" : "text-neutral-500 line-through"}`}
        >
          {link.url}
        </a>
        <span className="text-xs text-neutral-400">
          {day(link.createdAt)} · {state === "live" ? `expires ${day(link.expiresAt)}` : state}
        </span>
        <button
          type="button"
          data-testid="copy-link"
          className={small}
          onClick={onCopy}
          title={
            notice?.copied === false ? "The browser refused: select the link above" : undefined
          }
        >
          {notice?.copied ? <Check size={13} aria-hidden /> : <Copy size={13} aria-hidden />}
          <span role="status">
            {notice ? (notice.copied ? "Link copied." : "Not copied: select the link") : "Copy"}
          </span>
        </button>
        <button
          type="button"
          data-testid="revoke-link"
          className={small}
          disabled={state !== "live" || revoke.isPending}
          onClick={() => revoke.mutate(link)}
          title="The link stops working for everyone at once"
        >
          <Link2Off size={13} aria-hidden /> Revoke
        </button>
      </div>
      {feedback.data && feedback.data.feedback.length > 0 && (
        <FeedbackList feedback={feedback.data.feedback} />
      )}
    </li>
  );
}
