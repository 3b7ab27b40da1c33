import { randomUUID, timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import {
  type feedbackCreateSchema,
  reviewApiPath,
  type ShareCreated,
  type ShareFeedbackResponse,
  type ShareView,
  type shareCreateSchema,
} from "../../contract";
import { FieldError } from "../images/field-error";
import { type ProbedImage, probeBase64Image } from "../images/probe-image";
import { beforeAfterPreview } from "./preview-image";
import type { ShareImageStore } from "./share-image-store";
import type { ShareRecord, ShareRepository } from "./share-repository";
import { hashShareSecret, newShareToken } from "./share-token";

export interface ShareLimits {
  ttlMs: number;
  /** Live shares per client, and the bytes of their images. */
  maxPerClient: number;
  maxBytesPerClient: number;
  maxImagePixels: number;
  maxFeedbackPerShare: number;
}

/** A refusal with its HTTP status and a sentence for people. */
export class ShareRefusal extends Error {
  constructor(
    readonly status: 404 | 429,
    message: string,
  ) {
    super(message);
  }
}

const GONE = "This review link does not exist, has expired or was revoked.";

/**
 * Review links: a run's snapshot stored on the proxy, read by anyone holding the token, revoked
 * and read back (feedback) by the designer holding the owner secret. Time comes from `now` so
 * tests can move the clock past a share's expiry.
 */
export class ShareService {
  constructor(
    private readonly repo: ShareRepository,
    private readonly images: ShareImageStore,
    private readonly limits: ShareLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async create(
    body: z.output<typeof shareCreateSchema>,
    clientId: string,
    linkBase: string,
  ): Promise<ShareCreated> {
    const before = await probe(body.before, ["body", "before"], this.limits.maxImagePixels);
    const variants = await Promise.all(
      body.variants.map(async (v, i) => ({
        index: v.index,
        image: await probe(v.image, ["body", "variants", i, "image"], this.limits.maxImagePixels),
      })),
    );
    if (new Set(variants.map((v) => v.index)).size !== variants.length) {
      throw new FieldError(["body", "variants"], "each variant index may appear once");
    }
    const outline =
      body.outline === null
        ? null
        : await probe(body.outline, ["body", "outline"], this.limits.maxImagePixels);
    const bytes =
      before.bytes.length +
      (outline?.bytes.length ?? 0) +
      variants.reduce((sum, v) => sum + v.image.bytes.length, 0);
    const now = this.now();
    await this.checkQuota(clientId, bytes, now);

    const id = randomUUID();
    const token = newShareToken();
    const ownerSecret = newShareToken();
    const first = variants[0];
    if (!first) throw new FieldError(["body", "variants"], "at least one variant is needed");
    await this.images.save(id, `before.${before.format}`, before.bytes);
    for (const v of variants) {
      await this.images.save(id, `variant-${v.index}.${v.image.format}`, v.image.bytes);
    }
    if (outline) await this.images.save(id, `outline.${outline.format}`, outline.bytes);
    await this.images.save(
      id,
      "preview.jpeg",
      await beforeAfterPreview(before.bytes, first.image.bytes),
    );
    const record: ShareRecord = {
      id,
      tokenHash: hashShareSecret(token),
      ownerHash: hashShareSecret(ownerSecret),
      clientId,
      prompt: body.prompt,
      task: body.task,
      width: before.width,
      height: before.height,
      variants: variants.map((v) => v.index),
      formats: {
        before: before.format,
        outline: outline?.format ?? null,
        variants: variants.map((v) => v.image.format),
      },
      bytes,
      createdAt: now,
      expiresAt: now + this.limits.ttlMs,
      revokedAt: null,
    };
    await this.repo.insert(record);
    return {
      id,
      url: `${linkBase}/r/${token}`,
      ownerSecret,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
    };
  }

  /** The share behind a token, or a 404 refusal when it is unknown, expired or revoked. */
  async open(token: string): Promise<ShareRecord> {
    const share = await this.repo.byTokenHash(hashShareSecret(token));
    if (!share || this.stateOf(share) !== "live") throw new ShareRefusal(404, GONE);
    return share;
  }

  view(share: ShareRecord, token: string): ShareView {
    const base = reviewApiPath(token);
    return {
      prompt: share.prompt,
      task: share.task,
      createdAt: share.createdAt,
      expiresAt: share.expiresAt,
      width: share.width,
      height: share.height,
      before: `${base}/images/before.${share.formats.before}`,
      outline: share.formats.outline ? `${base}/images/outline.${share.formats.outline}` : null,
      variants: share.variants.map((index, i) => ({
        index,
        url: `${base}/images/variant-${index}.${share.formats.variants[i] ?? "png"}`,
      })),
    };
  }

  async image(token: string, name: string) {
    const share = await this.open(token);
    const found = await this.images.read(share.id, name);
    if (!found) throw new ShareRefusal(404, GONE);
    return found;
  }

  async addFeedback(token: string, body: z.output<typeof feedbackCreateSchema>): Promise<void> {
    const share = await this.open(token);
    if (body.pick !== null && !share.variants.includes(body.pick)) {
      throw new FieldError(["body", "pick"], `variant ${body.pick} is not part of this share`);
    }
    if (body.pick === null && body.comment === "") {
      throw new FieldError(["body", "comment"], "pick a variant or write a comment");
    }
    const given = await this.repo.feedback(share.id);
    if (given.length >= this.limits.maxFeedbackPerShare) {
      throw new ShareRefusal(429, "This review link has received all the feedback it can take.");
    }
    await this.repo.addFeedback({
      shareId: share.id,
      pick: body.pick,
      comment: body.comment,
      name: body.name,
      createdAt: this.now(),
    });
  }

  async ownerFeedback(id: string, ownerSecret: string): Promise<ShareFeedbackResponse> {
    const share = await this.owned(id, ownerSecret);
    const feedback = await this.repo.feedback(share.id);
    return {
      state: this.stateOf(share),
      feedback: feedback.map(({ id: fid, pick, comment, name, createdAt }) => ({
        id: fid,
        pick,
        comment,
        name,
        createdAt,
      })),
    };
  }

  /** A link already revoked is a miss like any other: the same 404, not a second success. */
  async revoke(id: string, ownerSecret: string): Promise<void> {
    const share = await this.owned(id, ownerSecret);
    if (!(await this.repo.revoke(share.id, this.now()))) throw new ShareRefusal(404, GONE);
    // The images go at once: a revoked link must not leave the pictures on disk for weeks.
    await this.images.remove(share);
  }

  /** Deletes shares that ended (expired or revoked) before now, with their images. */
  async purgeEnded(): Promise<number> {
    const ended = await this.repo.deleteEndedBefore(this.now());
    for (const share of ended) await this.images.remove(share);
    return ended.length;
  }

  private stateOf(share: ShareRecord): ShareFeedbackResponse["state"] {
    if (share.revokedAt !== null) return "revoked";
    return share.expiresAt <= this.now() ? "expired" : "live";
  }

  private async owned(id: string, ownerSecret: string): Promise<ShareRecord> {
    const share = await this.repo.byId(id);
    const given = Buffer.from(hashShareSecret(ownerSecret), "hex");
    if (!share || !timingSafeEqual(given, Buffer.from(share.ownerHash, "hex"))) {
      throw new ShareRefusal(404, GONE);
    }
    return share;
  }

  private async checkQuota(clientId: string, bytes: number, now: number): Promise<void> {
    const usage = await this.repo.usage(clientId, now);
    if (usage.count >= this.limits.maxPerClient) {
      throw new ShareRefusal(
        429,
        `You already have ${usage.count} live review links (the limit is ${this.limits.maxPerClient}); revoke one first.`,
      );
    }
    if (usage.bytes + bytes > this.limits.maxBytesPerClient) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      throw new ShareRefusal(
        429,
        `Review links may hold ${mb(this.limits.maxBytesPerClient)} MB of images per client; yours hold ${mb(usage.bytes)} MB and this one needs ${mb(bytes)} MB. Revoke one first.`,
      );
    }
  }
}

/** Validates an image like an upload (header only, formats, pixel limit, whole file). */
async function probe(
  base64: string,
  loc: (string | number)[],
  maxPixels: number,
): Promise<ProbedImage> {
  try {
    return await probeBase64Image(base64, "image", maxPixels);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    const name = loc.slice(1).join(".");
    throw new FieldError(loc, error.message.replace(/^image/, name), error.type);
  }
}
