/**
 * Offline mode (no AI key): the note's sections filled extractively. Each sentence of the source
 * goes, verbatim, to the section its wording points at; nothing is paraphrased or added, and a
 * section no sentence points at says so. Codes come only from the retrieved criteria.
 */
import type { SearchHit } from "../knowledge/search";
import type { TemplateSection } from "../workspace/note-templates/note-templates.data";
import { type SourceSentence, type Statement, sourceSentences } from "./note-grounding";
import { NOTE_SECTIONS, type NoteFormat } from "./notes.schemas";

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

function kindOf(sentence: string): Kind {
  return CUES.find(([, cue]) => cue.test(sentence))?.[0] ?? "reported";
}

/** A source sentence as a statement: its own words, its own span, so it is trivially supported. */
const verbatim = (sentence: SourceSentence): Statement => ({ text: sentence.text, spans: [{ start: sentence.start, end: sentence.end }] });

export function offlineStatements(format: NoteFormat, text: string): Record<string, Statement[]> {
  const byName = new Map<string, Statement[]>(NOTE_SECTIONS[format].map((name) => [name, []]));
  for (const sentence of sourceSentences(text)) byName.get(FORMAT_SECTIONS[format][kindOf(sentence.text)])?.push(verbatim(sentence));
  return Object.fromEntries(byName);
}

/** Words a section's name and instruction share with what a kind of sentence is about. */
const KIND_WORDS: Record<Kind, string[]> = {
  reported: ["report", "subjective", "present", "concern", "complaint", "history", "client"],
  observed: ["observ", "objective", "mental", "status", "appear", "affect", "score", "measure"],
  assessment: ["assess", "impress", "formulat", "progress", "diagnos"],
  intervention: ["interven", "techniq", "therap", "session", "psychoed"],
  response: ["respon", "engage", "progress"],
  plan: ["plan", "next", "homework", "follow", "goal", "referr"],
};
const stems = (text: string) => new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((word) => word.slice(0, 6)));

/**
 * A template's best section for a sentence: the one whose name and instruction share the most
 * with the sentence's words and with what its kind of sentence is about; the first when none does.
 */
function templateSectionFor(sentence: string, sections: Array<{ name: string; words: Set<string> }>): string {
  const words = stems(sentence);
  const kindWords = KIND_WORDS[kindOf(sentence)];
  let best = sections[0].name;
  let bestScore = 0;
  for (const section of sections) {
    let score = 0;
    for (const word of words) if (section.words.has(word)) score++;
    for (const prefix of kindWords) for (const word of section.words) if (word.startsWith(prefix.slice(0, 6))) score += 2;
    if (score > bestScore) [best, bestScore] = [section.name, score];
  }
  return best;
}

export function offlineTemplateStatements(sections: TemplateSection[], text: string): Record<string, Statement[]> {
  const described = sections.map((section) => ({
    name: section.name,
    words: stems(`${section.name.replaceAll("_", " ")} ${section.instruction}`),
  }));
  const byName = new Map<string, Statement[]>(sections.map((section) => [section.name, []]));
  for (const sentence of sourceSentences(text)) byName.get(templateSectionFor(sentence.text, described))?.push(verbatim(sentence));
  return Object.fromEntries(byName);
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

export function offlineNoteResponse(formatName: string): string {
  return [
    "## Extractive note (offline mode)",
    `No AI model is configured, so each sentence of the source text was placed, verbatim, in the ${formatName} ` +
      "section its wording points at. Check the placement and complete the note; suggested codes are the best-matching " +
      "retrieved criteria, not a diagnosis.",
  ].join("\n\n");
}
