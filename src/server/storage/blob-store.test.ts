import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestS3, type TestS3 } from "../testing/s3-server";
import type { BlobStore } from "./blob-store";
import { FileBlobStore } from "./file-blob-store";
import { S3BlobStore } from "./s3-blob-store";

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3.close());

function s3Store(presignInputs: boolean) {
  return new S3BlobStore({
    endpoint: s3.env.S3_ENDPOINT,
    bucket: s3.env.S3_BUCKET ?? "",
    region: "us-east-1",
    accessKeyId: s3.env.S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY ?? "",
    forcePathStyle: true,
    presignInputs,
  });
}

describe.each([
  ["files", () => new FileBlobStore(mkdtempSync(join(tmpdir(), "fillpaint-blobs-")))],
  ["S3 (s3rver)", () => s3Store(false)],
])("the %s blob store", (_name, open: () => BlobStore) => {
  it("writes, overwrites, reads and deletes by key; a missing key is null", async () => {
    const store = open();
    expect(await store.get("results/none.png")).toBeNull();
    await store.put("results/a.png", new Uint8Array([1, 2, 3]));
    await store.put("results/a.png", new Uint8Array([4, 5]));
    expect([...((await store.get("results/a.png")) ?? [])]).toEqual([4, 5]);
    await store.delete("results/a.png");
    await store.delete("results/a.png");
    expect(await store.get("results/a.png")).toBeNull();
    expect(await store.publicUrl("results/a.png", 60_000)).toBeNull();
  });
});

describe("presigned input URLs", () => {
  it("are handed out only with S3_PRESIGN_INPUTS, and fetch the bytes without credentials", async () => {
    const store = s3Store(true);
    await store.put("inputs/x.png", new Uint8Array([7, 7, 7]));
    const url = await store.publicUrl("inputs/x.png", 60_000);
    expect(url).toMatch(/X-Amz-Signature=/);
    const answer = await fetch(url ?? "");
    expect(answer.status).toBe(200);
    expect([...new Uint8Array(await answer.arrayBuffer())]).toEqual([7, 7, 7]);
    expect(await store.publicUrl("inputs/x.png", 0)).toBeNull();
  });
});
