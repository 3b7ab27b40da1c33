import type { ReactNode } from "react";
import type { OutputFormat, ProviderInfo } from "../../contract";
import type { FieldErrors, FormValues } from "./fill-params";
import { MAX_VARIANTS } from "./fill-params";

interface Props {
  provider: ProviderInfo;
  values: FormValues;
  errors: FieldErrors;
  onChange: (patch: Partial<FormValues>) => void;
}

const input =
  "w-full rounded-md border border-neutral-600 bg-neutral-800 px-2 py-1 text-sm aria-invalid:border-red-400";

/** The provider's parameters with its ranges; each invalid value says why beside it. */
export function ParamsForm({ provider, values, errors, onChange }: Props) {
  const { steps, guidance, safety_tolerance } = provider.ranges;
  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-2 text-xs text-neutral-300">
      <Field label={`Steps (${steps.min}–${steps.max})`} error={errors.steps}>
        <input
          data-testid="param-steps"
          className={input}
          inputMode="numeric"
          aria-invalid={Boolean(errors.steps)}
          value={values.steps}
          onChange={(e) => onChange({ steps: e.currentTarget.value })}
        />
      </Field>
      <Field label={`Guidance (${guidance.min}–${guidance.max})`} error={errors.guidance}>
        <input
          data-testid="param-guidance"
          className={input}
          inputMode="decimal"
          aria-invalid={Boolean(errors.guidance)}
          value={values.guidance}
          onChange={(e) => onChange({ guidance: e.currentTarget.value })}
        />
      </Field>
      <Field
        label={`Safety (${safety_tolerance.min} strict–${safety_tolerance.max})`}
        error={errors.safetyTolerance}
      >
        <input
          data-testid="param-safety"
          className={input}
          inputMode="numeric"
          aria-invalid={Boolean(errors.safetyTolerance)}
          value={values.safetyTolerance}
          onChange={(e) => onChange({ safetyTolerance: e.currentTarget.value })}
        />
      </Field>
      <Field label="Output format" error={errors.outputFormat}>
        <select
          data-testid="param-format"
          className={input}
          value={values.outputFormat}
          onChange={(e) => onChange({ outputFormat: e.currentTarget.value as OutputFormat })}
        >
          {provider.outputFormats.map((f) => (
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
          <input
            data-testid="param-seed"
            className={input}
            inputMode="numeric"
            placeholder="random"
            disabled={!values.seedLocked}
            aria-invalid={Boolean(errors.seed)}
            value={values.seedLocked ? values.seed : ""}
            onChange={(e) => onChange({ seed: e.currentTarget.value })}
          />
        </div>
      </Field>
      <Field label={`Variants (1–${MAX_VARIANTS})`} error={errors.variants}>
        <select
          data-testid="variants"
          className={input}
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
      <label className="col-span-2 flex items-center gap-2">
        <input
          type="checkbox"
          data-testid="param-upsampling"
          checked={values.promptUpsampling}
          onChange={(e) => onChange({ promptUpsampling: e.currentTarget.checked })}
        />
        Prompt upsampling (the provider rewrites the prompt in more detail)
      </label>
    </div>
  );
}

function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <span className="block">{label}</span>
      {children}
      {error && (
        <span role="alert" className="block text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}
