import type { ProxyConfig } from "../config";
import { PostgresShareRepository } from "../shares/postgres-share-repository";
import type { ShareRepository } from "../shares/share-repository";
import { SqliteShareRepository } from "../shares/sqlite-share-repository";
import type { BlobStore } from "./blob-store";
import { FileBlobStore } from "./file-blob-store";
import type { JobRepository } from "./job-repository";
import { PostgresJobRepository } from "./postgres-job-repository";
import { S3BlobStore } from "./s3-blob-store";
import { SqliteJobRepository } from "./sqlite-job-repository";

export interface Storage {
  repository: JobRepository;
  /** Review links, in the same database as the jobs. */
  shares: ShareRepository;
  blobs: BlobStore;
  close(): Promise<void>;
}

/** SQLite and files under DATA_DIR unless DATABASE_URL / S3_* say otherwise. */
export async function openStorage(
  config: Pick<ProxyConfig, "dataDir" | "database" | "s3">,
): Promise<Storage> {
  const postgres = config.database
    ? await PostgresJobRepository.open(config.database.url, config.database.schema)
    : null;
  const repository = postgres ?? new SqliteJobRepository(config.dataDir);
  const shares = postgres
    ? new PostgresShareRepository(postgres.pool)
    : new SqliteShareRepository(config.dataDir);
  const s3 = config.s3 ? new S3BlobStore(config.s3) : null;
  return {
    repository,
    shares,
    blobs: s3 ?? new FileBlobStore(config.dataDir),
    close: async () => {
      s3?.close();
      await shares.close();
      await repository.close();
    },
  };
}
