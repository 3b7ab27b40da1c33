import { type Context, Hono } from "hono";
import type { z } from "zod";
import {
  APIFRAME_OUTPAINT_PRESETS,
  type ApiframeOutpaintPreset,
  COMPOSITE_HEADER,
  ERASE_ROUTE,
  type EraseRequest,
  EXCLUDE_MASK_FIELD,
  EXPAND_ROUTE,
  eraseRequestSchemaFor,
  expandRequestSchemaFor,
  FILL_ROUTE,
  type FillRequest,
  fillRequestSchemaFor,
  OUTPAINT_PRESET_HEADER,
  OUTPAINT_ROUTE,
  type OutpaintRequest,
  outpaintRequestSchemaFor,
  PROVIDER_HEADER,
  PROVIDER_IDS,
  type ProviderId,
  RESIZE_MASK_HEADER,
  type SubmitResponse,
  toolSafetyRange,
} from "../../contract";
import { FieldError } from "../images/field-error";
import { placeOnCanvas } from "../images/outpaint-placement";
import { type ProbedImage, probeBase64Image, resizeMask } from "../images/probe-image";
import type { JobService } from "../jobs/job-service";
import type { RateLimiter } from "../limits/rate-limiter";
import {
  excludesEverything,
  jobGeometry,
  paintedMask,
  placedExclusion,
} from "../providers/job-geometry";
import type { Provider, ProviderJob } from "../providers/provider";
import { UpstreamError } from "../providers/provider";
import { clientId } from "./client-id";
import { validationError, zodDetail } from "./validation";

export interface GenerateRouteDeps {
  jobs: JobService;
  providers: ReadonlyMap<ProviderId, Provider>;
  defaultProvider: ProviderId;
  submitLimiter: RateLimiter;
}

type Kind = ProviderJob["kind"];

/**
 * `POST /v1/flux-pro-1.0-fill`, `-expand`, `/v1/flux-tools/erase-v1` and `-outpainting-v1`:
 * BFL's bodies in, BFL's `{id, polling_url}` out. Every check runs here, before anything is
 * sent upstream (billed).
 */
export function generateRoute(deps: GenerateRouteDeps) {
  const schemas = new Map<string, z.ZodType>();
  const schemaFor = (kind: Kind, provider: Provider) => {
    const key = `${kind}:${provider.info.id}`;
    let schema = schemas.get(key);
    if (!schema) {
      const { ranges, minPromptLength } = provider.info;
      const safety = toolSafetyRange(provider.info);
      schema = {
        fill: () => fillRequestSchemaFor(ranges, minPromptLength),
        expand: () => expandRequestSchemaFor(ranges, minPromptLength),
        erase: () => eraseRequestSchemaFor(safety),
        outpaint: () => outpaintRequestSchemaFor(safety),
      }[kind]();
      schemas.set(key, schema);
    }
    return schema;
  };

  const handle = (kind: Kind) => async (c: Context) => {
    const client = clientId(c);
    try {
      const wait = deps.submitLimiter.take(client);
      if (wait > 0) {
        throw new UpstreamError(429, `Too many submits; try again in ${wait} s.`, String(wait));
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return validationError(c, [
          { loc: ["body"], msg: "body must be JSON", type: "json_invalid" },
        ]);
      }
      const providerId = pickProvider(c.req.header(PROVIDER_HEADER), deps);
      const provider = deps.providers.get(providerId)!;
      const parsed = schemaFor(kind, provider).safeParse(body);
      if (!parsed.success) return validationError(c, zodDetail(parsed.error, "body"));
      const job = await probeExclusion(
        await probeJob(kind, parsed.data, provider, c),
        parsed.data as { [EXCLUDE_MASK_FIELD]?: string | null },
        provider,
        c.req.header(RESIZE_MASK_HEADER),
      );
      const composite = isOn(c.req.header(COMPOSITE_HEADER));
      const record = await deps.jobs.submit(providerId, job, client, { composite });
      if (c.req.raw.signal.aborted) {
        // The client gave up (its Cancel) after sending the whole upload, while the job was
        // being made: nobody will ever learn this id, so the job must not run unseen.
        await deps.jobs.cancel(record.id, client);
      }
      const origin = new URL(c.req.url).origin;
      return c.json({
        id: record.id,
        polling_url: `${origin}/v1/get_result?id=${record.id}`,
      } satisfies SubmitResponse);
    } catch (error) {
      if (error instanceof FieldError) return c.json(error.toBody(), 422);
      if (error instanceof UpstreamError) {
        if (error.retryAfter) c.header("retry-after", error.retryAfter);
        if (error.httpStatus === 422 && Array.isArray(error.detail)) {
          return c.json({ detail: error.detail }, 422);
        }
        const status = error.httpStatus >= 400 && error.httpStatus < 600 ? error.httpStatus : 502;
        return c.json({ detail: error.message }, status as 400);
      }
      throw error;
    }
  };

  return new Hono()
    .post(FILL_ROUTE, handle("fill"))
    .post(EXPAND_ROUTE, handle("expand"))
    .post(ERASE_ROUTE, handle("erase"))
    .post(OUTPAINT_ROUTE, handle("outpaint"));
}

/** Fillpaint's yes/no headers take `1` or `true`. */
function isOn(header: string | undefined): boolean {
  return header === "1" || header === "true";
}

function probeJob(kind: Kind, body: unknown, provider: Provider, c: Context): Promise<ProviderJob> {
  const resize = c.req.header(RESIZE_MASK_HEADER);
  switch (kind) {
    case "fill":
      return probeFill(body as FillRequest, provider, resize);
    case "expand":
      return probeExpand(body as ProviderJob["request"], provider, c);
    case "erase":
      return probeErase(body as EraseRequest, provider, resize);
    case "outpaint":
      return probeOutpaint(body as OutpaintRequest, provider);
  }
}

function pickProvider(requested: string | undefined, deps: GenerateRouteDeps): ProviderId {
  if (!requested) return deps.defaultProvider;
  const known = (PROVIDER_IDS as readonly string[]).includes(requested);
  if (!known || !deps.providers.has(requested as ProviderId)) {
    const available = [...deps.providers.keys()].join(", ");
    throw new FieldError(
      ["header", PROVIDER_HEADER],
      `provider "${requested}" is not available here (available: ${available})`,
    );
  }
  return requested as ProviderId;
}

function refuseWebhook(request: { webhook_url?: string | null }): void {
  if (request.webhook_url) {
    throw new FieldError(
      ["body", "webhook_url"],
      "webhooks are not supported by this proxy; poll polling_url instead",
    );
  }
}

async function probeFill(
  request: FillRequest,
  provider: Provider,
  resizeHeader: string | undefined,
): Promise<ProviderJob> {
  const { image, mask, resized } = await probeMasked(request, provider, resizeHeader);
  if (!mask && !image.hasAlpha) {
    throw new FieldError(
      ["body", "mask"],
      "mask is required unless the image has an alpha channel (transparent = repaint)",
    );
  }
  return refuseEmptyMask({ kind: "fill", request: resized, image, mask });
}

async function probeErase(
  request: EraseRequest,
  provider: Provider,
  resizeHeader: string | undefined,
): Promise<ProviderJob> {
  const { image, mask, resized } = await probeMasked(request, provider, resizeHeader);
  if (!mask) throw new FieldError(["body", "mask"], "mask is required");
  return refuseEmptyMask({ kind: "erase", request: resized, image, mask });
}

/**
 * A mask that marks nothing would come back as the image unchanged, after a paid upstream call
 * or a queue slot: refused up front, as the SPA refuses to send it.
 */
async function refuseEmptyMask<J extends Extract<ProviderJob, { kind: "fill" | "erase" }>>(
  job: J,
): Promise<J> {
  if ((await paintedMask(job)).includes(1)) return job;
  throw new FieldError(
    ["body", "mask"],
    job.mask
      ? "the mask is empty: paint the area to repaint white (pixels of 128 or more)"
      : "the image has no transparent pixels, so nothing is marked to repaint: send a mask",
    "value_error.mask_empty",
  );
}

/**
 * Image and mask (when sent) probed, the mask brought to the image's size when the client asked
 * for that (else a mismatch is a 422), and the request carrying the mask that will be used.
 */
async function probeMasked<R extends { image: string; mask?: string | null }>(
  request: R & { webhook_url?: string | null },
  provider: Provider,
  resizeHeader: string | undefined,
): Promise<{ image: ProbedImage; mask: ProbedImage | null; resized: R }> {
  refuseWebhook(request);
  const limit = provider.info.maxImagePixels;
  const image = await probeBase64Image(request.image, "image", limit);
  if (!request.mask) return { image, mask: null, resized: request };
  const given = await probeBase64Image(request.mask, "mask", limit);
  if (given.width === image.width && given.height === image.height) {
    return { image, mask: given, resized: request };
  }
  if (!isOn(resizeHeader)) {
    throw new FieldError(
      ["body", "mask"],
      `mask is ${given.width}×${given.height} but image is ${image.width}×${image.height}; they must match (or send ${RESIZE_MASK_HEADER}: 1)`,
      "value_error.mask_size",
    );
  }
  const mask = await resizeMask(given, image.width, image.height);
  return { image, mask, resized: { ...request, mask: mask.bytes.toString("base64") } };
}

/**
 * The designer's exclusion from sampling, when sent: taken only by a provider that honours it,
 * at the input image's size (or resized, as the mask is, on request), and refused when it leaves
 * nothing to copy from.
 */
async function probeExclusion(
  job: ProviderJob,
  body: { [EXCLUDE_MASK_FIELD]?: string | null },
  provider: Provider,
  resizeHeader: string | undefined,
): Promise<ProviderJob> {
  const sent = body[EXCLUDE_MASK_FIELD];
  if (!sent) return job;
  const field = ["body", EXCLUDE_MASK_FIELD];
  if (!provider.info.excludesSources) {
    throw new FieldError(
      field,
      `${provider.info.label} cannot keep the fill from copying an area; only the local engine takes ${EXCLUDE_MASK_FIELD}`,
    );
  }
  const { image } = job;
  let exclude = await probeBase64Image(sent, EXCLUDE_MASK_FIELD, provider.info.maxImagePixels);
  if (exclude.width !== image.width || exclude.height !== image.height) {
    if (!isOn(resizeHeader)) {
      throw new FieldError(
        field,
        `${EXCLUDE_MASK_FIELD} is ${exclude.width}×${exclude.height} but the image is ${image.width}×${image.height}; they must match (or send ${RESIZE_MASK_HEADER}: 1)`,
        "value_error.mask_size",
      );
    }
    exclude = await resizeMask(exclude, image.width, image.height);
  }
  const excluded = { ...job, exclude };
  const geometry = await jobGeometry(excluded);
  const placed = await placedExclusion(excluded, geometry);
  if (placed && excludesEverything(geometry.mask, placed)) {
    throw new FieldError(
      field,
      "the exclusion covers every pixel the fill could copy from: leave some of the image to sample",
      "value_error.mask_excludes_everything",
    );
  }
  return excluded;
}

async function probeOutpaint(request: OutpaintRequest, provider: Provider): Promise<ProviderJob> {
  refuseWebhook(request);
  const { maxImagePixels, maxOutpaintPixels = maxImagePixels, label } = provider.info;
  const canvas = request.width * request.height;
  if (canvas > maxOutpaintPixels) {
    throw new FieldError(
      ["body", "width"],
      `the ${request.width}×${request.height} canvas is ${(canvas / 1e6).toFixed(1)} MP; ${label} outpaints at most ${(maxOutpaintPixels / 1e6).toFixed(1)} MP`,
      "value_error.image_size",
    );
  }
  const image = await probeBase64Image(request.input_image, "input_image", maxImagePixels);
  return { kind: "outpaint", request, image, placement: placeOnCanvas(image, request) };
}

async function probeExpand(
  request: ProviderJob["request"],
  provider: Provider,
  c: Context,
): Promise<ProviderJob> {
  const expand = request as Extract<ProviderJob, { kind: "expand" }>["request"];
  refuseWebhook(expand);
  const limit = provider.info.maxImagePixels;
  const image = await probeBase64Image(expand.image, "image", limit);
  let preset: ApiframeOutpaintPreset | null = null;
  if (provider.info.outpaintPresets.length > 0) {
    const named = c.req.header(OUTPAINT_PRESET_HEADER);
    if (!named || !(APIFRAME_OUTPAINT_PRESETS as readonly string[]).includes(named)) {
      throw new FieldError(
        ["header", OUTPAINT_PRESET_HEADER],
        `${provider.info.label} outpaints by preset: send ${OUTPAINT_PRESET_HEADER} with one of ${APIFRAME_OUTPAINT_PRESETS.join(", ")}`,
      );
    }
    preset = named as ApiframeOutpaintPreset;
  } else {
    const width = image.width + expand.left + expand.right;
    const height = image.height + expand.top + expand.bottom;
    if (width * height > limit) {
      throw new FieldError(
        ["body"],
        `the expanded image would be ${width}×${height}, over the ${(limit / 1e6).toFixed(0)} MP limit`,
        "value_error.image_size",
      );
    }
    if (width === image.width && height === image.height) {
      throw new FieldError(["body"], "top, bottom, left and right are all 0: nothing to expand");
    }
  }
  return { kind: "expand", request: expand, image, preset };
}
