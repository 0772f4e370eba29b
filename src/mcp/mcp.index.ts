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

/**
 * The answer to a JSON-RPC batch. Protocol version 2025-06-18 removed batching: a POST's body is
 * one request, notification or response. The SDK's transport still runs batches of up to 100
 * messages, and each tool call in one costs its queries, maybe a model call, and an audit event,
 * so a batch is refused whole before any message in it reaches the server. The shape is the one
 * the transport gives other bodies it cannot take: HTTP 400 with a JSON-RPC error and no id.
 */
const BATCH_REFUSED = {
  jsonrpc: "2.0",
  error: {
    code: -32600,
    message:
      "Invalid Request: this server takes one JSON-RPC message per POST; batches (a JSON array) were removed in " +
      "MCP protocol version 2025-06-18. Send each message in its own request.",
  },
  id: null,
} as const;

/** The body as JSON, or undefined when it is not JSON (the transport then answers its own parse error). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const mcpRouter = new Hono<AppEnv>().post("/", ...mcpAccess, async (c) => {
  // The body is read once here (within the app's body limit), looked at, and handed to the
  // transport already parsed; a body that is not JSON goes to the transport as it came, so that
  // its header checks (406, 415) and parse error answer it as before.
  const body = await c.req.text();
  const message = parseJson(body);
  if (Array.isArray(message)) return c.json(BATCH_REFUSED, 400);
  const server = createMcpServer(c, message);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(new Request(c.req.raw, { body }), { parsedBody: message });
  } finally {
    await server.close();
  }
});
