/** The case-analysis prompt: a stored case checked against retrieved criteria and guidelines. */

import { riskNoteFor, sourcesBlock, UNTRUSTED_SOURCES } from "../grounded-answer/prompt-parts";
import type { SearchHit } from "../knowledge/search";
import type { SafetyBlock } from "../safety/crisis";
import { MAX_ALTERNATIVE_DIAGNOSES, type SyntheticCase } from "./cases.schemas";

/** The case as the model reads it (and as retrieval searches for it). */
function caseText(item: SyntheticCase) {
  const { age, gender, occupation } = item.patient_demographics;
  const diagnosis = item.suggested_diagnosis;
  return [
    `Age ${age}, ${gender}${occupation ? `, ${occupation}` : ""}.`,
    `Presenting symptoms: ${item.presenting_symptoms.join("; ")}.`,
    `History: ${item.clinical_history}`,
    `Assessment notes: ${item.assessment_notes}`,
    `Risk factors: ${item.risk_factors.join("; ") || "none recorded"}. Protective factors: ${item.protective_factors.join("; ") || "none recorded"}.`,
    `Suggested diagnosis: ${diagnosis.primary} (DSM-5-TR ${diagnosis.dsm5_code}, ICD-11 ${diagnosis.icd11_code}).`,
  ].join("\n");
}

const INSTRUCTIONS = [
  "You support licensed mental-health clinicians reviewing a case. Use only the SOURCES; cite their ids; never invent codes.",
  `Check the suggested diagnosis against the cited criteria, list at most ${MAX_ALTERNATIVE_DIAGNOSES} alternative diagnoses worth ruling out, ` +
    "assessments still missing (name validated instruments), and treatment considerations.",
  "Write `response` as concise markdown. Do not write a risk-assessment section: when risk indicators are " +
    "present the server shows its own, with crisis resources, first.",
  UNTRUSTED_SOURCES,
].join("\n");

export function caseAnalysisMessages(item: SyntheticCase, hits: SearchHit[], safety: SafetyBlock, coverageNote: string | null = null) {
  return [
    { role: "system" as const, content: INSTRUCTIONS },
    {
      role: "user" as const,
      content: [`CASE:\n${caseText(item)}`, riskNoteFor(safety.indicators), coverageNote, `SOURCES:\n${sourcesBlock(hits)}`]
        .filter(Boolean)
        .join("\n\n"),
    },
  ];
}
