/**
 * `POST /mcp`: the Model Context Protocol over Streamable HTTP, stateless. Built on the official
 * SDK's WebStandardStreamableHTTPServerTransport rather than @hono/mcp: it is the SDK's own
 * transport on web-standard Request/Response (what workerd runs), kept in step with the
 * protocol's versions by the SDK itself, and needs no extra package. It answers JSON (no SSE
 * stream): every tool here finishes within the request, so a stream would carry one message.
 * Without a session there is nothing for GET (a server-to-client stream) or DELETE (ending a
 * session) to act on, so only POST is routed and those get 405.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { Hono } from "hono";
import { mcpAccess } from "../auth/guard";
import type { AppEnv } from "../env";
import { createMcpServer } from "./server";

export const mcpRouter = new Hono<AppEnv>().post("/", ...mcpAccess, async (c) => {
  const server = createMcpServer(c);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(c.req.raw);
  } finally {
    await server.close();
  }
});
