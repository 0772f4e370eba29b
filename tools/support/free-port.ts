/**
 * Ports the operating system says are free on 127.0.0.1, for local servers that must be told a
 * port up front (`wrangler dev --port`, workerd sockets, the V8 inspector) rather than take 0.
 */
import { createServer, type Server } from "node:net";

/**
 * `count` distinct free ports. All are held open until every one is known, so the operating
 * system cannot hand the same port out twice; a port is free again once this resolves.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnAnyPort());
    return servers.map((server) => (server.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

function listenOnAnyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}
