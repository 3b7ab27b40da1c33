import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import sharp from "sharp";
import { APIFRAME_OUTPAINT_PRESETS } from "../../contract";
import { readBody, serveOnHosts } from "./loopback-hosts";

/**
 * A stand-in for apiframe following its documented contract over real HTTP: `POST
 * /v2/images/edit` with `X-API-Key` and `{model: "flux-fill-pro", fluxFillParams}` answers
 * `202 {jobId, status: "QUEUED"}`; `GET /v2/jobs/:id` goes QUEUED → PROCESSING (progress 0–100)
 * → COMPLETED with `result` as a URL or `{images: [url]}`. Like the real service it downloads
 * the input image and mask from the URLs it is given. Results come from a second (CDN) host.
 */
export interface FakeApiframeOptions {
  apiKey: string;
  /** Polls answered QUEUED/PROCESSING before COMPLETED. */
  pendingPolls?: number;
  /** "url": `result` is the URL itself; "images": `{images: [url]}`. */
  resultShape?: "url" | "images";
  submitStatus?: number;
  /** Ends the job FAILED with this error instead of COMPLETED. */
  failWith?: string;
  /** The first N polls of each job answer 500. */
  pollFailures?: number;
  /** The first N polls of each job have their connection dropped. */
  pollDrops?: number;
}

interface FakeJob {
  polls: number;
  width: number;
  height: number;
}

export interface FakeApiframe {
  apiBase: string;
  /** The CDN host results are served from. */
  cdnHost: string;
  options: FakeApiframeOptions;
  /** Accepted `fluxFillParams`, plus what the fake found at the input URLs. */
  submits: {
    params: Record<string, unknown>;
    image: { width: number; height: number };
    mask: { width: number; height: number; white: number } | null;
    idempotencyKey: string | undefined;
  }[];
  requests: { method: string; path: string; key: string | undefined }[];
  close(): Promise<void>;
}

export async function startFakeApiframe(options: FakeApiframeOptions): Promise<FakeApiframe> {
  const jobs = new Map<string, FakeJob>();
  const submits: FakeApiframe["submits"] = [];
  const requests: FakeApiframe["requests"] = [];
  const origins: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse, role: number) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const key = req.headers["x-api-key"] as string | undefined;
    requests.push({ method: req.method ?? "", path: url.pathname, key });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (role === 0 && req.method === "POST" && url.pathname === "/v2/images/edit") {
      if (key !== options.apiKey) return json(401, { error: "Invalid API key" });
      if (options.submitStatus) return json(options.submitStatus, { error: "refused by fake" });
      const body = JSON.parse(await readBody(req)) as {
        model?: string;
        fluxFillParams?: Record<string, unknown>;
      };
      const params = body.fluxFillParams ?? {};
      const problem = checkParams(body.model, params);
      if (problem) return json(400, { error: problem });
      const image = await fetchImage(String(params.image));
      if (!image) return json(400, { error: "could not download image" });
      let mask: FakeApiframe["submits"][number]["mask"] = null;
      if (params.mode === "inpaint") {
        const maskImage = await fetchImage(String(params.mask));
        if (!maskImage) return json(400, { error: "could not download mask" });
        const gray = await sharp(maskImage.bytes).greyscale().raw().toBuffer();
        mask = {
          width: maskImage.width,
          height: maskImage.height,
          white: gray.filter((v) => v > 127).length,
        };
      }
      submits.push({
        params,
        image: { width: image.width, height: image.height },
        mask,
        idempotencyKey: req.headers["idempotency-key"] as string | undefined,
      });
      const size =
        params.mode === "outpaint"
          ? outpaintSize(image.width, image.height, String(params.outpaint))
          : image;
      const jobId = randomUUID();
      jobs.set(jobId, { polls: 0, width: size.width, height: size.height });
      return json(202, { jobId, status: "QUEUED" });
    }
    const job = /^\/v2\/jobs\/([^/]+)$/.exec(url.pathname);
    if (role === 0 && req.method === "GET" && job) {
      if (key !== options.apiKey) return json(401, { error: "Invalid API key" });
      const found = jobs.get(job[1] ?? "");
      if (!found) return json(404, { error: "Job not found" });
      found.polls += 1;
      if (found.polls <= (options.pollDrops ?? 0)) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
        res.write('{"id":');
        res.socket?.destroy();
        return;
      }
      const failures = options.pollFailures ?? 0;
      if (found.polls <= (options.pollDrops ?? 0) + failures) {
        return json(500, { error: "internal" });
      }
      const pending = (options.pendingPolls ?? 2) + failures + (options.pollDrops ?? 0);
      const base = { id: job[1], createdAt: new Date().toISOString() };
      if (found.polls <= pending) {
        const status = found.polls === 1 ? "QUEUED" : "PROCESSING";
        return json(200, {
          ...base,
          status,
          progress: Math.round((found.polls / (pending + 1)) * 100),
          result: null,
          error: null,
        });
      }
      if (options.failWith) {
        return json(200, {
          ...base,
          status: "FAILED",
          progress: 100,
          result: null,
          error: options.failWith,
        });
      }
      const link = `${origins[1]}/cdn/${job[1]}.jpg`;
      const result = options.resultShape === "images" ? { images: [link] } : link;
      return json(200, { ...base, status: "COMPLETED", progress: 100, result, error: null });
    }
    const cdn = /^\/cdn\/([^/]+)\.jpg$/.exec(url.pathname);
    if (role === 1 && cdn) {
      const found = jobs.get(cdn[1] ?? "");
      if (!found) return json(404, { error: "not found" });
      const jpeg = await sharp({
        create: { width: found.width, height: found.height, channels: 3, background: "#cc6633" },
      })
        .jpeg()
        .toBuffer();
      // Deliberately a generic type: the proxy must sniff the bytes, not trust the header.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      return res.end(jpeg);
    }
    json(404, { error: "Not Found" });
  };

  const close = await serveOnHosts(["127.0.0.4", "127.0.0.5"], handle, origins);
  return {
    apiBase: origins[0]!,
    cdnHost: "127.0.0.5",
    options,
    submits,
    requests,
    close,
  };
}

/** apiframe's documented ranges; the proxy should never send anything outside them. */
function checkParams(model: unknown, p: Record<string, unknown>): string | null {
  if (model !== "flux-fill-pro") return "model must be flux-fill-pro";
  const prompt = String(p.prompt ?? "");
  if (prompt.length < 1 || prompt.length > 2000) return "prompt must be 1-2000 characters";
  if (typeof p.image !== "string" || !/^https?:\/\//.test(p.image)) return "image must be a URL";
  if (p.mode !== "inpaint" && p.mode !== "outpaint") return "mode must be inpaint or outpaint";
  if (p.mode === "inpaint" && typeof p.mask !== "string") return "mask URL required for inpaint";
  if (
    p.mode === "outpaint" &&
    !(APIFRAME_OUTPAINT_PRESETS as readonly unknown[]).includes(p.outpaint)
  ) {
    return "outpaint preset required";
  }
  const inRange = (v: unknown, min: number, max: number) =>
    v === undefined || (typeof v === "number" && v >= min && v <= max);
  if (!inRange(p.steps, 1, 50)) return "steps must be 1-50";
  if (!inRange(p.guidance, 2, 5)) return "guidance must be 2-5";
  if (!inRange(p.safety_tolerance, 1, 6)) return "safety_tolerance must be 1-6";
  if (p.output_format !== undefined && p.output_format !== "jpg" && p.output_format !== "png") {
    return "output_format must be jpg or png";
  }
  return null;
}

async function fetchImage(url: string) {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    return { bytes, width: meta.width ?? 0, height: meta.height ?? 0 };
  } catch {
    return null;
  }
}

function outpaintSize(width: number, height: number, preset: string) {
  switch (preset) {
    case "Zoom out 2x":
      return { width: width * 2, height: height * 2 };
    case "Zoom out 1.5x":
      return { width: Math.round(width * 1.5), height: Math.round(height * 1.5) };
    case "Make square":
      return { width: Math.max(width, height), height: Math.max(width, height) };
    case "Left outpaint":
    case "Right outpaint":
      return { width: Math.round(width * 1.5), height };
    default:
      return { width, height: Math.round(height * 1.5) };
  }
}
