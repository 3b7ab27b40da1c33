import { ChevronRight } from "lucide-react";
import type { ReactNode } from "react";

/**
 * A sidebar section that folds away: a native <details>, so keyboard and screen readers get
 * the expand/collapse behaviour for free and the open state needs no store.
 */
export function Section(props: {
  title: string;
  /** Beside the title, e.g. a shortcut button; clicks on it do not fold the section. */
  aside?: ReactNode;
  defaultOpen?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <details
      open={props.defaultOpen ?? true}
      data-testid={props.testId}
      className="group border-t border-neutral-800 first:border-t-0"
    >
      <summary className="flex cursor-pointer list-none items-center gap-1 py-2 text-xs font-semibold uppercase tracking-wide text-neutral-400 hover:text-neutral-200 [&::-webkit-details-marker]:hidden">
        <ChevronRight size={14} aria-hidden className="transition-transform group-open:rotate-90" />
        <span className="flex-1">{props.title}</span>
        {props.aside}
      </summary>
      <div className="space-y-3 pb-4">{props.children}</div>
    </details>
  );
}
