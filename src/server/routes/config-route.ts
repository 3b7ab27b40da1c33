import { Hono } from "hono";
import type { ConfigResponse, ProviderId } from "../../contract";
import type { Provider } from "../providers/provider";

/** What the SPA may offer: provider names and ranges. Never a key. */
export function configRoute(
  providers: ReadonlyMap<ProviderId, Provider>,
  defaultProvider: ProviderId,
) {
  const body: ConfigResponse = {
    defaultProvider,
    providers: [...providers.values()].map((provider) => provider.info),
  };
  return new Hono().get("/api/config", (c) => c.json(body));
}
