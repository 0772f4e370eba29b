/**
 * Offline mode (no AI key): the note's sections filled extractively. Each sentence of the source
 * goes, verbatim, to the section its wording points at; nothing is paraphrased or added, and a
 * section no sentence points at says so. Codes come only from the retrieved criteria.
 */
import type { SearchHit } from "../knowledge/search";
import { NOT_DOCUMENTED, NOTE_SECTIONS, type NoteFormat } from "./notes.schemas";

type Kind = "reported" | "observed" | "assessment" | "intervention" | "response" | "plan";

/** Cues tried in this order; the first that matches decides. A sentence with none is what the client reported. */
const CUES: Array<[Kind, RegExp]> = [
  [
    "plan",
    /\b(plan|next session|follow[- ]up|homework|will (?:continue|practi[cs]e|try|start|meet|return|complete)|refer(?:ral|red)?|schedule[ds]?)\b/i,
  ],
  [
    "intervention",
    /\b(therapist|clinician|counsell?or|intervention|taught|introduced|practi[cs]ed|psychoeducation|reframing|role[- ]play|explored|validated|modelled|modeled|guided|reviewed)\b/i,
  ],
  ["response", /\b(responded|receptive|engaged well|was able to|verbali[sz]ed understanding|in response|tolerated)\b/i],
  [
    "assessment",
    /\b(assessment|impression|consistent with|meets criteria|diagnos\w*|progress(?:ing)?|improv(?:ed|ing|ement)|worsen(?:ed|ing)|symptoms? (?:are|remain))\b/i,
  ],
  [
    "observed",
    /\b(observed|appeared|appears|affect|presented (?:as|with)|eye contact|speech was|oriented|groomed|tearful|fidgeting|score[ds]?|phq-?9|gad-?7|mood was)\b/i,
  ],
];

const FORMAT_SECTIONS: Record<NoteFormat, Record<Kind, string>> = {
  soap: {
    reported: "subjective",
    observed: "objective",
    assessment: "assessment",
    intervention: "plan",
    response: "assessment",
    plan: "plan",
  },
  dap: { reported: "data", observed: "data", assessment: "assessment", intervention: "plan", response: "assessment", plan: "plan" },
  birp: {
    reported: "behavior",
    observed: "behavior",
    assessment: "response",
    intervention: "intervention",
    response: "response",
    plan: "plan",
  },
};

const MAX_SENTENCES = 400;

/** Sentences at ., ! or ? followed by a space, and at line breaks; one pass, linear in the text. */
function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[A-Za-z]/.test(sentence))
    .slice(0, MAX_SENTENCES);
}

function kindOf(sentence: string): Kind {
  return CUES.find(([, cue]) => cue.test(sentence))?.[0] ?? "reported";
}

export function offlineSections(format: NoteFormat, text: string): Record<string, string> {
  const byName = new Map<string, string[]>(NOTE_SECTIONS[format].map((name) => [name, []]));
  for (const sentence of sentences(text)) byName.get(FORMAT_SECTIONS[format][kindOf(sentence)])?.push(sentence);
  return Object.fromEntries([...byName].map(([name, lines]) => [name, lines.length ? lines.join(" ") : NOT_DOCUMENTED]));
}

const OFFLINE_CODES = 3;

/** The best-matching criteria's codes, each citing the source that carries it. */
export function offlineCodes(hits: SearchHit[]) {
  return hits
    .filter((hit) => hit.type === "dsm5_criteria")
    .slice(0, OFFLINE_CODES)
    .flatMap((hit) => [
      ...(hit.dsm5_code ? [{ code: hit.dsm5_code, system: "DSM-5-TR" as const, supporting_sources: [hit.id] }] : []),
      ...(hit.icd11_code ? [{ code: hit.icd11_code, system: "ICD-11" as const, supporting_sources: [hit.id] }] : []),
    ]);
}

export function offlineNoteResponse(format: NoteFormat): string {
  return [
    "## Extractive note (offline mode)",
    `No AI model is configured, so each sentence of the source text was placed, verbatim, in the ${format.toUpperCase()} ` +
      "section its wording points at. Check the placement and complete the note; suggested codes are the best-matching " +
      "retrieved criteria, not a diagnosis.",
  ].join("\n\n");
}
