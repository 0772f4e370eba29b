/** `npm run bench` still starts when the ports it once had fixed (8790, 8791, 8792, 9231) are taken. */
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchPorts } from "./ports.ts";

const FORMER_FIXED_PORTS = [8790, 8791, 8792, 9231];

/** Listens on 127.0.0.1:port; null when something else holds it already (it is taken either way). */
function occupy(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

describe("the benchmark's ports", () => {
  const held: Server[] = [];
  beforeAll(async () => {
    for (const port of FORMER_FIXED_PORTS) {
      const server = await occupy(port);
      if (server) held.push(server);
    }
  });
  afterAll(async () => {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it("are free ports, distinct from each other, when the former fixed ones are taken", async () => {
    const ports = await benchPorts({});
    const chosen = Object.values(ports);
    expect(new Set(chosen).size).toBe(chosen.length);
    for (const [name, port] of Object.entries(ports)) {
      expect(await canListen(port), `${name} ${port} can be listened on`).toBe(true);
    }
  });

  it("are the ones asked for when given", async () => {
    expect(await benchPorts({ port: "18790", runtimePort: "18791", inspectorPort: "19231" })).toEqual({
      port: 18790,
      runtimePort: 18791,
      profiledPort: 18792,
      inspectorPort: 19231,
    });
  });
});
