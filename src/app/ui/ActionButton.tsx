import type { LucideIcon } from "lucide-react";
import { actionButtonClass } from "./button-class";

/** One button of the comparison's action rows: an icon, a short label, and a tooltip saying what it makes. */
export function ActionButton({
  testId,
  icon: Icon,
  label,
  title,
  disabled,
  onClick,
}: {
  testId: string;
  icon: LucideIcon;
  label: string;
  title?: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      className={actionButtonClass}
      disabled={disabled}
      onClick={onClick}
      title={title}
    >
      <Icon size={15} aria-hidden /> {label}
    </button>
  );
}
