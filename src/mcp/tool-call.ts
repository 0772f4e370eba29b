/**
 * One tool call as every tool runs it: the result as JSON text plus the same value as structured
 * content, or an MCP tool error (`isError`) whose message is the problem a REST client would get,
 * mapped by the app's one error handler (so a database outage reads as one, and nothing
 * internal leaks). Each call is audited as `mcp.<tool>` with allow-listed facts only.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { audit } from "../audit/audit";
import type { AuditDetail } from "../audit/audit-detail";
import type { AuthorizedContext } from "../auth/guard";
import { problemFor } from "../lib/error-handler";

export interface ToolOutput<T extends object> {
  data: T;
  /** Non-clinical facts for the audit event (counts, ids, sizes). */
  detail?: AuditDetail;
}

export type ToolRun<A, T extends object> = (args: A) => Promise<ToolOutput<T>> | ToolOutput<T>;

export const auditAction = (tool: string) => `mcp.${tool}`;

/** A tool error carrying a message for the person (or model) that called the tool. */
function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text }] };
}

/**
 * Wraps a tool's work. `audited: false` is for tools that call a use case: the use case writes
 * the event itself (under `mcp.<tool>`), so no call is recorded twice.
 */
export function toolCall<A, T extends object>(
  c: AuthorizedContext,
  tool: string,
  run: ToolRun<A, T>,
  { audited = true }: { audited?: boolean } = {},
): (args: A) => Promise<CallToolResult> {
  return async (args) => {
    const started = Date.now();
    const record = (outcome: "success" | "failure", detail?: AuditDetail) => {
      if (audited) audit(c, { userId: c.var.account.id, action: auditAction(tool), outcome, latencyMs: Date.now() - started, detail });
    };
    try {
      const { data, detail } = await run(args);
      record("success", detail);
      return { content: [{ type: "text", text: JSON.stringify(data, null, 2) }], structuredContent: data as Record<string, unknown> };
    } catch (error) {
      const { problem } = problemFor(error, c.get("requestId"));
      record("failure", { error: problem.code });
      return toolError(problem.detail);
    }
  };
}
