/**
 * `npm run migrate-storage`: moves a single proxy's SQLite data and files to Postgres and S3.
 * Reads the proxy's environment: DATA_DIR (the source), DATABASE_URL and DATABASE_SCHEMA (the
 * target), S3_* (the bucket; without it blobs stay under DATA_DIR). Safe to run again.
 */
import { configFromEnv } from "../src/server/config";
import { migrateStorage, summaryLine } from "../src/server/storage/migrate-storage";

try {
  const summary = await migrateStorage(configFromEnv(process.env));
  console.log(`migrate-storage: ${summaryLine(summary)}`);
} catch (error) {
  console.error(`migrate-storage failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
