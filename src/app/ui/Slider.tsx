/** A labelled range input with its current value shown beside the label. */
export function Slider(props: {
  label: string;
  value: number;
  display: string;
  min: number;
  max: number;
  step?: number;
  testId?: string;
  onChange: (value: number) => void;
}) {
  return (
    <label className="block space-y-1 text-sm text-neutral-200">
      <span className="flex justify-between">
        {props.label} <span className="tabular-nums text-neutral-400">{props.display}</span>
      </span>
      <input
        data-testid={props.testId}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        onChange={(event) => props.onChange(Number(event.currentTarget.value))}
        className="w-full accent-accent"
      />
    </label>
  );
}
