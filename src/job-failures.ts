/**
 * Why a job ended without a result, in words the proxy stores and the SPA recognises, so the SPA
 * can add the one piece of advice that fits (a restart needs only a retry, not a new mask).
 */
export const PROXY_RESTARTED = "the proxy restarted while this fill was running";
