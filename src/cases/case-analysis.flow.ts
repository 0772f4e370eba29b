/**
 * Case analysis: a stored case checked against retrieved criteria, with the same steps as a
 * diagnose answer (one R2 read, one retrieval statement, one chat call), inside one audit event.
 */
import { z } from "@hono/zod-openapi";
import { aiProblem } from "../ai/errors";
import { generateStructured, modelText, type Usage } from "../ai/structured";
import { audited } from "../audit/audited";
import { answerAuditFacts, answerFrame } from "../grounded-answer/answer-frame";
import { groundDifferential } from "../grounded-answer/grounding";
import { coverageNoteFor } from "../grounded-answer/prompt-parts";
import { retrieveSources } from "../grounded-answer/retrieval";
import { ProblemError } from "../lib/problem";
import { assertMay } from "../policy/policy";
import { ModelDifferentialItem } from "../rag/rag.schemas";
import { assessCrisis } from "../safety/crisis";
import type { UseCaseDeps } from "../use-case/deps";
import { caseAnalysisMessages } from "./case-analysis.prompts";
import { readCase } from "./cases.data";
import { MAX_ALTERNATIVE_DIAGNOSES, type SyntheticCase } from "./cases.schemas";

const ModelCaseAnalysis = z.object({
  response: modelText("concise markdown for the clinician"),
  suggested_diagnosis_supported: z.boolean(),
  alternative_diagnoses: z.array(ModelDifferentialItem).max(MAX_ALTERNATIVE_DIAGNOSES),
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

const caseNotFound = () => new ProblemError(404, { code: "not_found", detail: "No synthetic case has that id." });

/** Reads the stored case and analyses it; one use case for the REST route and the console. */
export function analyzeCase(deps: UseCaseDeps, caseId: string, { action }: { action: string }) {
  return audited(
    deps,
    { action, asked: { case_id: caseId } },
    async () => {
      assertMay(deps.account, "clinical");
      const item = await readCase(deps.storage, caseId);
      if (!item) throw caseNotFound();
      await deps.limitAi();
      return analysis(deps, item);
    },
    (answer) => answerAuditFacts({ ai_response: answer.ai_analysis, retrieved_sources: answer.retrieved_documents }),
  );
}

async function analysis(deps: UseCaseDeps, item: SyntheticCase) {
  const { ai, settings } = deps;
  const safety = assessCrisis(
    {
      presenting_symptoms: item.presenting_symptoms.join(". "),
      clinical_history: item.clinical_history,
      assessment_notes: item.assessment_notes,
      risk_factors: item.risk_factors.join(". "),
    },
    deps.country,
  );
  const retrieval = await retrieveSources(deps, [item.presenting_symptoms.join(". "), item.clinical_history].join("\n"));

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
      throw aiProblem(error);
    }
  }

  const frame = answerFrame(retrieval, safety, response, usage);
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
