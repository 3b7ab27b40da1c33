import type { ParamRange, ProviderInfo, ToolOutputFormat } from "../../contract";
import { Field, inputClass, NumberInput } from "../ui/Field";
import type { FieldErrors, FormValues } from "./fill-params";
import { MAX_VARIANTS } from "./fill-params";
import type { ProviderSetting } from "./provider-reads";

interface Props {
  provider: ProviderInfo;
  /** The task's safety scale and output formats on this provider (`taskLimits`). */
  limits: { safety: ParamRange; formats: readonly ToolOutputFormat[] };
  values: FormValues;
  errors: FieldErrors;
  /** Settings the provider reads; the others are hidden (their defaults are still valid). */
  reads: ReadonlySet<ProviderSetting>;
  onChange: (patch: Partial<FormValues>) => void;
}

/** The provider's parameters with its ranges; each invalid value says why beside it. */
export function ParamsForm({ provider, limits, values, errors, reads, onChange }: Props) {
  const { steps, guidance } = provider.ranges;
  const safety_tolerance = limits.safety;
  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-2 text-xs text-neutral-300">
      {reads.has("steps") && (
        <Field label={`Steps (${steps.min}–${steps.max})`} error={errors.steps}>
          <NumberInput
            testId="param-steps"
            value={values.steps}
            invalid={Boolean(errors.steps)}
            onChange={(value) => onChange({ steps: value })}
          />
        </Field>
      )}
      {reads.has("guidance") && (
        <Field label={`Guidance (${guidance.min}–${guidance.max})`} error={errors.guidance}>
          <NumberInput
            testId="param-guidance"
            decimal
            value={values.guidance}
            invalid={Boolean(errors.guidance)}
            onChange={(value) => onChange({ guidance: value })}
          />
        </Field>
      )}
      {reads.has("safety") && (
        <Field
          label={`Safety (${safety_tolerance.min} strict–${safety_tolerance.max})`}
          error={errors.safetyTolerance}
        >
          <NumberInput
            testId="param-safety"
            value={values.safetyTolerance}
            invalid={Boolean(errors.safetyTolerance)}
            onChange={(value) => onChange({ safetyTolerance: value })}
          />
        </Field>
      )}
      <Field label="Output format" error={errors.outputFormat}>
        <select
          data-testid="param-format"
          className={inputClass}
          value={values.outputFormat}
          onChange={(e) => onChange({ outputFormat: e.currentTarget.value as ToolOutputFormat })}
        >
          {limits.formats.map((f) => (
            <option key={f} value={f}>
              {f.toUpperCase()}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Seed" error={errors.seed}>
        <div className="flex items-center gap-2">
          <label className="flex shrink-0 items-center gap-1">
            <input
              type="checkbox"
              data-testid="seed-locked"
              checked={values.seedLocked}
              onChange={(e) => onChange({ seedLocked: e.currentTarget.checked })}
            />
            Lock
          </label>
          <NumberInput
            testId="param-seed"
            placeholder="random"
            disabled={!values.seedLocked}
            invalid={Boolean(errors.seed)}
            value={values.seedLocked ? values.seed : ""}
            onChange={(value) => onChange({ seed: value })}
          />
        </div>
      </Field>
      <Field label={`Variants (1–${MAX_VARIANTS})`} error={errors.variants}>
        <select
          data-testid="variants"
          className={inputClass}
          value={values.variants}
          onChange={(e) => onChange({ variants: Number(e.currentTarget.value) })}
        >
          {Array.from({ length: MAX_VARIANTS }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
      {reads.has("upsampling") && (
        <label className="col-span-2 flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="param-upsampling"
            checked={values.promptUpsampling}
            onChange={(e) => onChange({ promptUpsampling: e.currentTarget.checked })}
          />
          Prompt upsampling (the provider rewrites the prompt in more detail)
        </label>
      )}
    </div>
  );
}
