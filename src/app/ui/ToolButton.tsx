import type { ReactNode } from "react";
import { buttonClass } from "./button-class";

/** The sidebar's outlined button: an icon, a label, and its shortcut in the tooltip. */
export function ToolButton(props: {
  icon?: ReactNode;
  label: string;
  testId?: string;
  title?: string;
  /** Set for toggles and tool pickers: shown with the accent border when true. */
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      data-testid={props.testId}
      title={props.title}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      className={`${buttonClass} aria-pressed:border-accent aria-pressed:bg-accent/20`}
    >
      {props.icon}
      {props.label}
    </button>
  );
}

const chipClass =
  "rounded-md border border-neutral-600 px-2 py-1 text-xs text-neutral-200 hover:bg-neutral-700 aria-pressed:border-accent aria-pressed:bg-accent/20 aria-pressed:text-white";

/** A small pressable choice, e.g. an outpaint preset. */
export function Chip(props: {
  label: string;
  pressed?: boolean;
  onClick: () => void;
  data?: Record<`data-${string}`, string>;
}) {
  return (
    <button
      type="button"
      aria-pressed={props.pressed}
      className={chipClass}
      onClick={props.onClick}
      {...props.data}
    >
      {props.label}
    </button>
  );
}
