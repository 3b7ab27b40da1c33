import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { MAX_FEEDBACK_COMMENT, MAX_FEEDBACK_NAME } from "../../../contract";
import { sideLabel } from "../../compare/use-comparison";
import { sendFeedback } from "../share-api";

const field = "w-full rounded-md border border-neutral-600 bg-neutral-800 px-2 py-1.5 text-sm";

/** A reviewer's favourite and a short comment, sent as plain text to the designer. */
export function FeedbackForm({ token, variants }: { token: string; variants: number[] }) {
  const [pick, setPick] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [name, setName] = useState("");
  const send = useMutation({
    mutationFn: () => sendFeedback(token, { pick, comment, name }),
    onSuccess: () => {
      setComment("");
      setPick(null);
    },
  });
  const empty = pick === null && comment.trim() === "";
  return (
    <form
      data-testid="feedback-form"
      className="space-y-2 rounded-lg bg-neutral-800/60 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1 font-medium">Your favourite</legend>
        {variants.map((index) => (
          <label key={index} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="pick"
              data-testid={`feedback-pick-${index}`}
              checked={pick === index}
              onChange={() => setPick(index)}
            />
            {sideLabel(index)}
          </label>
        ))}
      </fieldset>
      <textarea
        data-testid="feedback-comment"
        className={field}
        rows={2}
        maxLength={MAX_FEEDBACK_COMMENT}
        placeholder="A short comment (optional)"
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <div className="flex flex-wrap items-center gap-2">
        <input
          data-testid="feedback-name"
          className={`${field} max-w-xs flex-1`}
          maxLength={MAX_FEEDBACK_NAME}
          placeholder="Your name (optional)"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button
          type="submit"
          data-testid="feedback-send"
          disabled={empty || send.isPending}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-black disabled:opacity-40"
        >
          Send
        </button>
      </div>
      {send.isSuccess && (
        <p data-testid="feedback-sent" className="text-sm text-green-300">
          Thank you: the designer sees it now.
        </p>
      )}
      {send.isError && (
        <p role="alert" className="text-sm text-red-300">
          {send.error.message}
        </p>
      )}
    </form>
  );
}
