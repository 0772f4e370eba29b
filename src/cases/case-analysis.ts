/** Case analysis: the RAG flow applied to a stored case (one R2 read, one retrieval statement, one chat call). */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { aiProblem } from "../lib/ai-errors";
import { generateStructured, groundDifferential } from "../rag/generate";
import { DISCLAIMER, riskNoteFor, sourcesBlock, UNTRUSTED_SOURCES } from "../rag/prompts";
import { ModelDifferentialItem, modelText } from "../rag/rag.schemas";
import { answerFrame, auditAnswer, enforceAiRateLimit, retrieve } from "../rag/rag.service";
import { withRiskFirst } from "../rag/risk-section";
import { assessCrisis } from "../safety/crisis";
import type { SyntheticCase } from "./case.schema";

const ModelCaseAnalysis = z.object({
  response: modelText("concise markdown for the clinician"),
  suggested_diagnosis_supported: z.boolean(),
  alternative_diagnoses: z.array(ModelDifferentialItem).max(5),
  missing_assessments: z.array(z.string()),
  treatment_considerations: z.array(z.string()),
});

function caseText(item: SyntheticCase) {
  return [
    `Age ${item.patient_demographics.age}, ${item.patient_demographics.gender}${item.patient_demographics.occupation ? `, ${item.patient_demographics.occupation}` : ""}.`,
    `Presenting symptoms: ${item.presenting_symptoms.join("; ")}.`,
    `History: ${item.clinical_history}`,
    `Assessment notes: ${item.assessment_notes}`,
    `Risk factors: ${item.risk_factors.join("; ") || "none recorded"}. Protective factors: ${item.protective_factors.join("; ") || "none recorded"}.`,
    `Suggested diagnosis: ${item.suggested_diagnosis.primary} (DSM-5-TR ${item.suggested_diagnosis.dsm5_code}, ICD-11 ${item.suggested_diagnosis.icd11_code}).`,
  ].join("\n");
}

export async function analyzeStoredCase(c: Context<AppEnv>, item: SyntheticCase) {
  const started = Date.now();
  await enforceAiRateLimit(c);
  const safety = assessCrisis({ presenting_symptoms: item.presenting_symptoms.join(". "), clinical_history: item.clinical_history, assessment_notes: item.assessment_notes, risk_factors: item.risk_factors.join(". ") });
  const retrieval = await retrieve(c, [item.presenting_symptoms.join(". "), item.clinical_history].join("\n"));
  const request = { case_id: item.case_id };

  let response: string;
  let findings: z.infer<typeof ModelCaseAnalysis> | null = null;
  let usage = null;
  if (c.var.ai) {
    try {
      const generated = await generateStructured(c.var.ai, c.var.settings.ai, {
        name: "case_analysis",
        schema: ModelCaseAnalysis,
        messages: [
          {
            role: "system",
            content:
              `You support licensed mental-health clinicians reviewing a case. Use only the SOURCES; cite their ids; never invent codes. Check the suggested diagnosis against the cited criteria, list alternative diagnoses worth ruling out, assessments still missing (name validated instruments), and treatment considerations. Write \`response\` as concise markdown without a risk-assessment section: the server shows its own first when risk is present.\n${UNTRUSTED_SOURCES}`,
          },
          { role: "user", content: [`CASE:\n${caseText(item)}`, riskNoteFor(safety.indicators), `SOURCES:\n${sourcesBlock(retrieval.hits)}`].filter(Boolean).join("\n\n") },
        ],
      });
      usage = generated.usage;
      findings = { ...generated.output, alternative_diagnoses: groundDifferential(generated.output.alternative_diagnoses, retrieval.ids) };
      response = generated.output.response;
    } catch (error) {
      const problem = aiProblem(error);
      auditAnswer(c, "case.analyze", started, request, null, "failure", problem.problem.code);
      throw problem;
    }
  } else {
    const matching = retrieval.hits.filter((hit) => hit.type === "dsm5_criteria").slice(0, 3);
    response = [
      "## Retrieval-only analysis (offline mode)",
      `Suggested diagnosis: **${item.suggested_diagnosis.primary}** (DSM-5-TR ${item.suggested_diagnosis.dsm5_code}, ICD-11 ${item.suggested_diagnosis.icd11_code}).`,
      matching.length ? `Criteria that best match the presentation:\n${matching.map((hit, i) => `${i + 1}. ${hit.title}`).join("\n")}` : "No criteria matched the presentation.",
      "Compare the case against each cited source; no AI model is configured to reason over them.",
    ].join("\n\n");
  }

  const frame = answerFrame(retrieval, safety, withRiskFirst(response, safety), usage);
  auditAnswer(c, "case.analyze", started, request, frame);
  return {
    status: "success" as const,
    case_id: item.case_id,
    case_data: item,
    ai_analysis: { ...frame.ai_response, findings },
    retrieved_documents: frame.retrieved_sources,
    knowledge_sources: frame.retrieved_sources.map(({ id, title, score }) => ({ id, title, score })),
    safety,
    disclaimer: DISCLAIMER,
  };
}
