import { queryOptions } from "@tanstack/react-query";
import {
  type FeedbackCreateBody,
  reviewApiPath,
  SHARE_OWNER_HEADER,
  SHARES_ROUTE,
  type ShareCreateBody,
  shareCreatedSchema,
  shareFeedbackResponseSchema,
  shareViewSchema,
} from "../../contract";
import { ApiError, request } from "../api/http";
import type { SharedLink } from "./share-db";

/** The one place the SPA talks to the proxy about review links (both sides of them). */

export async function createShare(body: ShareCreateBody) {
  const response = await request(SHARES_ROUTE, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return shareCreatedSchema.parse(await response.json());
}

/** A link already gone on the proxy (404) counts as revoked. */
export async function revokeShare(link: SharedLink): Promise<void> {
  try {
    await request(`${SHARES_ROUTE}/${link.id}`, {
      method: "DELETE",
      headers: { [SHARE_OWNER_HEADER]: link.ownerSecret },
    });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
}

/** How often the designer's view asks for new feedback while a link is live. */
export const FEEDBACK_POLL_MS = 3000;

/** What reviewers said on one link, refetched while it is live, so it shows up without reload. */
export function feedbackQuery(link: SharedLink) {
  return queryOptions({
    queryKey: ["share-feedback", link.id],
    queryFn: async () => {
      const response = await request(`${SHARES_ROUTE}/${link.id}/feedback`, {
        headers: { [SHARE_OWNER_HEADER]: link.ownerSecret },
      });
      return shareFeedbackResponseSchema.parse(await response.json());
    },
    refetchInterval: (query) =>
      query.state.data && query.state.data.state !== "live" ? false : FEEDBACK_POLL_MS,
    retry: false,
  });
}

/** The snapshot behind a review link, as the reviewer's page reads it. */
export function reviewQuery(token: string) {
  return queryOptions({
    queryKey: ["review", token],
    queryFn: async () => shareViewSchema.parse(await (await request(reviewApiPath(token))).json()),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export async function sendFeedback(token: string, body: FeedbackCreateBody): Promise<void> {
  await request(`${reviewApiPath(token)}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
