import { describe, expect, it } from "vitest";
import { configFromEnv } from "./config";

const S3 = {
  S3_ENDPOINT: "http://127.0.0.1:9000",
  S3_BUCKET: "fillpaint",
  S3_ACCESS_KEY_ID: "id",
  S3_SECRET_ACCESS_KEY: "secret",
  S3_FORCE_PATH_STYLE: "true",
};

describe("configFromEnv: scaling settings", () => {
  it("keeps SQLite and files when nothing is set", () => {
    const config = configFromEnv({});
    expect(config.database).toBeNull();
    expect(config.s3).toBeNull();
    expect(config.fillWorkers).toBeGreaterThanOrEqual(1);
  });

  it("reads Postgres and S3", () => {
    const config = configFromEnv({
      DATABASE_URL: "postgres://fill@db:5432/fill",
      DATABASE_SCHEMA: "fillpaint",
      FILL_WORKERS: "0",
      ...S3,
    });
    expect(config.database).toEqual({ url: "postgres://fill@db:5432/fill", schema: "fillpaint" });
    expect(config.fillWorkers).toBe(0);
    expect(config.s3).toMatchObject({ bucket: "fillpaint", forcePathStyle: true });
    expect(config.s3?.presignInputs).toBe(false);
    expect(config.upstreamLeases).toEqual({ leaseMs: 30_000, checkEveryMs: 5_000 });
  });

  it("names what is wrong", () => {
    expect(() => configFromEnv({ DATABASE_URL: "mysql://db/fill" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
    expect(() => configFromEnv({ FILL_WORKERS: "0" })).toThrow(/FILL_WORKERS=0 needs DATABASE_URL/);
    expect(() => configFromEnv({ S3_BUCKET: "fillpaint" })).toThrow(
      /S3 storage needs S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY as well/,
    );
    expect(() => configFromEnv({ S3_PRESIGN_INPUTS: "true" })).toThrow(
      /S3_PRESIGN_INPUTS needs S3 storage/,
    );
    expect(() =>
      configFromEnv({ DATABASE_URL: "postgres://db/x", DATABASE_SCHEMA: "Bad-Name" }),
    ).toThrow(/DATABASE_SCHEMA: must be a lower-case SQL identifier/);
    expect(() =>
      configFromEnv({ UPSTREAM_LEASE_SECONDS: "10", UPSTREAM_ADOPT_SECONDS: "6" }),
    ).toThrow(/UPSTREAM_ADOPT_SECONDS must be at most half of UPSTREAM_LEASE_SECONDS/);
  });
});
