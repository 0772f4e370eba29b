/** The clinical tools: questionnaire scores, drug interactions, crisis resources, and the differential diagnosis. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { assess } from "../assessments/assessment";
import { AssessmentResultSchema } from "../assessments/assessments.routes";
import { audit } from "../audit/audit";
import type { AuthorizedContext } from "../auth/guard";
import { isLicensedRole, isLicensedUser } from "../auth/user.schemas";
import { checkCounts, checkInteractions } from "../interactions/check";
import { CheckRequestSchema, InteractionCheckSchema } from "../interactions/interactions.routes";
import { ProblemError } from "../lib/problem";
import { diagnosisAnswer } from "../rag/diagnose.flow";
import { DiagnoseAnswer, DiagnoseInput } from "../rag/rag.schemas";
import { CRISIS_RESOURCES } from "../safety/crisis";
import { auditAction, toolCall } from "./tool-call";

const ScoreInput = z.strictObject({
  instrument: z.enum(["phq9", "gad7"]).describe("phq9 (9 items) or gad7 (7 items)"),
  responses: z
    .array(z.number().int().min(0).max(3))
    .max(50)
    .describe("Each item's answer in questionnaire order: 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day"),
});

const CrisisOutput = z.object({ resources: z.array(z.object({ name: z.string(), contact: z.string() })), guidance: z.string() });

const CRISIS_GUIDANCE =
  "If someone is in immediate danger, call local emergency services now. Otherwise, the 988 Suicide & Crisis Lifeline and " +
  "the Crisis Text Line are available around the clock in the US.";

/** A student, or a clinician whose licence no admin has verified yet, may not ask for a diagnosis. */
function assertLicensed(c: AuthorizedContext) {
  const account = c.var.account;
  if (isLicensedUser(account)) return;
  audit(c, { userId: account.id, action: auditAction("differential_diagnosis"), outcome: "failure", detail: { error: "forbidden" } });
  throw new ProblemError(403, {
    code: "forbidden",
    detail: isLicensedRole(account.role)
      ? "differential_diagnosis needs a verified licensed professional: an admin has not verified your licence yet. " +
        "search_clinical_guidelines and get_diagnostic_criteria remain available."
      : "differential_diagnosis is for licensed professionals (therapist, psychiatrist, psychologist) verified by an admin; " +
        "student accounts cannot use it. search_clinical_guidelines and get_diagnostic_criteria remain available.",
  });
}

export function registerClinicalTools(server: McpServer, c: AuthorizedContext) {
  server.registerTool(
    "score_assessment",
    {
      title: "Score a PHQ-9 or GAD-7",
      description:
        "Total score, published severity band and interpretation of a PHQ-9 or GAD-7 (items 0-3); a positive PHQ-9 item 9 " +
        "sets flags.item9_positive and a safety block with crisis resources.",
      inputSchema: ScoreInput,
      outputSchema: AssessmentResultSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(c, "score_assessment", ({ instrument, responses }: z.infer<typeof ScoreInput>) => ({ data: assess(instrument, responses) })),
  );

  server.registerTool(
    "check_drug_interactions",
    {
      title: "Check drug interactions",
      description:
        "Interactions among 2 to 20 medications (brand or generic names, any case, common misspellings, with or without " +
        "doses), most severe first, each with effect, mechanism, management and reference. Names not recognised are listed " +
        "as such; no interaction listed does not prove none exists.",
      inputSchema: CheckRequestSchema,
      outputSchema: InteractionCheckSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(c, "check_drug_interactions", ({ medications }: z.infer<typeof CheckRequestSchema>) => {
      const result = checkInteractions(medications);
      return { data: result, detail: checkCounts(result) };
    }),
  );

  server.registerTool(
    "get_crisis_resources",
    {
      title: "Get crisis resources",
      description: "Crisis lines and emergency contacts to give a person at risk of suicide, self-harm or violence.",
      inputSchema: z.strictObject({}),
      outputSchema: CrisisOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(c, "get_crisis_resources", () => ({ data: { resources: CRISIS_RESOURCES, guidance: CRISIS_GUIDANCE } })),
  );

  server.registerTool(
    "differential_diagnosis",
    {
      title: "Differential diagnosis",
      description:
        "For verified licensed clinicians: a ranked differential (DSM-5-TR and ICD-11 codes, confidence, rationale) grounded " +
        "in retrieved criteria, with the sources cited, a safety block (risk indicators and crisis resources) and a " +
        "disclaimer. Decision support only. Counts against the AI rate limit.",
      inputSchema: DiagnoseInput,
      outputSchema: DiagnoseAnswer,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(
      c,
      "differential_diagnosis",
      async (input: z.infer<typeof DiagnoseInput>) => {
        assertLicensed(c);
        return { data: await diagnosisAnswer(c, input, auditAction("differential_diagnosis")) };
      },
      // The diagnose flow audits the call itself (model, tokens, sources), as it does for the REST route.
      { audited: false },
    ),
  );
}
