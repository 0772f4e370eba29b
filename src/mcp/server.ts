/**
 * The MCP server for one request. Stateless Streamable HTTP: every POST is answered on its own
 * (no session), so the server is built per request around the caller's context, whose guard has
 * already loaded the account; building it is a handful of object allocations.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";
import type { AuthorizedContext } from "../auth/guard";
import { registerClinicalTools } from "./clinical-tools";
import { registerKnowledgeTools } from "./knowledge-tools";
import { registerPrompts } from "./prompts";
import { registerResources } from "./resources";
import { registerWorkspaceTools } from "./workspace-tools";

/**
 * The SDK's server checks JSON Schema only for answers to elicitation requests, which this
 * server never sends (tool arguments are checked by their zod schemas). Its default validator,
 * ajv, compiles with `new Function`, which workerd refuses, and is left out of the bundle
 * (wrangler.toml `[alias]`), so the server gets this one instead of a validator it would never use.
 */
const noElicitation: jsonSchemaValidator = {
  getValidator() {
    throw new Error("This MCP server does not request elicitation, so it never validates JSON Schema.");
  },
};

/** `message`: the JSON-RPC message this request carries, which decides whether a tools/list shows the workspace tools. */
export function createMcpServer(c: AuthorizedContext, message: unknown): McpServer {
  const server = new McpServer(
    { name: "therapy-assistant", title: "Therapy Assistant", version: c.var.settings.version },
    {
      jsonSchemaValidator: noElicitation,
      capabilities: { tools: {}, resources: {}, prompts: {} },
      instructions:
        "Clinical decision support for licensed mental-health clinicians: search the knowledge base, read DSM-5-TR criteria, " +
        "find treatment guidelines, score PHQ-9/GAD-7, check drug interactions, get crisis resources and (verified " +
        "clinicians) ask for a grounded differential diagnosis; with the workspace scope, list your clients, summarize one " +
        "and add a measure to their record. It never replaces clinical judgement.",
    },
  );
  registerKnowledgeTools(server, c);
  registerClinicalTools(server, c);
  registerWorkspaceTools(server, c, message);
  registerResources(server, c);
  registerPrompts(server);
  return server;
}
