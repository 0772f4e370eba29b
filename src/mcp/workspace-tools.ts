/**
 * The workspace tools (docs/api.md §9, §12 and §13): the caller's own clients, a client's summary,
 * a measure stored in a client's record, and the record exported as a FHIR Bundle. They reach client data, so a personal token needs the
 * scope `workspace` besides `mcp` (tokens made before that scope existed cannot reach it); an
 * access token from a login may use them. Either way the account needs the `workspace` capability
 * (policy.ts), asked by the use cases themselves, so a student or an administrator is refused with
 * the policy's words, and another clinician's client is not found, exactly as over REST.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { INSTRUMENT_IDS } from "../assessments/instrument-registry";
import type { AuthorizedContext, Credential } from "../auth/guard";
import { exportClientBundle } from "../fhir/client-bundle.flow";
import { ProblemError } from "../lib/problem";
import { type UseCaseDeps, useCaseDeps } from "../use-case/deps";
import { listClients } from "../workspace/clients/clients.flow";
import { MAX_LABEL } from "../workspace/clients/clients.schemas";
import { recordMeasure } from "../workspace/measures/measures.flow";
import { CreateMeasureBody, MeasureSchema } from "../workspace/measures/measures.schemas";
import { CLIENT_STATUSES } from "../workspace/workspace.table";
import { clientSummary } from "./client-summary.flow";
import { ClientSummarySchema } from "./client-summary.schemas";
import { auditAction, type ToolRun, toolCall } from "./tool-call";

const WORKSPACE_TOOLS = ["list_clients", "get_client_summary", "add_measure", "export_fhir"] as const;
type WorkspaceTool = (typeof WORKSPACE_TOOLS)[number];

/** A login's access token carries no scopes; a personal token reaches client data only with `workspace`. */
const mayReachWorkspace = (credential: Credential) => credential.kind === "access_token" || credential.scopes.includes("workspace");

const missingScope = (credential: Credential, tool: string) =>
  new ProblemError(403, {
    code: "insufficient_scope",
    detail:
      `${tool} reaches client records, which needs a personal access token with the scope workspace (as well as mcp); ` +
      `this token's scopes are ${credential.kind === "personal_token" ? credential.scopes.join(", ") : "none"}. ` +
      "Create a token with both scopes (console settings, or POST /api/auth/tokens).",
  });

/**
 * The use case's deps with its audit events renamed `mcp.<tool>`: the workspace use cases name
 * theirs `workspace.<thing>.<verb>`, and every MCP call is recorded under its tool, with the
 * same target (the client) and facts the use case records.
 */
function toolDeps(c: AuthorizedContext, tool: WorkspaceTool): UseCaseDeps {
  const deps = useCaseDeps(c);
  return { ...deps, audit: (event) => deps.audit({ ...event, action: auditAction(tool) }) };
}

/**
 * The tool's handler: the use case (which writes the audit event) for a credential that may reach
 * the workspace; otherwise an audited refusal naming the missing scope, before any database work.
 */
function workspaceCall<A, T extends object>(c: AuthorizedContext, tool: WorkspaceTool, run: ToolRun<A, T>) {
  if (mayReachWorkspace(c.var.credential)) return toolCall(c, tool, run, { audited: false });
  return toolCall<A, T>(c, tool, () => {
    throw missingScope(c.var.credential, tool);
  });
}

/** Whether this POST is a tools/list request (the server is built per request: stateless HTTP). */
const isToolList = (message: unknown) =>
  typeof message === "object" && message !== null && (message as { method?: unknown }).method === "tools/list";

const clientId = z.uuid("client_id must be a client id (UUID) from list_clients").describe("The client's id, from list_clients");

const ListInput = z.strictObject({
  status: z.enum(CLIENT_STATUSES).optional().describe("Only active or only discharged clients"),
  q: z.string().trim().min(1).max(MAX_LABEL).optional().describe("Part of the label, case-insensitive"),
  limit: z.number().int().min(1).max(100).default(20).describe("Page size, 1-100 (default 20)"),
  cursor: z.string().max(200).optional().describe("next_cursor of the previous page"),
});
const ListOutput = z.object({
  clients: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      status: z.enum(CLIENT_STATUSES),
      created_at: z.string(),
      discharged_at: z.string().nullable(),
    }),
  ),
  next_cursor: z.string().nullable(),
});

const SummaryInput = z.strictObject({
  client_id: clientId,
  include_text: z
    .boolean()
    .default(false)
    .describe("Also return the goals' text (clinical free text); leave false unless the clinician asks for it"),
});

const MeasureInput = z.strictObject({
  client_id: clientId,
  instrument: z.enum(INSTRUMENT_IDS).describe("The questionnaire (as score_assessment takes it)"),
  responses: z
    .array(z.number().int().nullable())
    .max(50)
    .describe("One answer per item in questionnaire order, as score_assessment takes them"),
  administered_at: CreateMeasureBody.shape.administered_at
    .optional()
    .describe("When the client completed it (ISO 8601 date-time, not in the future); default now"),
});

const ExportInput = z.strictObject({ client_id: clientId });
/** The Bundle's frame; its entries are FHIR R4 resources (validated in test/fhir/client-bundle.test.ts), passed through as they are. */
const BundleOutput = z.looseObject({
  resourceType: z.literal("Bundle"),
  type: z.literal("collection"),
  timestamp: z.string(),
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string() }) })),
});

export function registerWorkspaceTools(server: McpServer, c: AuthorizedContext, message: unknown) {
  // A token without the scope does not see these tools in tools/list. For any other request they
  // are registered, so that a direct call gets a tool error naming the missing scope rather than
  // the SDK's bare "Tool … not found".
  if (!mayReachWorkspace(c.var.credential) && isToolList(message)) return;

  server.registerTool(
    "list_clients",
    {
      title: "List my clients",
      description:
        "Verified licensed clinicians: your own clients (your pseudonymous labels, status and ids), newest first, with a " +
        "label filter and cursor paging. Use an id with get_client_summary or add_measure.",
      inputSchema: ListInput,
      outputSchema: ListOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    workspaceCall(c, "list_clients", async (query: z.infer<typeof ListInput>) => {
      const { clients, next_cursor } = await listClients(toolDeps(c, "list_clients"), query);
      return {
        data: {
          clients: clients.map(({ id, label, status, created_at, discharged_at }) => ({ id, label, status, created_at, discharged_at })),
          next_cursor,
        },
      };
    }),
  );

  server.registerTool(
    "get_client_summary",
    {
      title: "Summarize a client",
      description:
        "Verified licensed clinicians: one of your clients at a glance: per questionnaire the baseline, the latest score " +
        "and band with its change and reliable-change reading, and recent scores; the plan's goals with their status; " +
        "draft and signed note counts and the latest session date; positive self-harm items (risk_flags). No clinical " +
        "free text unless include_text is true (then the goals' text too).",
      inputSchema: SummaryInput,
      outputSchema: ClientSummarySchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    workspaceCall(c, "get_client_summary", async ({ client_id, include_text }: z.infer<typeof SummaryInput>) => ({
      data: await clientSummary(useCaseDeps(c), client_id, { includeText: include_text, action: auditAction("get_client_summary") }),
    })),
  );

  server.registerTool(
    "add_measure",
    {
      title: "Add a measure to a client's record",
      description:
        "Verified licensed clinicians: score a questionnaire one of your clients completed (any score_assessment " +
        "instrument) and store it in their record, for the trend get_client_summary reads. Returns the stored result " +
        "with its safety block: a positive self-harm item (PHQ-9 item 9, EPDS item 10, any C-SSRS yes) lists crisis resources.",
      inputSchema: MeasureInput,
      outputSchema: MeasureSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    workspaceCall(c, "add_measure", async ({ client_id, instrument, responses, administered_at }: z.infer<typeof MeasureInput>) => ({
      data: await recordMeasure(toolDeps(c, "add_measure"), client_id, {
        instrument,
        responses,
        administered_at: administered_at ?? new Date().toISOString(),
      }),
    })),
  );

  server.registerTool(
    "export_fhir",
    {
      title: "Export a client's record as FHIR",
      description:
        "Verified licensed clinicians: one of your clients' whole record as a FHIR R4 Bundle (type collection), as " +
        "GET /api/v1/clients/{id}/fhir returns it: a pseudonymous Patient, measures (QuestionnaireResponse + Observation), " +
        "diagnoses (Condition), the plan (CarePlan + Goal), notes (DocumentReference) and Provenance for model-drafted notes. " +
        "It holds the record's clinical text: use it to send the record to an EHR, not to summarize (get_client_summary does).",
      inputSchema: ExportInput,
      outputSchema: BundleOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    workspaceCall(c, "export_fhir", async ({ client_id }: z.infer<typeof ExportInput>) => ({
      data: (await exportClientBundle(toolDeps(c, "export_fhir"), client_id)).bundle,
    })),
  );
}
