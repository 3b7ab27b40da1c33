import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ReviewPage } from "./ReviewPage";
import { reviewTokenOf } from "./review-token";
import "../../styles.css";

/**
 * The review page's own entry (`review.html`, served at `/r/<token>`): reviewers download the
 * slider and the form, not the editor, and nothing here injects inline styles, which the
 * page's policy forbids.
 */
const root = document.getElementById("root");
if (!root) throw new Error("review.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <ReviewPage token={reviewTokenOf(location.pathname)} />
    </QueryClientProvider>
  </StrictMode>,
);
