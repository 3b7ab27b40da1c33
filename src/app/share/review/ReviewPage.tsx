import { useQuery } from "@tanstack/react-query";
import { Maximize } from "lucide-react";
import { useRef, useState } from "react";
import type { ShareView } from "../../../contract";
import { compareLayout, SIDE_COLUMN } from "../../compare/compare-layout";
import { sideLabel } from "../../compare/use-comparison";
import { NO_PROMPT } from "../../history/run-task";
import { reviewQuery } from "../share-api";
import { FeedbackForm } from "./FeedbackForm";
import { ReviewSlider } from "./ReviewSlider";
import { useWindowSize } from "./use-window-size";
import { type Side, VariantPicker } from "./VariantPicker";

const GONE = "This review link does not exist, has expired or was revoked.";
/** What the window loses to the header, the caption and the page's padding, around the comparison. */
const CHROME = { width: 32, height: 104 };

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
  const windowSize = useWindowSize();
  // As in the app: a portrait (or a short window) gets the tiles and the form in a column beside
  // the slider, and the page is the window's height; under it, a portrait showed small and the
  // page scrolled at 1024×640.
  const area = {
    width: windowSize.width - CHROME.width,
    height: windowSize.height - CHROME.height,
  };
  const beside = compareLayout(view, area) === "beside";
  return (
    <main
      data-testid="review-main"
      data-layout={beside ? "beside" : "below"}
      className={`flex w-full flex-col gap-3 p-3 sm:p-4 ${beside ? "min-h-0" : "mx-auto max-w-6xl flex-1"}`}
      // A zero basis: the window's height less the header, however much the column holds.
      style={beside ? { flex: "1 1 0px" } : undefined}
    >
      <p data-testid="review-caption" className="text-center text-sm text-neutral-200">
        {caption} · {view.task}
      </p>
      <div className={beside ? "flex min-h-0 flex-1 gap-3" : "contents"}>
        <div
          ref={stage}
          className={`relative flex bg-canvas ${beside ? "min-h-0 min-w-0 flex-1" : "h-[62vh] min-h-80 sm:h-[72vh]"}`}
        >
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
        <div
          className={beside ? "flex shrink-0 flex-col gap-3 overflow-y-auto" : "contents"}
          style={beside ? { width: SIDE_COLUMN } : undefined}
        >
          <VariantPicker view={view} a={a} b={b} onA={setA} onB={setB} column={beside} />
          <FeedbackForm token={token} variants={view.variants.map((v) => v.index)} />
        </div>
      </div>
    </main>
  );
}
