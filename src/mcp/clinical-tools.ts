/** The clinical tools: questionnaire scores, drug interactions, crisis resources, and the differential diagnosis. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { scoreQuestionnaire } from "../assessments/assessment.flow";
import { AssessmentResultSchema } from "../assessments/assessments.schemas";
import { INSTRUMENT_IDS, INSTRUMENTS } from "../assessments/instrument-registry";
import { allowedAnswers } from "../assessments/validation";
import type { AuthorizedContext } from "../auth/guard";
import { checkMedications } from "../interactions/interaction-check.flow";
import { CheckRequestSchema, InteractionCheckSchema } from "../interactions/interactions.schemas";
import { diagnose } from "../rag/diagnose.flow";
import { DiagnoseAnswer, DiagnoseInput } from "../rag/rag.schemas";
import { CRISIS_RESOURCES_CHECKED, crisisResourcesFor } from "../safety/crisis-resources";
import { safetyResources } from "../safety/resources";
import { useCaseDeps } from "../use-case/deps";
import { auditAction, toolCall } from "./tool-call";

/** "audit (AUDIT): 10 items; items 1–8 an integer from 0 to 4; items 9–10 one of 0 (No), 2 (…)": the answers each item takes. */
function answerGuide(id: (typeof INSTRUMENT_IDS)[number]): string {
  const { name, items } = INSTRUMENTS[id];
  const runs: Array<{ first: number; last: number; allowed: string }> = [];
  for (const item of items) {
    const allowed = allowedAnswers(item);
    const run = runs[runs.length - 1];
    if (run?.allowed === allowed) run.last = item.number;
    else runs.push({ first: item.number, last: item.number, allowed });
  }
  const described = runs.map(({ first, last, allowed }) =>
    runs.length === 1 ? `each ${allowed}` : `${first === last ? `item ${first}` : `items ${first}–${last}`} ${allowed}`,
  );
  return `${id} (${name}): ${items.length} items, ${described.join("; ")}`;
}

const ScoreInput = z.strictObject({
  instrument: z.enum(INSTRUMENT_IDS).describe(`The questionnaire. ${INSTRUMENT_IDS.map(answerGuide).join(". ")}.`),
  responses: z
    .array(z.number().int().nullable())
    .max(50)
    .describe(
      "One answer per item in questionnaire order. Each is the answer's score on the published form (EPDS: its score on " +
        "the EPDS key, so 'Yes, quite often' on item 10 is 3); yes = 1 and no = 0 (the server scores DAST-10 item 3's no " +
        "as the point); null only for a C-SSRS question its branching skips.",
    ),
});

const CrisisOutput = z.object({
  resources: z.array(z.object({ name: z.string(), contact: z.string() })),
  guidance: z.string(),
  country: z.string().nullable().describe("ISO 3166-1 alpha-2 of the list given; null: the international directories"),
  emergency_number: z.string().nullable(),
  checked: z.string().describe("How the numbers were checked, and when"),
});

/** The caller's crisis lines (the same choice as every safety block), with guidance naming the emergency number. */
function crisisResourcesOf(country: string | null): z.infer<typeof CrisisOutput> {
  const chosen = crisisResourcesFor(country);
  const guidance = chosen.emergency_number
    ? `If someone is in immediate danger, call ${chosen.emergency_number} (emergency services in ${chosen.name}) now. ` +
      "Otherwise, give the crisis lines listed here."
    : "If someone is in immediate danger, call the local emergency number now (112 in the EU and many other countries). " +
      "Otherwise, the directories listed here find a crisis line in any country.";
  return {
    resources: safetyResources(country, { abuse: false }),
    guidance,
    country: chosen.country,
    emergency_number: chosen.emergency_number,
    checked: CRISIS_RESOURCES_CHECKED,
  };
}

export function registerClinicalTools(server: McpServer, c: AuthorizedContext) {
  server.registerTool(
    "score_assessment",
    {
      title: "Score a screening questionnaire",
      description:
        "Score, published band, interpretation and cut-off of PHQ-9, PHQ-2, EPDS, GAD-7, GAD-2, PCL-5, AUDIT, AUDIT-C, " +
        "DAST-10, ASRS v1.1 Part A, MDQ, C-SSRS screener, WHO-5 or K10, with subscales and rule criteria. A positive " +
        "self-harm item (PHQ-9 item 9, EPDS item 10, any C-SSRS yes) fills the safety block with crisis resources.",
      inputSchema: ScoreInput,
      outputSchema: AssessmentResultSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(
      c,
      "score_assessment",
      async ({ instrument, responses }: z.infer<typeof ScoreInput>) => ({
        data: await scoreQuestionnaire(useCaseDeps(c), instrument, responses, { action: auditAction("score_assessment") }),
      }),
      { audited: false },
    ),
  );

  server.registerTool(
    "check_drug_interactions",
    {
      title: "Check drug interactions",
      description:
        "Interactions among 2 to 20 medications (brand or generic names, any case, common misspellings, with or without " +
        "doses; also over-the-counter drugs, supplements, alcohol, tobacco smoke and tyramine-rich food), most severe first, " +
        "each with effect, mechanism, management and reference. Start your answer from `summary`: names the table does not " +
        'know are in `not_checked` ("Not checked: …") and must be reported as unchecked, never as free of interactions; ' +
        "no interaction listed does not prove none exists.",
      inputSchema: CheckRequestSchema,
      outputSchema: InteractionCheckSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(
      c,
      "check_drug_interactions",
      async ({ medications }: z.infer<typeof CheckRequestSchema>) => ({
        data: await checkMedications(useCaseDeps(c), medications, { action: auditAction("check_drug_interactions") }),
      }),
      { audited: false },
    ),
  );

  server.registerTool(
    "get_crisis_resources",
    {
      title: "Get crisis resources",
      description:
        "Crisis lines and the emergency number to give a person at risk of suicide, self-harm or violence, for the " +
        "clinician's country (their account setting, else where the request comes from; else international directories).",
      inputSchema: z.strictObject({}),
      outputSchema: CrisisOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolCall(c, "get_crisis_resources", () => ({ data: crisisResourcesOf(useCaseDeps(c).country) })),
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
      async (input: z.infer<typeof DiagnoseInput>) => ({
        data: await diagnose(useCaseDeps(c), input, { action: auditAction("differential_diagnosis") }),
      }),
      { audited: false },
    ),
  );
}
