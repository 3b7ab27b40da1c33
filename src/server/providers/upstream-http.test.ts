import { describe, expect, it } from "vitest";
import { assertAllowedUrl, hostAllowed, redact, sniffImage } from "./upstream-http";

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
