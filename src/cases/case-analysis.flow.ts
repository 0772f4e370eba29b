/**
 * Case analysis: a stored case checked against retrieved criteria, with the same steps as a
 * diagnose answer (one R2 read before this, one retrieval statement, one chat call). The
 * route's `licensed` guard has already checked the account and licence.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { aiProblem } from "../ai/errors";
import { generateStructured, modelText, type Usage } from "../ai/structured";
import type { SignedIn } from "../auth/guard";
import type { AppEnv } from "../env";
import { enforceAiRateLimit } from "../lib/rate-limits";
import { answerFrame, auditAnswer } from "../rag/answer";
import { groundDifferential } from "../rag/grounding";
import { coverageNoteFor } from "../rag/prompts";
import { ModelDifferentialItem } from "../rag/rag.schemas";
import { retrieveSources } from "../rag/retrieval";
import { assessCrisis } from "../safety/crisis";
import type { SyntheticCase } from "./case.schemas";
import { caseAnalysisMessages } from "./case-analysis.prompts";

const ModelCaseAnalysis = z.object({
  response: modelText("concise markdown for the clinician"),
  suggested_diagnosis_supported: z.boolean(),
  alternative_diagnoses: z.array(ModelDifferentialItem).max(5),
  missing_assessments: z.array(z.string()),
  treatment_considerations: z.array(z.string()),
});

/** Without a model: the criteria that best match, for the clinician to compare by hand. */
function offlineCaseAnalysis(item: SyntheticCase, hits: Array<{ type: string; title: string }>): string {
  const matching = hits.filter((hit) => hit.type === "dsm5_criteria").slice(0, 3);
  const diagnosis = item.suggested_diagnosis;
  return [
    "## Retrieval-only analysis (offline mode)",
    `Suggested diagnosis: **${diagnosis.primary}** (DSM-5-TR ${diagnosis.dsm5_code}, ICD-11 ${diagnosis.icd11_code}).`,
    matching.length
      ? `Criteria that best match the presentation:\n${matching.map((hit, i) => `${i + 1}. ${hit.title}`).join("\n")}`
      : "No criteria matched the presentation.",
    "Compare the case against each cited source; no AI model is configured to reason over them.",
  ].join("\n\n");
}

/** Generic over the context, so the JSON route and the console (whose guard sets more variables) share it. */
export async function analyzeStoredCase<E extends AppEnv & SignedIn>(c: Context<E>, item: SyntheticCase) {
  const { account, ai, settings } = c.var;
  const audited = auditAnswer(c, account.id, "case.analyze", { case_id: item.case_id });
  await enforceAiRateLimit(c, account.id);

  const safety = assessCrisis({
    presenting_symptoms: item.presenting_symptoms.join(". "),
    clinical_history: item.clinical_history,
    assessment_notes: item.assessment_notes,
    risk_factors: item.risk_factors.join(". "),
  });
  const retrieval = await retrieveSources(c, [item.presenting_symptoms.join(". "), item.clinical_history].join("\n"));

  let response = offlineCaseAnalysis(item, retrieval.hits);
  let findings: z.infer<typeof ModelCaseAnalysis> | null = null;
  let usage: Usage | null = null;
  if (ai) {
    try {
      const generated = await generateStructured(ai, settings.ai, {
        name: "case_analysis",
        schema: ModelCaseAnalysis,
        messages: caseAnalysisMessages(item, retrieval.hits, safety, coverageNoteFor(retrieval.coverage)),
      });
      usage = generated.usage;
      findings = { ...generated.output, alternative_diagnoses: groundDifferential(generated.output.alternative_diagnoses, retrieval.ids) };
      response = generated.output.response;
    } catch (error) {
      const problem = aiProblem(error);
      audited.failed(problem.problem.code);
      throw problem;
    }
  }

  const frame = answerFrame(retrieval, safety, response, usage);
  audited.succeeded(frame);
  return {
    status: "success" as const,
    case_id: item.case_id,
    case_data: item,
    ai_analysis: { ...frame.ai_response, findings },
    retrieved_documents: frame.retrieved_sources,
    knowledge_sources: frame.retrieved_sources.map(({ id, title, score }) => ({ id, title, score })),
    coverage: frame.coverage,
    safety,
    disclaimer: frame.disclaimer,
  };
}
