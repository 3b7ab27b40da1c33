import type { ReactNode } from "react";

export const inputClass =
  "w-full rounded-md border border-neutral-600 bg-neutral-800 px-2 py-1 text-sm aria-invalid:border-red-400";

/** A labelled form control with its validation message under it. */
export function Field(props: { label: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <span className="block">{props.label}</span>
      {props.children}
      {props.error && (
        <span role="alert" className="block text-red-300">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** A text input for a number typed as text (validated later, so half-typed values survive). */
export function NumberInput(props: {
  testId: string;
  value: string;
  invalid: boolean;
  decimal?: boolean;
  disabled?: boolean;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      data-testid={props.testId}
      className={inputClass}
      inputMode={props.decimal ? "decimal" : "numeric"}
      aria-invalid={props.invalid}
      disabled={props.disabled}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
