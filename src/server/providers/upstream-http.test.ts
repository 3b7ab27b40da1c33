import { describe, expect, it } from "vitest";
import {
  assertAllowedUrl,
  hostAllowed,
  type RefusalWording,
  redact,
  refusalBody,
  refusalError,
  sniffImage,
} from "./upstream-http";

describe("upstream URL guard", () => {
  const allowed = ["api.bfl.ai", "*.bfl.ai", "127.0.0.2"];

  it("matches exact hosts and subdomains of wildcard patterns only", () => {
    expect(hostAllowed("api.bfl.ai", allowed)).toBe(true);
    expect(hostAllowed("delivery-eu1.bfl.ai", allowed)).toBe(true);
    expect(hostAllowed("127.0.0.2", allowed)).toBe(true);
    expect(hostAllowed("evilbfl.ai", allowed)).toBe(false);
    expect(hostAllowed("bfl.ai.evil.example", allowed)).toBe(false);
    expect(hostAllowed("169.254.169.254", allowed)).toBe(false);
  });

  it("refuses other schemes, credentials in URLs and unknown hosts", () => {
    expect(() =>
      assertAllowedUrl("https://delivery-us.bfl.ai/x.png", allowed, "BFL"),
    ).not.toThrow();
    for (const url of [
      "file:///etc/passwd",
      "http://169.254.169.254/latest/meta-data",
      "https://user:pw@api.bfl.ai/",
      "not a url",
    ]) {
      expect(() => assertAllowedUrl(url, allowed, "BFL"), url).toThrow();
    }
  });
});

describe("sniffImage and redact", () => {
  it("identifies PNG and JPEG by their bytes, nothing else", () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe("png");
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImage(new TextEncoder().encode("<html>"))).toBeNull();
  });

  it("replaces every occurrence of every secret", () => {
    expect(redact("k1 and k2 and k1", ["k1", "k2", ""])).toBe(
      "[redacted] and [redacted] and [redacted]",
    );
  });
});

describe("refusalError", () => {
  const wording: RefusalWording = {
    who: "Upstream",
    apiKey: "sk-secret",
    messages: { 402: "Upstream: no credits left", 429: "Upstream: slow down" },
    proxyStatus: (status) => (status >= 500 ? 502 : status === 400 ? 422 : status),
  };
  const refused = async (status: number, body: string, headers: Record<string, string> = {}) => {
    const response = new Response(body, { status, headers });
    return refusalError(response, await refusalBody(response), wording);
  };

  it("uses the provider's words for statuses it knows, with a retry hint for 429", async () => {
    const credits = await refused(402, '{"detail":"payment required"}');
    expect([credits.httpStatus, credits.message, credits.retryAfter]).toEqual([
      402,
      "Upstream: no credits left",
      undefined,
    ]);
    expect((await refused(429, "busy")).retryAfter).toBe("5");
    expect((await refused(429, "busy", { "retry-after": "30" })).retryAfter).toBe("30");
  });

  it("maps other statuses and shows the body without the key", async () => {
    const broken = await refused(503, '{"error":"bad key sk-secret"}');
    expect(broken.httpStatus).toBe(502);
    expect(broken.message).toBe('Upstream answered 503: {"error":"bad key [redacted]"}');
    const invalid = await refused(400, "not json");
    expect([invalid.httpStatus, invalid.message]).toEqual([422, "Upstream answered 400"]);
  });
});
