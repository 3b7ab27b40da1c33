/**
 * The wire contract between the SPA and the proxy, and between the proxy and BFL clients.
 * Both sides import this one module so the shapes and parameter ranges cannot drift apart.
 * Field names and status words follow Black Forest Labs' API so any BFL client works against
 * the proxy by changing only its base URL.
 */
import { z } from "zod";

/** Inclusive numeric range with the upstream default; drives validation and the SPA's form. */
export interface ParamRange {
  min: number;
  max: number;
  default: number;
}

/** The tunable numeric parameters a provider accepts, with its own ranges and defaults. */
export interface ParamRanges {
  steps: ParamRange;
  guidance: ParamRange;
  safety_tolerance: ParamRange;
}

/** BFL's documented ranges for `POST /v1/flux-pro-1.0-fill` and `-expand`. */
export const FILL_RANGES = {
  steps: { min: 15, max: 50, default: 50 },
  guidance: { min: 1.5, max: 100, default: 60 },
  safety_tolerance: { min: 0, max: 6, default: 2 },
} as const satisfies ParamRanges;

/**
 * apiframe's ranges for flux-fill-pro. Its guidance is a different scale from BFL's (2–5 vs
 * 1.5–100), so a request is validated against the chosen provider's ranges, never converted.
 */
export const APIFRAME_RANGES = {
  steps: { min: 1, max: 50, default: 50 },
  guidance: { min: 2, max: 5, default: 3 },
  safety_tolerance: { min: 1, max: 6, default: 2 },
} as const satisfies ParamRanges;

/** Pixels `flux-pro-1.0-expand` may add on each side (BFL: 0–2048, default 0). */
export const EXPAND_SIDE_RANGE = { min: 0, max: 2048, default: 0 } as const satisfies ParamRange;

/** BFL does not document a prompt limit; apiframe allows 2000 characters, so we use the stricter. */
export const MAX_PROMPT_LENGTH = 2000;

/** BFL's SDK refuses more than 20 megapixels; the local engine uses the same guard. */
export const MAX_IMAGE_PIXELS = 20_000_000;

/** Header the SPA may send to pick a provider; BFL clients omit it and get the default. */
export const PROVIDER_HEADER = "x-fillpaint-provider";

/**
 * apiframe's outpaint presets, sent verbatim as `fluxFillParams.outpaint`. apiframe takes a
 * preset, not pixels per side, so a client that outpaints through apiframe names one.
 */
export const APIFRAME_OUTPAINT_PRESETS = [
  "Zoom out 1.5x",
  "Zoom out 2x",
  "Make square",
  "Left outpaint",
  "Right outpaint",
  "Top outpaint",
  "Bottom outpaint",
] as const;
export type ApiframeOutpaintPreset = (typeof APIFRAME_OUTPAINT_PRESETS)[number];

/**
 * Fillpaint-only header naming the outpaint preset on `POST /v1/flux-pro-1.0-expand`. A header
 * (not a body field) keeps the body exactly BFL's, so unknown body fields stay refused. Required
 * for `apiframe` (which ignores `top/bottom/left/right`: the preset decides the new canvas);
 * ignored by `bfl` and `local`, which use the pixels per side.
 */
export const OUTPAINT_PRESET_HEADER = "x-fillpaint-outpaint-preset";

/**
 * Fillpaint-only header: `x-fillpaint-resize-mask: 1` asks the proxy to resize a mask whose
 * size differs from the image's (nearest neighbour). Without it a mismatch is a 422.
 */
export const RESIZE_MASK_HEADER = "x-fillpaint-resize-mask";

/**
 * Fillpaint-only body field, on all four generate routes: a grey PNG at the image's own size
 * (for expand and outpainting, the input image's), white = kept, but never copied from. It is
 * the designer's "don't sample here" (Photoshop's sampling area, inverted): a sundial the fill
 * would otherwise repeat across the new ground. Only providers whose `excludesSources` is true
 * take it (the local engine); the others answer 422 rather than drop it unseen. A body field,
 * unlike the preset header, because a mask outgrows a header's size.
 */
export const EXCLUDE_MASK_FIELD = "fillpaint_exclude_mask";

export const OUTPUT_FORMATS = ["jpeg", "png"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Clients often send data URLs; BFL wants bare base64, so the prefix is stripped on parse. */
const base64Image = z
  .string()
  .min(1, "must be a non-empty base64 string")
  .transform((value) => value.replace(/^data:[^;,]*;base64,/, ""));

const intRange = (range: ParamRange) =>
  z.number().int().min(range.min).max(range.max).default(range.default);

/** The fields fill and expand share, validated against one provider's ranges. */
function generationFields(ranges: ParamRanges, minPromptLength: number) {
  return {
    image: base64Image,
    prompt: z
      .string()
      .min(minPromptLength, `prompt must have at least ${minPromptLength} character(s) here`)
      .max(MAX_PROMPT_LENGTH, `prompt is longer than ${MAX_PROMPT_LENGTH} characters`)
      .default(""),
    steps: intRange(ranges.steps),
    guidance: z
      .number()
      .min(ranges.guidance.min)
      .max(ranges.guidance.max)
      .default(ranges.guidance.default),
    seed: z.number().int().nullish(),
    prompt_upsampling: z.boolean().default(false),
    safety_tolerance: intRange(ranges.safety_tolerance),
    output_format: z.enum(OUTPUT_FORMATS).default("jpeg"),
    webhook_url: z.string().url().nullish(),
    webhook_secret: z.string().nullish(),
    [EXCLUDE_MASK_FIELD]: base64Image.nullish(),
  };
}

/** BFL's fill body, with one provider's ranges (defaults differ between providers). */
export function fillRequestSchemaFor(ranges: ParamRanges, minPromptLength = 0) {
  return z
    .object({ ...generationFields(ranges, minPromptLength), mask: base64Image.nullish() })
    .strict();
}

export const fillRequestSchema = fillRequestSchemaFor(FILL_RANGES);

/** BFL's expand (outpaint) body: the image plus pixels to add on each side. No mask. */
export function expandRequestSchemaFor(ranges: ParamRanges, minPromptLength = 0) {
  const side = intRange(EXPAND_SIDE_RANGE);
  return z
    .object({
      ...generationFields(ranges, minPromptLength),
      top: side,
      bottom: side,
      left: side,
      right: side,
    })
    .strict();
}

export const expandRequestSchema = expandRequestSchemaFor(FILL_RANGES);
export type ExpandRequestBody = z.input<typeof expandRequestSchema>;
export type ExpandRequest = z.output<typeof expandRequestSchema>;

/** What a client sends (defaults optional). */
export type FillRequestBody = z.input<typeof fillRequestSchema>;
/** What the proxy works with after validation (defaults applied, base64 bare). */
export type FillRequest = z.output<typeof fillRequestSchema>;

/**
 * BFL's tools (docs.bfl.ai `flux_erase`, `flux_outpainting` and the API reference, read Nov 2026).
 * Both answer and are polled like fill and expand. What the docs leave open is marked
 * *unconfirmed*; the proxy then takes the stricter reading.
 */
export const ERASE_ROUTE = "/v1/flux-tools/erase-v1";
export const OUTPAINT_ROUTE = "/v1/flux-tools/outpainting-v1";
export const FILL_ROUTE = "/v1/flux-pro-1.0-fill";
export const EXPAND_ROUTE = "/v1/flux-pro-1.0-expand";

/** The tools take webp too (fill and expand take jpeg and png only). */
export const TOOL_OUTPUT_FORMATS = ["jpeg", "png", "webp"] as const;
export type ToolOutputFormat = (typeof TOOL_OUTPUT_FORMATS)[number];

/** Erase's `dilate_pixels`: the mask grows by this much before removal (BFL: 0–25, default 10). */
export const DILATE_PIXELS_RANGE = { min: 0, max: 25, default: 10 } as const satisfies ParamRange;

/**
 * The tools' `safety_tolerance` is 0–5 (default 2), one step narrower than fill's 0–6. A provider
 * with a narrower scale of its own (apiframe's starts at 1) narrows it further: see `toolSafetyRange`.
 */
export const TOOL_SAFETY_RANGE = { min: 0, max: 5, default: 2 } as const satisfies ParamRange;

/** Outpainting's canvas: each side at least 64 px, and BFL refuses more than 4 MP (4 × 1024²). */
export const OUTPAINT_MIN_SIDE = 64;
export const BFL_OUTPAINT_MAX_PIXELS = 4 * 1024 * 1024;

/** Outpainting's documented `mode` (quality/speed); sent on only when a client names one. */
export const OUTPAINT_MODES = ["high", "fast"] as const;

/** The tools' safety range within what a provider accepts (the intersection of both scales). */
export function toolSafetyRange(provider: Pick<ProviderInfo, "ranges">): ParamRange {
  const own = provider.ranges.safety_tolerance;
  const min = Math.max(TOOL_SAFETY_RANGE.min, own.min);
  const max = Math.min(TOOL_SAFETY_RANGE.max, own.max);
  return { min, max, default: Math.min(max, Math.max(min, TOOL_SAFETY_RANGE.default)) };
}

/** The fields BFL's tools share. */
function toolFields(safety: ParamRange) {
  return {
    seed: z.number().int().nullish(),
    output_format: z.enum(TOOL_OUTPUT_FORMATS).default("png"),
    safety_tolerance: intRange(safety),
    webhook_url: z.string().url().nullish(),
    webhook_secret: z.string().nullish(),
    [EXCLUDE_MASK_FIELD]: base64Image.nullish(),
  };
}

/**
 * `POST /v1/flux-tools/erase-v1`: white in `mask` is removed. No prompt. BFL also takes URLs
 * for `image` and `mask`; the proxy takes base64 only (it never fetches a client's URL).
 * `output_format`'s default is *unconfirmed* (the docs' example sends png): png here, and the
 * proxy always sends it upstream explicitly, so the upstream default never matters.
 */
export function eraseRequestSchemaFor(safety: ParamRange = TOOL_SAFETY_RANGE) {
  return z
    .object({
      image: base64Image,
      mask: base64Image,
      dilate_pixels: intRange(DILATE_PIXELS_RANGE),
      ...toolFields(safety),
    })
    .strict();
}
export const eraseRequestSchema = eraseRequestSchemaFor();
export type EraseRequestBody = z.input<typeof eraseRequestSchema>;
export type EraseRequest = z.output<typeof eraseRequestSchema>;

/**
 * `POST /v1/flux-tools/outpainting-v1`: `input_image` is placed on a `width`×`height` canvas with
 * its top-left corner at the offsets (negative allowed; absent or null = centred, rounded down
 * here: BFL's rounding is *unconfirmed*). A placement that runs off the canvas is a 422 unless
 * `auto_crop`. `seed` is named by the issue but not by BFL's reference (*unconfirmed*): accepted
 * and forwarded only when set. The maximum canvas is per provider (`maxOutpaintPixels`).
 */
export function outpaintRequestSchemaFor(safety: ParamRange = TOOL_SAFETY_RANGE) {
  return z
    .object({
      input_image: base64Image,
      width: z.number().int().min(OUTPAINT_MIN_SIDE),
      height: z.number().int().min(OUTPAINT_MIN_SIDE),
      reference_offset_x: z.number().int().nullish(),
      reference_offset_y: z.number().int().nullish(),
      auto_crop: z.boolean().default(false),
      prompt: z
        .string()
        .max(MAX_PROMPT_LENGTH, `prompt is longer than ${MAX_PROMPT_LENGTH} characters`)
        .nullish(),
      mode: z.enum(OUTPAINT_MODES).nullish(),
      ...toolFields(safety),
    })
    .strict();
}
export const outpaintRequestSchema = outpaintRequestSchemaFor();
export type OutpaintRequestBody = z.input<typeof outpaintRequestSchema>;
export type OutpaintRequest = z.output<typeof outpaintRequestSchema>;

/**
 * What the designer asks for, and the endpoint each goes to on every provider: Remove (erase),
 * Replace (fill with a prompt), Extend (outpainting). Fill and expand stay for existing clients
 * and as the SPA's fallbacks.
 */
export const TASK_IDS = ["erase", "fill", "outpaint"] as const;
export type TaskId = (typeof TASK_IDS)[number];
export const TASK_ROUTES: Readonly<Record<TaskId, string>> = {
  erase: ERASE_ROUTE,
  fill: FILL_ROUTE,
  outpaint: OUTPAINT_ROUTE,
};
export const TASK_LABELS: Readonly<Record<TaskId, string>> = {
  erase: "Remove",
  fill: "Replace",
  outpaint: "Extend",
};

/**
 * Fillpaint-only header: `x-fillpaint-composite: 1` composites the provider's result into the
 * original at full resolution: provider pixels only inside the (dilated) mask, a soft seam with
 * the colour matched in the seam band, every other pixel exactly the input's (bit-identical in
 * PNG), a result of another size resized first, and the source's colour profile kept. Without
 * it, the provider's raw output is served, as BFL would send it.
 */
export const COMPOSITE_HEADER = "x-fillpaint-composite";

export const submitResponseSchema = z.object({
  id: z.string(),
  polling_url: z.string().url(),
  cost: z.number().nullish(),
  input_mp: z.number().nullish(),
  output_mp: z.number().nullish(),
});
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

/** BFL's status words. Anything else an upstream says is treated as a failure. */
export const JOB_STATUSES = [
  "Task not found",
  "Pending",
  "Request Moderated",
  "Content Moderated",
  "Ready",
  "Error",
  "Cancelled",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set([
  "Task not found",
  "Request Moderated",
  "Content Moderated",
  "Ready",
  "Error",
  "Cancelled",
]);

export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.has(status as JobStatus) || !JOB_STATUSES.includes(status as JobStatus);
}

/**
 * Fillpaint's own status word for a job its client cancelled. BFL documents no cancel, so this
 * never comes from upstream; BFL clients that do not know it treat it as a failure, as they
 * should any status they do not know.
 */
export const CANCELLED_STATUS = "Cancelled" satisfies JobStatus;

/**
 * Fillpaint extension (BFL has no cancel): `DELETE /v1/jobs/:id` stops a pending job. It answers
 * 200 with the job in `get_result`'s shape (status `Cancelled`), 404 for an unknown id, 403 for
 * another client's job and 409 when the job has already finished; errors are `{detail}`.
 */
export const CANCEL_JOB_ROUTE = "/v1/jobs/:id";
export function cancelJobPath(id: string): string {
  return `/v1/jobs/${encodeURIComponent(id)}`;
}

/** The `{detail}` body of a refused cancel, with the job's status when it had already ended. */
export const cancelRefusalSchema = z.object({
  detail: z.string(),
  status: z.string().optional(),
});
export type CancelRefusal = z.infer<typeof cancelRefusalSchema>;

export const resultSampleSchema = z.object({
  sample: z.string().url(),
  prompt: z.string(),
  seed: z.number().int().nullable(),
  start_time: z.number().nullable(),
  end_time: z.number().nullable(),
  duration: z.number().nullable(),
});
export type ResultSample = z.infer<typeof resultSampleSchema>;

export const resultResponseSchema = z.object({
  id: z.string(),
  // Upstreams may invent statuses (BFL's samples mention `Failed`); keep them readable.
  status: z.string(),
  result: resultSampleSchema.nullable(),
  progress: z.number().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  preview: z.unknown().nullable(),
});
export type ResultResponse = z.infer<typeof resultResponseSchema>;

/**
 * How the proxy reads an upstream's `get_result`: only what it needs (`id`, `status`, and
 * `result.sample` once Ready). Every other field may be missing, null or new: the tools'
 * answers are not guaranteed to carry `details`, `preview` or `progress`.
 */
export const upstreamResultSchema = z.looseObject({
  id: z.string().nullish(),
  status: z.string(),
  result: z
    .looseObject({
      sample: z.string().url(),
      seed: z.number().int().nullish().catch(null),
    })
    .nullish()
    .catch(null),
  progress: z.number().nullish().catch(null),
  details: z.record(z.string(), z.unknown()).nullish().catch(null),
});
export type UpstreamResult = z.infer<typeof upstreamResultSchema>;

export const validationErrorSchema = z.object({
  detail: z.array(
    z.object({
      loc: z.array(z.union([z.string(), z.number()])),
      msg: z.string(),
      type: z.string(),
    }),
  ),
});
export type ValidationError = z.infer<typeof validationErrorSchema>;

export const PROVIDER_IDS = ["local", "bfl", "apiframe"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const providerInfoSchema = z.object({
  id: z.enum(PROVIDER_IDS),
  label: z.string(),
  /** False for the local engine: it fills from the surroundings and ignores the prompt. */
  readsPrompt: z.boolean(),
  /** Whether `POST /v1/flux-pro-1.0-expand` (outpaint by pixels per side) works with it. */
  supportsExpand: z.boolean(),
  /** Presets this provider outpaints with (apiframe); empty when it takes pixels per side. */
  outpaintPresets: z.array(z.string()),
  /** apiframe needs a prompt of at least one character; BFL and local accept an empty one. */
  minPromptLength: z.number(),
  ranges: z.object({
    steps: z.object({ min: z.number(), max: z.number(), default: z.number() }),
    guidance: z.object({ min: z.number(), max: z.number(), default: z.number() }),
    safety_tolerance: z.object({ min: z.number(), max: z.number(), default: z.number() }),
  }),
  /**
   * Tasks (`TASK_IDS`) its endpoints accept. This and the next two are optional only so that
   * answers from an older proxy still parse: absent means "fill only, nothing native".
   */
  tasks: z.array(z.enum(TASK_IDS)).optional(),
  /**
   * Tasks it does with a tool made for them; the others are mapped onto its fill (apiframe's
   * erase is a fill with a neutral prompt; its outpainting a preset or a padded inpaint).
   */
  nativeTasks: z.array(z.enum(TASK_IDS)).optional(),
  /** Whether it takes `EXCLUDE_MASK_FIELD` (the local engine); absent means no. */
  excludesSources: z.boolean().optional(),
  /** Largest outpainting canvas in pixels (BFL's tool: 4 MP; the others: `maxImagePixels`). */
  maxOutpaintPixels: z.number().optional(),
  outputFormats: z.array(z.enum(OUTPUT_FORMATS)),
  maxPromptLength: z.number(),
  maxImagePixels: z.number(),
  /** Why this provider refuses every job as configured (apiframe without PUBLIC_BASE_URL). */
  unavailableReason: z.string().nullable(),
});
export type ProviderInfo = z.infer<typeof providerInfoSchema>;

export const configResponseSchema = z.object({
  defaultProvider: z.enum(PROVIDER_IDS),
  providers: z.array(providerInfoSchema),
});
export type ConfigResponse = z.infer<typeof configResponseSchema>;

// ---- Review links (issue 16): a run's snapshot shared with people outside the editor ----

export const SHARES_ROUTE = "/api/shares";
/** What a reviewer's page calls, under the link's token. */
export const reviewApiPath = (token: string) => `/api/review/${token}`;
/** The designer's secret for one share: revoke it and read its feedback. */
export const SHARE_OWNER_HEADER = "x-fillpaint-share-owner";
export const MAX_SHARE_VARIANTS = 8;
export const MAX_SHARE_CAPTION = 300;
export const MAX_FEEDBACK_COMMENT = 500;
export const MAX_FEEDBACK_NAME = 60;
/** 256 bits in base64url: 43 characters. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const shareCreateSchema = z.strictObject({
  /** The "before": the source, or for an outpaint the placed original on the new canvas. */
  before: z.string().min(1),
  variants: z
    .array(z.strictObject({ index: z.number().int().min(0).max(99), image: z.string().min(1) }))
    .min(1)
    .max(MAX_SHARE_VARIANTS),
  /** The mask's border as a transparent PNG, or null. */
  outline: z.string().min(1).nullable(),
  prompt: z.string().max(MAX_PROMPT_LENGTH),
  /** How the run's task reads for people ("Replace", "Extend to 16:9 …"). */
  task: z.string().max(MAX_SHARE_CAPTION),
});
export type ShareCreateBody = z.input<typeof shareCreateSchema>;

export const shareCreatedSchema = z.object({
  id: z.string(),
  /** `/r/<token>`, absolute when PUBLIC_BASE_URL is set. */
  url: z.string(),
  ownerSecret: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type ShareCreated = z.infer<typeof shareCreatedSchema>;

/** What a reviewer's page reads: no ids, no other shares, image URLs under the same token. */
export const shareViewSchema = z.object({
  prompt: z.string(),
  task: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  width: z.number(),
  height: z.number(),
  before: z.string(),
  outline: z.string().nullable(),
  variants: z.array(z.object({ index: z.number(), url: z.string() })),
});
export type ShareView = z.infer<typeof shareViewSchema>;

export const feedbackCreateSchema = z.strictObject({
  /** The favourite variant's index, or null for a comment without a pick. */
  pick: z.number().int().min(0).max(99).nullable(),
  comment: z.string().trim().max(MAX_FEEDBACK_COMMENT),
  name: z.string().trim().max(MAX_FEEDBACK_NAME).default(""),
});
export type FeedbackCreateBody = z.input<typeof feedbackCreateSchema>;

export const feedbackSchema = z.object({
  id: z.number(),
  pick: z.number().nullable(),
  comment: z.string(),
  name: z.string(),
  createdAt: z.number(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const SHARE_STATES = ["live", "revoked", "expired"] as const;
/** The designer's view of one share: whether the link still works, and what reviewers said. */
export const shareFeedbackResponseSchema = z.object({
  state: z.enum(SHARE_STATES),
  feedback: z.array(feedbackSchema),
});
export type ShareFeedbackResponse = z.infer<typeof shareFeedbackResponseSchema>;
