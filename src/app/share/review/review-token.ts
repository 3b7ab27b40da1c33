import { SHARE_TOKEN_PATTERN } from "../../../contract";

/** The token of a `/r/<token>` path, or null when the path holds none. */
export function reviewTokenOf(pathname: string): string | null {
  const token = /^\/r\/([^/]+)\/?$/.exec(pathname)?.[1] ?? "";
  return SHARE_TOKEN_PATTERN.test(token) ? token : null;
}
