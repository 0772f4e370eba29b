/**
 * Offline mode (no AI key): an extractive answer from retrieval alone. Confidence comes from the
 * retrieval score relative to the best hit, capped below certainty.
 */
import type { Coverage } from "../knowledge/coverage";
import type { SearchHit } from "../knowledge/search";
import { offlinePlanTemplate } from "./plan-template";

const MAX_OFFLINE_CONFIDENCE = 0.8;

function relative(hit: SearchHit, best: number): number {
  return best > 0 ? Math.round((hit.score / best) * MAX_OFFLINE_CONFIDENCE * 100) / 100 : 0;
}

/** What an answer says when the knowledge base holds nothing that fits (coverage "low"). */
const NO_GOOD_MATCH =
  "## No good match in the knowledge base\n\n" +
  "None of the diagnostic criteria in the knowledge base fits this description well: even the closest documents hold " +
  "little of what was described. No differential is offered rather than the nearest disorder. The sources listed are " +
  "related reading only. Consider a fuller description (onset, duration, course, impact), or a presentation outside " +
  "the knowledge base (see its list of disorders).";

export function offlineDifferential(hits: SearchHit[], coverage: Coverage) {
  if (coverage === "low") return { differential: [], response: NO_GOOD_MATCH };
  const criteria = hits.filter((hit) => hit.type === "dsm5_criteria").slice(0, 5);
  const best = criteria[0]?.score ?? 0;
  const differential = criteria.map((hit) => ({
    condition: hit.disorder ?? hit.title,
    dsm5_code: hit.dsm5_code,
    icd11_code: hit.icd11_code,
    confidence: relative(hit, best),
    rationale: `Retrieved criteria that match the presentation: "${hit.snippet}"`,
    supporting_sources: [hit.id],
  }));
  const lines = differential.map(
    (item, i) =>
      `${i + 1}. **${item.condition}** (DSM-5-TR ${item.dsm5_code ?? "n/a"}, ICD-11 ${item.icd11_code ?? "n/a"}), retrieval match ${item.confidence.toFixed(2)}`,
  );
  const response = [
    "## Retrieval-only answer (offline mode)",
    "No AI model is configured, so this is the ranked list of diagnostic criteria that best match the " +
      "presentation, not a reasoned differential. Review each cited source against the full presentation.",
    lines.length ? lines.join("\n") : "No diagnostic criteria matched the presentation.",
  ].join("\n\n");
  return { differential, response };
}

const MEDICATION_HEADING = /^#{2,3}\s+(pharmacotherapy|medication|medications|pharmacological (?:treatment|options))\b/i;
const MAX_MEDICATION_CHARS = 2_000;

/** A guideline's medication section, verbatim: the lines under its heading up to the next heading. */
function medicationSection(markdown: string): string | null {
  const lines: string[] = [];
  let inside = false;
  for (const line of markdown.split("\n")) {
    if (/^#{1,6}\s/.test(line)) {
      if (inside) break;
      inside = MEDICATION_HEADING.test(line);
      continue;
    }
    if (inside) lines.push(line);
  }
  const text = lines.join("\n").trim();
  if (!text) return null;
  return text.length > MAX_MEDICATION_CHARS ? `${text.slice(0, MAX_MEDICATION_CHARS).replace(/\s+\S*$/, "")} …` : text;
}

/** Medication considerations quoted from the best-matching guideline that has a medication section. */
function offlineMedication(guidelines: SearchHit[]): string | null {
  for (const hit of guidelines) {
    const section = hit.document_text ? medicationSection(hit.document_text) : null;
    if (section)
      return `From "${hit.title}" (source ${hit.id}), quoted without interpretation; check doses, interactions and contraindications against the full guideline:\n\n${section}`;
  }
  return null;
}

export function offlineTreatmentPlan(hits: SearchHit[], diagnosis: string, coverage: Coverage) {
  const guidelines = hits.filter((hit) => hit.type === "treatment_guideline").slice(0, 4);
  const modalities = guidelines.map((hit) => ({
    name: hit.title,
    evidence_level: hit.evidence_level,
    rationale: `From the retrieved guideline: "${hit.snippet}"`,
    supporting_sources: [hit.id],
  }));
  const treatment_plan = {
    modalities,
    goals: [
      "Agree measurable goals with the patient and track them with a validated measure at every session or every 2-4 " +
        "weeks (see the measurement-based care guidance).",
    ],
    timeline:
      "Use the typical timeline of the cited guideline; review response at 4-8 weeks and adjust if there is no meaningful improvement.",
    ...offlinePlanTemplate(diagnosis, guidelines),
    medication_considerations: offlineMedication(guidelines),
  };
  const response = [
    "## Retrieval-only answer (offline mode)",
    coverage === "low"
      ? "**No good match in the knowledge base:** no treatment guideline fits this diagnosis well. The guidelines below " +
        "are the nearest, listed as related reading, not as guidance for this diagnosis."
      : "No AI model is configured, so these are the treatment guidelines that best match the diagnosis; read each " +
        "cited source for first-line options and their evidence.",
    modalities.length
      ? modalities.map((m, i) => `${i + 1}. **${m.name}** (evidence ${m.evidence_level ?? "n/a"})`).join("\n")
      : "No treatment guideline matched.",
  ].join("\n\n");
  return { treatment_plan, response };
}
