/**
 * Every prompt the product sends, in one place. Written for licensed clinicians: decision support
 * only, grounded in the retrieved sources, no invented codes.
 */
import type { SearchHit } from "../knowledge/search";

export const DISCLAIMER =
  "Clinical decision support for licensed professionals only. It does not diagnose or prescribe, and it does not replace clinical judgement, a full assessment, or local protocols. Verify codes and recommendations against the primary sources.";

const GROUNDING = [
  "You support licensed mental-health clinicians (therapists, psychologists, psychiatrists). You do not diagnose; you offer a reasoned, cautious view the clinician will verify.",
  "Use only the SOURCES provided. Cite them by their id in supporting_sources; never cite an id that is not listed.",
  "Give DSM-5-TR and ICD-11 codes only as they appear in the SOURCES; if a source gives no code, use null. Never invent or guess a code.",
  "Confidence is a number from 0 to 1 reflecting how well the presentation meets the cited criteria, not certainty of diagnosis.",
  "Write the `response` field as concise markdown for a clinician: what fits, what is missing, what to assess next. If risk indicators are present, begin with a '## Risk assessment' section.",
].join("\n");

export function sourcesBlock(hits: SearchHit[]): string {
  return hits
    .map((hit) => {
      const codes = [hit.dsm5_code && `DSM-5-TR ${hit.dsm5_code}`, hit.icd11_code && `ICD-11 ${hit.icd11_code}`].filter(Boolean).join(", ");
      const body = hit.passage || hit.snippet;
      return `<source id="${hit.id}" type="${hit.type}" title="${hit.title.replaceAll('"', "'")}"${codes ? ` codes="${codes}"` : ""}>\n${body}\n</source>`;
    })
    .join("\n\n");
}

export function diagnosisMessages(symptoms: string, context: string | undefined, sources: string, riskNote: string | null) {
  return [
    { role: "system" as const, content: `${GROUNDING}\nTask: a ranked differential diagnosis (most likely first, 1 to 6 conditions).` },
    {
      role: "user" as const,
      content: [`PRESENTATION:\n${symptoms}`, context ? `CONTEXT:\n${context}` : null, riskNote, `SOURCES:\n${sources}`].filter(Boolean).join("\n\n"),
    },
  ];
}

export function treatmentMessages(diagnosis: string, context: string | undefined, sources: string, riskNote: string | null, includeMedication: boolean) {
  return [
    {
      role: "system" as const,
      content: `${GROUNDING}\nTask: an evidence-based treatment plan: modalities with their evidence level as the sources grade it, measurable goals, a timeline.${
        includeMedication ? " Include medication_considerations for a prescriber (classes, monitoring, cautions) as the sources support." : " Set medication_considerations to null: the clinician is not a prescriber."
      }`,
    },
    {
      role: "user" as const,
      content: [`DIAGNOSIS:\n${diagnosis}`, context ? `CONTEXT:\n${context}` : null, riskNote, `SOURCES:\n${sources}`].filter(Boolean).join("\n\n"),
    },
  ];
}

export function riskNoteFor(indicators: Array<{ category: string; temporal: string }>): string | null {
  if (!indicators.length) return null;
  return `RISK INDICATORS DETECTED: ${indicators.map((i) => `${i.category.replaceAll("_", " ")} (${i.temporal})`).join("; ")}. Start the response with a '## Risk assessment' section.`;
}
