import { queryOptions } from "@tanstack/react-query";
import { configResponseSchema } from "../../contract";
import { request } from "./http";

/** The proxy's providers and their ranges; fixed for the life of the server process. */
export const configQuery = queryOptions({
  queryKey: ["config"],
  queryFn: async () => configResponseSchema.parse(await (await request("/api/config")).json()),
  staleTime: Number.POSITIVE_INFINITY,
});
