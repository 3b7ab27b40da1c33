import { Clapperboard, FileCode, Share2 } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { toast } from "sonner";
import { readyVariants } from "../compare/use-comparison";
import type { RunRecord } from "../history/history-db";
import { ActionButton } from "../ui/ActionButton";
import { exportReviewHtml } from "./export-html";
import { SharedLinkRow } from "./SharedLinkRow";
import { useCopyNotice } from "./use-copy-notice";
import { useRunLinks, useShareRun } from "./use-shares";

const AnimationDialog = lazy(() =>
  import("./AnimationDialog").then((m) => ({ default: m.AnimationDialog })),
);

/** Ways a run leaves the app for people who never open it: a review link, an animation, a file. */
export function ShareBar({ run }: { run: RunRecord }) {
  const links = useRunLinks(run.id) ?? [];
  const { notice, copy } = useCopyNotice();
  const share = useShareRun(run, (link) => void copy(link));
  const [animating, setAnimating] = useState(false);
  const disabled = readyVariants(run).length === 0 || run.imagesPruned;
  return (
    <section data-testid="share-bar" className="flex flex-col gap-2 text-sm text-neutral-300">
      <div className="flex flex-wrap items-center justify-center gap-2">
        <ActionButton
          testId="share-run"
          icon={Share2}
          label={share.isPending ? "Sharing…" : "Share link"}
          title="A read-only review link with the slider and variants; reviewers can pick and comment"
          disabled={disabled || share.isPending}
          onClick={() => share.mutate()}
        />
        <ActionButton
          testId="export-animation"
          icon={Clapperboard}
          label="Animation"
          title="A before/after wipe as GIF or video, for decks and chats"
          disabled={disabled}
          onClick={() => setAnimating(true)}
        />
        <ActionButton
          testId="export-html"
          icon={FileCode}
          label="HTML file"
          title="One HTML file with the slider and variants inside; opens offline"
          disabled={disabled}
          onClick={() => exportReviewHtml(run).catch((e: Error) => toast.error(e.message))}
        />
      </div>
      {links.length > 0 && (
        <ul
          data-testid="share-links"
          className="mx-auto flex max-h-48 w-full max-w-3xl flex-col gap-2 overflow-y-auto"
        >
          {links.map((link) => (
            <SharedLinkRow
              key={link.id}
              link={link}
              notice={notice?.linkId === link.id ? notice : null}
              onCopy={() => void copy(link)}
            />
          ))}
        </ul>
      )}
      <Suspense>
        {animating && <AnimationDialog run={run} onClose={() => setAnimating(false)} />}
      </Suspense>
    </section>
  );
}
