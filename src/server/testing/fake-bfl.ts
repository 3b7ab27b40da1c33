import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import sharp, { type Metadata } from "sharp";
import { dilateMask } from "../providers/job-geometry";
import { readBody, serveOnHosts } from "./loopback-hosts";

/**
 * A stand-in for Black Forest Labs that follows its documented contract over real HTTP:
 * submit on the API host (`flux-pro-1.0-fill`, `-expand`, `flux-tools/erase-v1` and
 * `flux-tools/outpainting-v1`), `polling_url` on another host (a regional cluster), `Pending`
 * with a progress fraction, then `Ready` with a signed sample link on a third (delivery) host
 * that expires. Three loopback addresses play the three hosts. The sample is the input as a
 * diffusion model returns it: the masked (or new) area painted over, and optionally every pixel
 * drifted and the size rounded to 32. Faults are injected through the options, which tests may
 * change while it runs, or per prompt through `forPrompt` (the end-to-end tests, where the
 * browser writes the prompt).
 */
export interface FakeBflOptions {
  apiKey: string;
  /**
   * More keys of the same account (any of them polls any task), so a test can give each proxy
   * replica its own and tell from `requests` which one polled.
   */
  otherKeys?: string[];
  /** Polls answered Pending before Ready. */
  pendingPolls?: number;
  /** How long a delivery link stays valid (BFL: 10 minutes). */
  sampleTtlMs?: number;
  /** Forces the submit answer's HTTP status (402, 422, 429, 500…). */
  submitStatus?: number;
  /**
   * Submits are answered only once this settles (their bodies already read and in `submits`):
   * BFL slow to answer, so a client can give up while the proxy waits.
   */
  submitGate?: Promise<unknown>;
  /** Sent with a forced 429. */
  retryAfter?: string;
  /** Ends the job with this status instead of Ready (e.g. "Content Moderated", "Error"). */
  finalStatus?: string;
  /** The first N polls of each task answer 500 (with the key echoed, to prove redaction). */
  pollFailures?: number;
  /** The first N polls of each task have their connection dropped mid-answer. */
  pollDrops?: number;
  /** Every poll answer is delayed this long. */
  pollDelayMs?: number;
  /** Every sample pixel is this many levels darker than the input (a re-rendered frame). */
  drift?: number;
  /** Samples come back with each side rounded to a multiple of 32, as FLUX renders them. */
  roundTo32?: boolean;
  /** `get_result` answers leave out `details`, `preview` and `progress`, and add a new field. */
  leanAnswers?: boolean;
  /**
   * Options for one task, chosen by its prompt when it is submitted, over the ones above. The
   * whole body comes along for a request without a prompt (erase), picked by its seed say.
   */
  forPrompt?: (prompt: string, body: Record<string, unknown>) => PromptOptions;
}

/** The colour a fake sample paints where it generates. */
export const FAKE_FILL_COLOUR = { r: 0x33, g: 0x66, b: 0xcc };

export type PromptOptions = Omit<FakeBflOptions, "apiKey" | "otherKeys" | "forPrompt">;

interface FakeTask {
  polls: number;
  prompt: string;
  own: PromptOptions;
  /** Renders the sample (with the options in force when it is downloaded). */
  render: (now: PromptOptions) => Promise<{ bytes: Buffer; type: string }>;
}

export interface FakeBfl {
  apiBase: string;
  hosts: string[];
  options: FakeBflOptions;
  /** Every request's method, host, path and x-key, for assertions. */
  requests: { method: string; host: string; path: string; key: string | undefined }[];
  /**
   * Submitted bodies without their images, for assertions on forwarded parameters; a refused
   * one carries the status it was refused with as `refused`.
   */
  submits: Record<string, unknown>[];
  /** What each accepted submit's image was: its size, EXIF orientation and whether it had a profile. */
  inputs: { width: number; height: number; orientation: number; hasIcc: boolean }[];
  close(): Promise<void>;
}

export async function startFakeBfl(options: FakeBflOptions): Promise<FakeBfl> {
  const tasks = new Map<string, FakeTask>();
  const requests: FakeBfl["requests"] = [];
  const submits: FakeBfl["submits"] = [];
  const inputs: FakeBfl["inputs"] = [];
  const origins: string[] = [];
  const known = (key: string | undefined) =>
    key !== undefined && (key === options.apiKey || (options.otherKeys ?? []).includes(key));

  const handle = async (req: IncomingMessage, res: ServerResponse, role: number) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const key = req.headers["x-key"] as string | undefined;
    requests.push({
      method: req.method ?? "",
      host: req.headers.host ?? "",
      path: url.pathname,
      key,
    });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const submit = SUBMIT_PATH.exec(url.pathname);
    if (role === 0 && req.method === "POST" && submit) {
      if (!known(key)) return json(403, { detail: "Not authenticated" });
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      const { image, mask, input_image, ...rest } = body;
      const seen: Record<string, unknown> = {
        path: url.pathname,
        hasMask: Boolean(mask),
        hasImage: Boolean(image ?? input_image),
        ...rest,
      };
      submits.push(seen);
      await options.submitGate;
      const own = options.forPrompt?.(String(body.prompt ?? ""), body) ?? {};
      const submitStatus = own.submitStatus ?? options.submitStatus;
      if (submitStatus) seen.refused = submitStatus;
      if (submitStatus === 422) {
        return json(422, {
          detail: [{ loc: ["body", "prompt"], msg: "refused by fake", type: "value_error" }],
        });
      }
      if (submitStatus) {
        const retryAfter = own.retryAfter ?? options.retryAfter;
        const headers: Record<string, string> = retryAfter ? { "retry-after": retryAfter } : {};
        return json(submitStatus, { detail: "refused by fake" }, headers);
      }
      const planned = await planSample(submit[1] as Endpoint, body);
      if ("refusal" in planned) {
        seen.refused = 422;
        return json(422, { detail: [planned.refusal] });
      }
      const { meta } = planned;
      inputs.push({
        width: meta.width ?? 0,
        height: meta.height ?? 0,
        orientation: meta.orientation ?? 1,
        hasIcc: Boolean(meta.icc),
      });
      const id = randomUUID();
      tasks.set(id, { polls: 0, prompt: String(body.prompt ?? ""), own, render: planned.render });
      return json(200, { id, polling_url: `${origins[1]}/v1/get_result?id=${id}` });
    }
    if (role === 1 && url.pathname === "/v1/get_result") {
      if (!known(key)) return json(403, { detail: "Not authenticated" });
      const id = url.searchParams.get("id") ?? "";
      const task = tasks.get(id);
      const now = { ...options, ...task?.own };
      // BFL's newer answers may leave out the nullable fields and add new ones.
      const base = now.leanAnswers
        ? { id, result: null, queue_position: null }
        : { id, result: null, details: null, preview: null };
      const progressOf = (value: number | null) => (now.leanAnswers ? {} : { progress: value });
      if (!task) return json(200, { ...base, status: "Task not found", ...progressOf(null) });
      task.polls += 1;
      if (now.pollDelayMs) await new Promise((r) => setTimeout(r, now.pollDelayMs));
      if (task.polls <= (now.pollDrops ?? 0)) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"id":"');
        res.socket?.destroy();
        return;
      }
      const failures = now.pollFailures ?? 0;
      if (task.polls <= failures) {
        return json(500, { detail: `internal error for key ${key}` });
      }
      const pending = (now.pendingPolls ?? 2) + failures + (now.pollDrops ?? 0);
      if (task.polls <= pending) {
        return json(200, { ...base, status: "Pending", ...progressOf(task.polls / (pending + 1)) });
      }
      if (now.finalStatus) {
        return json(200, {
          ...base,
          status: now.finalStatus,
          ...progressOf(null),
          details: { reason: "fake" },
        });
      }
      const expires = Date.now() + (now.sampleTtlMs ?? 10 * 60_000);
      return json(200, {
        ...base,
        status: "Ready",
        ...progressOf(null),
        result: {
          sample: `${origins[2]}/samples/${id}/sample.png?se=${expires}`,
          prompt: task.prompt,
          seed: 42,
          start_time: Date.now() / 1000 - 1,
          end_time: Date.now() / 1000,
          duration: 1,
        },
      });
    }
    const sample = /^\/samples\/([^/]+)\/sample\.png$/.exec(url.pathname);
    if (role === 2 && sample) {
      const task = tasks.get(sample[1] ?? "");
      if (!task || Number(url.searchParams.get("se")) <= Date.now()) {
        res.writeHead(403, { "content-type": "application/xml" });
        return res.end("<Error><Code>AuthenticationFailed</Code></Error>");
      }
      const rendered = await task.render({ ...options, ...task.own });
      res.writeHead(200, { "content-type": rendered.type });
      return res.end(rendered.bytes);
    }
    json(404, { detail: "Not Found" });
  };

  const close = await serveOnHosts(["127.0.0.1", "127.0.0.2", "127.0.0.3"], handle, origins);

  return {
    apiBase: origins[0]!,
    hosts: ["127.0.0.2", "127.0.0.3"],
    options,
    requests,
    submits,
    inputs,
    close,
  };
}

type Endpoint =
  | "flux-pro-1.0-fill"
  | "flux-pro-1.0-expand"
  | "flux-tools/erase-v1"
  | "flux-tools/outpainting-v1";
const SUBMIT_PATH =
  /^\/v1\/(flux-pro-1\.0-fill|flux-pro-1\.0-expand|flux-tools\/erase-v1|flux-tools\/outpainting-v1)$/;

type Refusal = { loc: (string | number)[]; msg: string; type: string };
type Planned = { render: FakeTask["render"]; meta: Metadata } | { refusal: Refusal };

const refuse = (field: string, msg: string): Planned => ({
  refusal: { loc: ["body", field], msg, type: "value_error" },
});

/**
 * Checks a submit against the endpoint's documented contract and plans its sample: where the
 * input lands on the output canvas and which of the canvas's pixels the "model" paints.
 */
async function planSample(endpoint: Endpoint, body: Record<string, unknown>): Promise<Planned> {
  const imageField = endpoint === "flux-tools/outpainting-v1" ? "input_image" : "image";
  const encoded = body[imageField];
  if (typeof encoded !== "string" || !encoded) return refuse(imageField, "Field required");
  const input = Buffer.from(encoded, "base64");
  const meta = await sharp(input).metadata();
  const width = meta.width ?? 1;
  const height = meta.height ?? 1;
  const format = endpoint.startsWith("flux-tools/") ? String(body.output_format ?? "png") : "png";
  const tolerance = Number(body.safety_tolerance ?? 2);
  if (endpoint.startsWith("flux-tools/") && !(tolerance >= 0 && tolerance <= 5)) {
    return refuse("safety_tolerance", "Input should be less than or equal to 5");
  }
  switch (endpoint) {
    case "flux-pro-1.0-fill":
    case "flux-tools/erase-v1": {
      const mask = typeof body.mask === "string" ? Buffer.from(body.mask, "base64") : null;
      let dilate = 0;
      if (endpoint === "flux-tools/erase-v1") {
        if (!mask) return refuse("mask", "Field required");
        dilate = Number(body.dilate_pixels ?? 10);
        if (!(dilate >= 0 && dilate <= 25)) return refuse("dilate_pixels", "must be 0-25");
        if ("prompt" in body) return refuse("prompt", "Extra inputs are not permitted");
      }
      const sample = { width, height, x: 0, y: 0 };
      return {
        // Decoded when the sample is downloaded, so a submit answers as fast as BFL's does.
        render: async (now) => {
          const gray = mask
            ? await sharp(mask).greyscale().raw().toBuffer()
            : await sharp(input).ensureAlpha().extractChannel(3).negate().raw().toBuffer();
          const painted = new Uint8Array(gray.length);
          for (let i = 0; i < gray.length; i++) painted[i] = gray[i]! >= 128 ? 1 : 0;
          // Erase grows the mask before removing, as BFL documents for `dilate_pixels`.
          const grown = dilateMask(painted, { width, height }, dilate);
          return renderSample(input, sample, (i) => grown[i] === 1, now, format);
        },
        meta,
      };
    }
    case "flux-pro-1.0-expand": {
      const side = (name: string) => Number(body[name] ?? 0);
      const canvas = {
        width: width + side("left") + side("right"),
        height: height + side("top") + side("bottom"),
        x: side("left"),
        y: side("top"),
      };
      return { render: (now) => renderSample(input, canvas, undefined, now, format), meta };
    }
    case "flux-tools/outpainting-v1": {
      const w = Number(body.width);
      const h = Number(body.height);
      if (!(w >= 64)) return refuse("width", "Input should be greater than or equal to 64");
      if (!(h >= 64)) return refuse("height", "Input should be greater than or equal to 64");
      if (w * h > 4 * 1024 * 1024) return refuse("width", "width × height must not exceed 4 MP");
      const x = body.reference_offset_x ?? Math.floor((w - width) / 2);
      const y = body.reference_offset_y ?? Math.floor((h - height) / 2);
      const inside =
        Number(x) >= 0 && Number(y) >= 0 && Number(x) + width <= w && Number(y) + height <= h;
      if (!inside && body.auto_crop !== true) {
        return refuse("reference_offset_x", "the reference image extends beyond the canvas");
      }
      const canvas = { width: w, height: h, x: Number(x), y: Number(y) };
      return { render: (now) => renderSample(input, canvas, undefined, now, format), meta };
    }
  }
}

/**
 * The input on a canvas filled with the fill colour, the painted pixels (`paint(i)`, image
 * pixel index) coloured too, every pixel drifted, the size rounded to 32 if asked, encoded as
 * asked. Cropping at the canvas edges stands in for `auto_crop`.
 */
async function renderSample(
  input: Buffer,
  canvas: { width: number; height: number; x: number; y: number },
  paint: ((i: number) => boolean) | undefined,
  now: PromptOptions,
  format: string,
): Promise<{ bytes: Buffer; type: string }> {
  const { data, info } = await sharp(input)
    .autoOrient()
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(canvas.width * canvas.height * 3);
  const { r, g, b } = FAKE_FILL_COLOUR;
  for (let i = 0; i < out.length; i += 3) {
    out[i] = r;
    out[i + 1] = g;
    out[i + 2] = b;
  }
  for (let y = 0; y < info.height; y++) {
    const cy = y + canvas.y;
    if (cy < 0 || cy >= canvas.height) continue;
    for (let x = 0; x < info.width; x++) {
      const cx = x + canvas.x;
      if (cx < 0 || cx >= canvas.width || paint?.(y * info.width + x)) continue;
      const from = (y * info.width + x) * 3;
      out.set(data.subarray(from, from + 3), (cy * canvas.width + cx) * 3);
    }
  }
  const drift = now.drift ?? 0;
  if (drift) for (let i = 0; i < out.length; i++) out[i] = Math.max(0, out[i]! - drift);
  let image = sharp(out, { raw: { width: canvas.width, height: canvas.height, channels: 3 } });
  if (now.roundTo32) {
    const round = (v: number) => Math.max(32, Math.round(v / 32) * 32);
    image = image.resize(round(canvas.width), round(canvas.height), { fit: "fill" });
  }
  if (format === "jpeg") return { bytes: await image.jpeg().toBuffer(), type: "image/jpeg" };
  if (format === "webp") return { bytes: await image.webp().toBuffer(), type: "image/webp" };
  return { bytes: await image.png().toBuffer(), type: "image/png" };
}
