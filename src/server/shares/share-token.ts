import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: a link nobody can guess or enumerate. */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Tokens are looked up by their SHA-256. An index lookup on a hash reveals nothing about how
 * close a guess came (the guess's hash shares no prefix with the token's), so answering a wrong
 * token takes the same time whatever it is, and the database never holds a usable link.
 */
export function hashShareSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
