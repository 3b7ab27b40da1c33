import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RoleHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  role: number,
) => Promise<unknown>;

/**
 * One handler served on several loopback addresses, as a real upstream spreads a job over an
 * API host, a polling host and a delivery host. `role` is the address's index; `origins` is
 * filled in the same order before any request can arrive. A handler that throws answers 500.
 */
export async function serveOnHosts(
  hosts: readonly string[],
  handle: RoleHandler,
  origins: string[],
): Promise<() => Promise<void>> {
  const servers = await Promise.all(
    hosts.map(async (host, role) => {
      const server = createServer((req, res) => {
        handle(req, res, role).catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, host, resolve));
      origins[role] = `http://${host}:${(server.address() as AddressInfo).port}`;
      return server;
    }),
  );
  return async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
