/**
 * Crisis / risk detector: a pure, deterministic, lexicon-and-regex screen of free text (symptoms,
 * patient context, session transcripts) for suicidal ideation, homicidal ideation, self-harm,
 * abuse and psychosis with danger. No network, no dependencies, no clock.
 *
 * It is a screen for clinicians, tuned to over-flag rather than miss: it surfaces the clause that
 * triggered so a human can judge it. It is not a risk assessment.
 *
 * What it reads: direct statements ("wants to die", "HI toward his neighbor"), clinical descriptions
 * ("self-inflicted lacerations", "intentional ingestion of bleach"), and the warning signs said
 * indirectly or shown in acts, as the 988 Lifeline, AFSP, SAMHSA / Joint Commission lists and the
 * C-SSRS preparatory-acts item describe them: being a burden, "won't be a problem much longer", no
 * way out, goodbyes, possessions given away, a will or note out of the blue, a method researched,
 * pills saved up, a rehearsal. Abuse counts as disclosed ("he said he'd kill me if I leave", a child's
 * bruises and who gave them), not only when named. Each has a guard for its everyday twin ("gave away
 * the ending", "overdosed on coffee", "said goodbye at the airport").
 *
 * How a text is read:
 * 1. Split into sentences (newlines, . ! ?), then into clauses at contrastive words ("but",
 *    "however", "except", "yet", ";"...). Negation never crosses a clause: in "denies current SI but
 *    reports passive SI last week" the "denies" cannot reach the second SI, nor in "denies intent,
 *    yet has been stockpiling pills" the stockpiling.
 * 2. Each clause is matched against the rule lexicon below. A match is dropped when it is:
 *    - negated: a trigger ("denies", "no", "never", "without", "negative for", "SI: none"...)
 *      governs it. Scope ends at a clause break, at a new assertion ("reports", "endorses"...), at a
 *      concession ("despite", "while"), at a comma that starts something other than a list of
 *      symptoms ("denies SI, has been giving away her things"), or after 6 words;
 *    - about someone else (SI, self-harm and HI only): "mother attempted suicide", "family
 *      history of...". A relative's suicide is family history, not the patient's ideation, and
 *      is never flagged (not even as historical). A parent telling about their child ("Mum says her
 *      son has been cutting") is telling about the patient;
 *    - an act on "her" by someone else: "he held a knife to her throat" is abuse, not self-harm;
 *    - a known idiom or neutral use ("kills time", "substance abuse", "overdose education").
 *      Accidental or unintentional overdoses are not read as self-harm.
 * 3. Temporal markers ("last week", "in 2019", "history of", "currently") date the findings in
 *    their comma-delimited stretch of the clause, or else the nearest finding. current > recent >
 *    historical when a finding gets several; no marker means current. "Recent" is within about
 *    three months (hours, days, weeks, up to 3 months: the C-SSRS looks back 3 months for
 *    behaviour); years, "as a teenager", "history of", "in 2019" are historical. Bare dates
 *    ("03/2024") are not read, so a dated note cannot push current risk into history.
 * 4. A question ("Have you thought about killing yourself?") is not a disclosure. It is flagged
 *    only when the next sentence answers yes or is ambivalent ("Yes, last week.", "I don't
 *    know"); "Do you feel safe at home?" answered no is flagged as abuse.
 *
 * Output: `crisis_detected` is true only when an indicator is current or recent. Historical
 * indicators (e.g. "suicide attempt in 2019") are still listed for the clinician, but alone they
 * neither set `crisis_detected` nor add resources. `resources` is empty unless `crisis_detected`;
 * then it is the crisis lines and emergency number of the clinician's country (./resources.ts;
 * null: the international directories), plus that country's abuse lines when a current or recent
 * abuse indicator is present.
 *
 * Other languages: each sentence is read in its own language, Spanish, French, German, Portuguese
 * or (by default) English, by a count of each one's frequent words (languages/identify.ts); the
 * others have rules of their own with the same negation, time and third-party steps
 * (languages/engine.ts), and every indicator names its language.
 *
 * Known limits: in English, the clinical abbreviations (SI, HI, DV, IPV, NSSI...) are read
 * only in capitals, so "si" and the greeting "Hi" never match. "SA" (suicide attempt or sexual
 * assault?) is deliberately not read. Abuse is flagged whoever the victim is: a household with
 * domestic violence is a safety concern either way.
 *
 * Cost: linear in the text, whatever the text. Sentences are cut by a scanner that reads each
 * character a bounded number of times; every regex reads a run of spaces or letters one way only;
 * whatever looks around a finding (negation, third parties, evidence) reads a window of at most a
 * few hundred characters; time markers date each finding once per comma-delimited stretch. The
 * first call in an isolate compiles the regexes (tens of ms).
 *
 * Layout: the rules are data (rules/, a file or two per category: suicide-warning-signs.ts and
 * self-poisoning.ts, abuse-disclosures.ts beside the direct ones; over the vocabulary in lexicon.ts);
 * text.ts cuts sentences and clauses, clause.ts is the engine, with negation.ts, temporal.ts,
 * third-party.ts, questions.ts and evidence.ts for its steps.
 */

import { analyzeSentence } from "./clause";
import { foreignFindings, foreignPackOf } from "./languages";
import { answeredQuestion, RHETORICAL } from "./questions";
import { safetyResources } from "./resources";
import { normalize, splitSentences } from "./text";
import type { CrisisIndicator, SafetyBlock } from "./types";

export type { CrisisCategory, CrisisIndicator, SafetyBlock } from "./types";

function scanField(field: string, raw: string): CrisisIndicator[] {
  const sentences = splitSentences(normalize(raw));
  const out: CrisisIndicator[] = [];
  sentences.forEach((sentence, i) => {
    // Each sentence in its own language: a session may switch mid-way (languages/).
    const pack = foreignPackOf(sentence.text);
    if (pack) {
      for (const f of foreignFindings(pack, sentence, sentences[i + 1]))
        out.push({ category: f.category, field, evidence: f.evidence, temporal: f.temporal, language: pack.language });
      return;
    }
    // A question put to someone is not a disclosure; only its answer can make it one. A question
    // about oneself ("What's the point of living?", "Why should I go on?") is one.
    const asked = sentence.question && !RHETORICAL.test(sentence.text);
    const findings = asked ? answeredQuestion(sentence, sentences[i + 1]) : analyzeSentence(sentence.text);
    for (const f of findings) out.push({ category: f.category, field, evidence: f.evidence, temporal: f.temporal, language: "en" });
  });
  return out;
}

/**
 * texts: named fields, e.g. { symptoms, patient_context } or { transcript }. country: whose crisis
 * lines a crisis gets (`UseCaseDeps.country`: ./crisis-resources.ts chosenCountry); null gives the
 * international directories, never another country's numbers.
 */
export function assessCrisis(texts: Record<string, string | undefined | null>, country: string | null = null): SafetyBlock {
  const indicators: CrisisIndicator[] = [];
  const seen = new Set<string>();
  for (const [field, text] of Object.entries(texts ?? {})) {
    if (typeof text !== "string" || !/[A-Za-z]/.test(text)) continue;
    for (const indicator of scanField(field, text)) {
      const key = `${indicator.field}\u0000${indicator.category}\u0000${indicator.temporal}\u0000${indicator.evidence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      indicators.push(indicator);
    }
  }
  const active = indicators.filter((i) => i.temporal !== "historical");
  const crisis_detected = active.length > 0;
  const resources = crisis_detected ? safetyResources(country, { abuse: active.some((i) => i.category === "abuse") }) : [];
  return { crisis_detected, indicators, resources };
}
