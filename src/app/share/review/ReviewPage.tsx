import { useQuery } from "@tanstack/react-query";
import { Maximize } from "lucide-react";
import { useRef, useState } from "react";
import type { ShareView } from "../../../contract";
import { sideLabel } from "../../compare/use-comparison";
import { NO_PROMPT } from "../../history/run-task";
import { reviewQuery } from "../share-api";
import { FeedbackForm } from "./FeedbackForm";
import { ReviewSlider } from "./ReviewSlider";
import { type Side, VariantPicker } from "./VariantPicker";

const GONE = "This review link does not exist, has expired or was revoked.";

/** The reviewer's page: read-only comparison, variants to pick A and B from, and feedback. */
export function ReviewPage({ token }: { token: string | null }) {
  const review = useQuery({ ...reviewQuery(token ?? ""), enabled: token !== null });
  return (
    <div className="flex min-h-screen flex-col bg-neutral-900 text-neutral-100">
      <header className="flex items-center gap-3 border-b border-neutral-800 px-4 py-2">
        <h1 className="text-base font-semibold tracking-tight">
          Fill<span className="text-accent">paint</span>
        </h1>
        <span className="text-sm text-neutral-400">review</span>
      </header>
      {token === null || review.isError ? (
        <p data-testid="review-gone" className="m-auto p-6 text-center text-neutral-300">
          {GONE}
        </p>
      ) : review.data ? (
        <Review token={token} view={review.data} />
      ) : (
        <p className="m-auto text-neutral-400">Loading…</p>
      )}
    </div>
  );
}

function Review({ token, view }: { token: string; view: ShareView }) {
  const [a, setA] = useState<Side>("original");
  const [b, setB] = useState<number>(view.variants[0]?.index ?? 0);
  const stage = useRef<HTMLDivElement>(null);
  const src = (side: Side) =>
    side === "original" ? view.before : (view.variants.find((v) => v.index === side)?.url ?? "");
  const caption = view.prompt.trim() ? `“${view.prompt.trim()}”` : NO_PROMPT;
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-3 p-3 sm:p-4">
      <p data-testid="review-caption" className="text-center text-sm text-neutral-200">
        {caption} · {view.task}
      </p>
      <div ref={stage} className="relative flex h-[62vh] min-h-80 bg-canvas sm:h-[72vh]">
        <ReviewSlider
          a={{ src: src(a), label: `A · ${sideLabel(a)}` }}
          b={{ src: src(b), label: `B · ${sideLabel(b)}` }}
          outline={view.outline}
          content={{ width: view.width, height: view.height }}
        />
        <button
          type="button"
          data-testid="review-fullscreen"
          className="absolute right-2 bottom-2 z-10 rounded bg-black/60 p-1.5 text-white hover:bg-black/80"
          onClick={() => void stage.current?.requestFullscreen?.().catch(() => {})}
          title="Full screen"
        >
          <Maximize size={18} aria-label="Full screen" />
        </button>
      </div>
      <VariantPicker view={view} a={a} b={b} onA={setA} onB={setB} />
      <FeedbackForm token={token} variants={view.variants.map((v) => v.index)} />
    </main>
  );
}
