/**
 * The diagnose and treatment prompts (the parts every grounded prompt shares are in
 * grounded-answer/prompt-parts.ts). Written for licensed clinicians: decision support only,
 * grounded in the retrieved sources, no invented codes.
 */
import { UNTRUSTED_SOURCES } from "../grounded-answer/prompt-parts";
import { MAX_DIFFERENTIAL } from "./rag.schemas";

const GROUNDING = [
  "You support licensed mental-health clinicians (therapists, psychologists, psychiatrists). You do not " +
    "diagnose; you offer a reasoned, cautious view the clinician will verify.",
  "Use only the SOURCES provided. Cite them by their id in supporting_sources; never cite an id that is not listed.",
  "Give DSM-5-TR and ICD-11 codes only as they appear in the SOURCES; if a source gives no code, use null. Never invent or guess a code.",
  'If no source fits the presentation well, say so plainly ("No good match among the sources"), say what is ' +
    "missing, and list no condition rather than the nearest one.",
  "Confidence is a number from 0 to 1 reflecting how well the presentation meets the cited criteria, not certainty of diagnosis.",
  "Write the `response` field as concise markdown for a clinician: what fits, what is missing, what to assess " +
    "next. Do not write a risk-assessment section: when risk indicators are present the server shows its own, with " +
    "crisis resources, before your response; weigh the risk in your reasoning.",
  UNTRUSTED_SOURCES,
].join("\n");

export function diagnosisMessages(
  symptoms: string,
  context: string | undefined,
  sources: string,
  riskNote: string | null,
  coverageNote: string | null = null,
) {
  return [
    {
      role: "system" as const,
      content: `${GROUNDING}\nTask: a ranked differential diagnosis (most likely first, at most ${MAX_DIFFERENTIAL} conditions).`,
    },
    {
      role: "user" as const,
      content: [`PRESENTATION:\n${symptoms}`, context ? `CONTEXT:\n${context}` : null, riskNote, coverageNote, `SOURCES:\n${sources}`]
        .filter(Boolean)
        .join("\n\n"),
    },
  ];
}

export function treatmentMessages(
  diagnosis: string,
  context: string | undefined,
  sources: string,
  riskNote: string | null,
  includeMedication: boolean,
  coverageNote: string | null = null,
) {
  return [
    {
      role: "system" as const,
      content: `${GROUNDING}\nTask: an evidence-based treatment plan: modalities with their evidence level as the sources grade it, measurable goals, a timeline; and the plan as a structured template: the problems it addresses (citing sources), SMART goals (specific, measurable, achievable, relevant, time-bound), objectives with a target week, interventions with their evidence level as the sources grade it, a frequency and citations (source ids), measures (validated instruments with how often, e.g. PHQ-9 every two weeks, and a target), and review_after_weeks.${
        includeMedication
          ? " Include medication_considerations for a prescriber (classes, monitoring, cautions) as the sources support."
          : " Set medication_considerations to null: the clinician is not a prescriber."
      }`,
    },
    {
      role: "user" as const,
      content: [`DIAGNOSIS:\n${diagnosis}`, context ? `CONTEXT:\n${context}` : null, riskNote, coverageNote, `SOURCES:\n${sources}`]
        .filter(Boolean)
        .join("\n\n"),
    },
  ];
}
