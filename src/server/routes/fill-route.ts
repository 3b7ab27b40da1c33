import { Hono } from "hono";
import {
  type FillRequest,
  fillRequestSchema,
  PROVIDER_HEADER,
  PROVIDER_IDS,
  type ProviderId,
  type SubmitResponse,
} from "../../contract";
import { FieldError } from "../images/field-error";
import { probeBase64Image } from "../images/probe-image";
import type { JobService } from "../jobs/job-service";
import type { FillJob, Provider } from "../providers/provider";
import { UpstreamError } from "../providers/provider";
import { validationError, zodDetail } from "./validation";

export interface FillRouteDeps {
  jobs: JobService;
  providers: ReadonlyMap<ProviderId, Provider>;
  defaultProvider: ProviderId;
}

/** `POST /v1/flux-pro-1.0-fill`: BFL's body in, BFL's `{id, polling_url}` out. */
export function fillRoute(deps: FillRouteDeps) {
  return new Hono().post("/v1/flux-pro-1.0-fill", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return validationError(c, [
        { loc: ["body"], msg: "body must be JSON", type: "json_invalid" },
      ]);
    }
    const parsed = fillRequestSchema.safeParse(body);
    if (!parsed.success) return validationError(c, zodDetail(parsed.error, "body"));

    try {
      const providerId = pickProvider(c.req.header(PROVIDER_HEADER), deps);
      const provider = deps.providers.get(providerId)!;
      const job = await probeJob(parsed.data, provider);
      const record = await deps.jobs.submit(providerId, job);
      const origin = new URL(c.req.url).origin;
      return c.json({
        id: record.id,
        polling_url: `${origin}/v1/get_result?id=${record.id}`,
      } satisfies SubmitResponse);
    } catch (error) {
      if (error instanceof FieldError) return c.json(error.toBody(), 422);
      if (error instanceof UpstreamError) {
        if (error.retryAfter) c.header("retry-after", error.retryAfter);
        const status = error.httpStatus >= 400 && error.httpStatus < 600 ? error.httpStatus : 502;
        return c.json({ detail: error.message }, status as 400);
      }
      throw error;
    }
  });
}

function pickProvider(requested: string | undefined, deps: FillRouteDeps): ProviderId {
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

async function probeJob(request: FillRequest, provider: Provider): Promise<FillJob> {
  if (request.webhook_url) {
    throw new FieldError(
      ["body", "webhook_url"],
      "webhooks are not supported by this proxy; poll polling_url instead",
    );
  }
  const limit = provider.info.maxImagePixels;
  const image = await probeBase64Image(request.image, "image", limit);
  const mask = request.mask ? await probeBase64Image(request.mask, "mask", limit) : null;
  if (!mask && !image.hasAlpha) {
    throw new FieldError(
      ["body", "mask"],
      "mask is required unless the image has an alpha channel (transparent = repaint)",
    );
  }
  if (mask && (mask.width !== image.width || mask.height !== image.height)) {
    throw new FieldError(
      ["body", "mask"],
      `mask is ${mask.width}×${mask.height} but image is ${image.width}×${image.height}; they must match`,
    );
  }
  return { request, image, mask };
}
