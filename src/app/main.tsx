import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { MaskManagerProvider } from "./export/mask-manager-context";
import { SendsInFlightProvider } from "./generate/sends-in-flight-context";
import "./styles.css";

const queryClient = new QueryClient();
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MaskManagerProvider>
        <SendsInFlightProvider>
          <App />
        </SendsInFlightProvider>
      </MaskManagerProvider>
    </QueryClientProvider>
  </StrictMode>,
);
