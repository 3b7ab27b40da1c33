import { Star } from "lucide-react";
import type { Feedback } from "../../contract";
import { sideLabel } from "../compare/use-comparison";

/** Picks counted per variant, then each comment; all plain text (React escapes it). */
export function FeedbackList({ feedback }: { feedback: Feedback[] }) {
  const picks = new Map<number, number>();
  for (const f of feedback) if (f.pick !== null) picks.set(f.pick, (picks.get(f.pick) ?? 0) + 1);
  const tally = [...picks].sort((a, b) => b[1] - a[1]);
  return (
    <div className="mt-2 space-y-1 border-t border-neutral-700 pt-2 text-xs">
      {tally.length > 0 && (
        <p data-testid="share-picks" className="flex flex-wrap items-center gap-2 text-neutral-200">
          <Star size={13} aria-hidden className="text-accent" />
          {tally.map(([index, count]) => (
            <span key={index}>
              {sideLabel(index)} ×{count}
            </span>
          ))}
        </p>
      )}
      <ul className="space-y-1">
        {feedback.map((f) => (
          <li key={f.id} data-testid="share-feedback" className="text-neutral-300">
            <span className="font-medium text-neutral-100">{f.name || "Reviewer"}</span>
            {f.pick !== null && (
              <span className="text-neutral-400"> · picked {sideLabel(f.pick)}</span>
            )}
            {f.comment && <span className="whitespace-pre-wrap">: {f.comment}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
