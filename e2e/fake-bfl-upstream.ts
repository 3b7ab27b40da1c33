import { type FakeBfl, type PromptOptions, startFakeBfl } from "../src/server/testing/fake-bfl";
import { freePort, spawnProxy } from "../src/server/testing/proxy-process";

/**
 * The proxy tests' fake Black Forest Labs (real HTTP on loopback, following the documented
 * contract), with outcomes picked by a tag in the prompt, since in these tests the browser
 * writes the request: `[402]`, `[429]` (refused once, then accepted), `[request-moderated]`,
 * `[content-moderated]`, `[error]`, `[not-found]`, `[slow]` (Pending for about 4 s); anything
 * else is Ready after one Pending poll. Erase sends no prompt, so its outcome is picked by the
 * seed the test locks instead (`SEED_TAGS`).
 */
export function startFakeUpstream(apiKey = "fake-key"): Promise<FakeBfl> {
  const refusedOnce = new Set<string>();
  const finalStatuses = {
    "[request-moderated]": "Request Moderated",
    "[content-moderated]": "Content Moderated",
    "[error]": "Error",
    "[not-found]": "Task not found",
  };
  const forPrompt = (text: string, body: Record<string, unknown>): PromptOptions => {
    const prompt = text || (SEED_TAGS[Number(body.seed)] ?? "");
    if (prompt.includes("[402]")) return { submitStatus: 402 };
    if (prompt.includes("[429]") && !refusedOnce.has(prompt)) {
      refusedOnce.add(prompt);
      return { submitStatus: 429 };
    }
    for (const [tag, finalStatus] of Object.entries(finalStatuses)) {
      if (prompt.includes(tag)) return { finalStatus };
    }
    // The proxy polls BFL every 500 ms.
    if (prompt.includes("[slow]")) return { pendingPolls: 8 };
    return {};
  };
  return startFakeBfl({ apiKey, pendingPolls: 1, forPrompt });
}

/** Seeds that stand for a prompt's tag, for requests without a prompt (erase). */
export const SEED_TAGS: Record<number, string> = {
  402: "[402]",
  429: "[429]",
  4001: "[content-moderated]",
  4002: "[error]",
};

export interface SecondProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A second Fillpaint proxy (the built one `npm test` serves) whose BFL upstream is the fake, on a
 * free port, so the app under test talks to "BFL" exactly as it would in production.
 */
export function startProxyWithUpstream(
  upstream: FakeBfl,
  port = 0,
  dataDir = "test-results/e2e-data-bfl",
): Promise<SecondProxy> {
  return startBuiltProxy(port, {
    DATA_DIR: dataDir,
    BFL_API_KEY: upstream.options.apiKey,
    BFL_API_BASE: upstream.apiBase,
    BFL_ALLOWED_HOSTS: upstream.hosts.join(","),
  });
}

/** The built proxy with the SPA, in its own process, configured by `env` (port 0: any free one). */
export async function startBuiltProxy(
  port: number,
  env: Record<string, string>,
): Promise<SecondProxy> {
  const proxy = await spawnProxy(
    { PORT: String(port || (await freePort())), RATE_LIMIT_PER_MIN: "0", ...env },
    { built: true },
  );
  return { url: proxy.url, close: () => proxy.kill("SIGTERM") };
}
