import { describe, expect, it } from "vitest";
import { reusableLink } from "./reusable-link";
import type { SharedLink } from "./share-db";

const NOW = Date.UTC(2026, 10, 30);

const link = (id: string, more: Partial<SharedLink> = {}): SharedLink => ({
  id,
  runId: "run",
  url: `http://127.0.0.1/r/${id}`,
  ownerSecret: "secret",
  createdAt: NOW - 1000,
  expiresAt: NOW + 1000,
  revokedAt: null,
  variants: [0, 1],
  ...more,
});

describe("reusableLink", () => {
  it("gives back the live link showing the same variants, the newest of them", () => {
    const links = [link("a"), link("b"), link("c", { variants: [0] })];
    expect(reusableLink(links, [0, 1], NOW)?.id).toBe("b");
    expect(reusableLink(links, [0], NOW)?.id).toBe("c");
  });

  it("makes a new one once more variants finished", () => {
    expect(reusableLink([link("a", { variants: [0] })], [0, 1], NOW)).toBeUndefined();
    expect(reusableLink([link("a", { variants: [0, 2] })], [0, 1], NOW)).toBeUndefined();
  });

  it("never gives back a revoked or expired link", () => {
    expect(reusableLink([link("a", { revokedAt: NOW - 1 })], [0, 1], NOW)).toBeUndefined();
    expect(reusableLink([link("a", { expiresAt: NOW })], [0, 1], NOW)).toBeUndefined();
  });

  it("does not guess what a link kept before its variants were recorded shows", () => {
    expect(reusableLink([link("a", { variants: undefined })], [0, 1], NOW)).toBeUndefined();
  });
});
