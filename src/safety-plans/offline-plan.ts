/**
 * Offline mode (no AI key): the plan's steps filled extractively. A sentence of the source goes,
 * verbatim, to each step its wording points at; nothing is paraphrased or added, and a step no
 * sentence points at is left for the clinician to complete with the client. English cues only:
 * a source in another language gets an empty draft rather than a guessed one.
 *
 * Every cue is a separate, bounded regular expression tested against one sentence (no pattern
 * spans two cues), so the cost is linear in the text.
 */
import type { SafetyPlanSection } from "./safety-plan-labels";

type Sentence = string;
type Cue = (sentence: Sentence) => boolean;

/** Saying a step does not hold ("nothing helps", "I don't have anyone to call") is not a step. */
const NEGATED = /\b(?:not|never|no|nobody|nothing|none|cannot|no one|without)\b|n't\b/i;

const PERSON =
  /\b(?:sister|brother|sibling|mother|mum|mom|father|dad|parents?|friends?|partner|boyfriend|girlfriend|husband|wife|aunt|uncle|cousin|grand(?:mother|ma|father|pa|parents?)|nan|neighbou?r|roommate|flatmate|colleague|co-?worker|pastor|priest|imam|rabbi|coach|mentor|sponsor)\b/i;
const SOCIAL_PLACE =
  /\b(?:coffee shop|caf[eé]|park|gym|church|mosque|synagogue|temple|library|club|team|choir|class(?:es)?|youth group|community cent(?:er|re)|support group)\b/i;
const SOCIAL_ACT =
  /\b(?:spend(?:s|ing)? time|hang(?:s|ing)? out|go(?:es|ing)? out|visit(?:s|ing)?|meet(?:s|ing)? up|being around|play(?:s|ing)? with)\b/i;
/** Something that settles or distracts: "helps me", "calms me down", "makes me feel better". */
const SOOTHES =
  /\b(?:helps? (?:me|her|him|them)|calms? (?:me|her|him|them)|settles? (?:me|her|him)|makes? (?:me|her|him) feel (?:better|calmer)|feels? (?:better|calmer)|distracts? (?:me|her|him)|distract(?:s|ed|ing)? (?:myself|herself|himself)|takes? (?:my|her|his) mind off|(?:breathing|grounding|relaxation|mindfulness) (?:exercises?|techniques?)|to cope|coping)\b/i;
/** Reaching a person: "call my sister", "I can talk to my friend", "she is there for me". */
const REACHES =
  /\b(?:call(?:s|ing)?|text(?:s|ing)?|phone|ring|talk(?:s|ing)? to|tell|reach(?:es|ing)? out|ask|turn to|trust|rely on|count on|lean on|there for (?:me|her|him)|picks? up)\b/i;
const PROFESSIONAL =
  /\b(?:my|her|his|their|our)\s+(?:therapist|counsell?or|psychiatrist|psychologist|doctor|physician|GP|nurse|case ?manager|social worker|care coordinator|key ?worker|clinic|care team)\b/i;
const PROFESSIONAL_NAMED = /\b(?:Dr\.?|Doctor)\s+[A-Z]/;
const SERVICE =
  /\b(?:crisis (?:line|team|service|centre|center)|hotline|helpline|emergency (?:room|department|services)|988|Samaritans|Lifeline|mental health (?:team|service|clinic))\b/i;
const WARNING =
  /\b(?:warning signs?|first signs?|triggers?|triggered|sets? (?:me|her|him) off|things get (?:bad|worse) when|spiral(?:s|ling)?|(?:I|she|he|they) (?:start|starts|begin|begins) to)\b/i;
const WHEN_SELF = /\bwhen (?:I|I'm|she|he|they)\b/i;
const STATE_CHANGE = /\b(?:start(?:s|ed)? to|begin(?:s)? to|get(?:s|ting)?|feel(?:s|ing)?|notice)\b/i;
const MEANS =
  /\b(?:guns?|firearms?|rifles?|pistols?|shotguns?|handguns?|ammunition|ammo|pills?|tablets?|medications?|medicines?|meds|prescriptions?|knife|knives|blades?|razors?|ropes?|weapons?|poison|pesticides?|car keys)\b/i;
const MADE_SAFE =
  /\b(?:lock(?:s|ed|ing)?|remov(?:e|es|ed|ing)|give (?:\w+ ){0,3}(?:to|away)|gave (?:\w+ ){0,3}(?:to|away)|hand(?:s|ed)? (?:\w+ ){0,2}over|stor(?:e|es|ed|ing)|cabinet|safe(?:ly| box| place|keeping)|dispos(?:e|ed|al)|throw(?:n)? away|threw away|(?:get|got|gets) rid|pharmacy|look(?:s|ing)? after|hold(?:s|ing)? on to)\b/i;
const REASON =
  /\b(?:reasons? (?:to|for) (?:live|living|stay(?:ing)? alive)|keeps? (?:me|her|him) (?:going|alive|here)|worth living for|live for|stay alive for|hold(?:s|ing)? on for|look(?:s|ing)? forward to)\b/i;
const LOVED = /\b(?:my|her|his) (?:kids|children|son|daughter|baby|grandchildren|dog|cat|pets?|family)\b/i;
const LOVED_BOND = /\b(?:love|loves|need(?:s)? me|matter|reason|want to see|think(?:ing)? (?:of|about)|for their sake|sake)\b/i;

const affirmed =
  (cue: Cue): Cue =>
  (sentence) =>
    !NEGATED.test(sentence) && cue(sentence);
const withPeopleOrPlaces = (s: Sentence) => PERSON.test(s) || SOCIAL_PLACE.test(s);

/** Which steps each sentence is read for; a sentence may serve more than one. */
const STEP_CUES: Record<SafetyPlanSection, Cue> = {
  warning_signs: (s) => WARNING.test(s) || (WHEN_SELF.test(s) && STATE_CHANGE.test(s)),
  coping_strategies: affirmed((s) => SOOTHES.test(s) && !withPeopleOrPlaces(s)),
  social_distractions: affirmed((s) => (SOOTHES.test(s) || SOCIAL_ACT.test(s)) && withPeopleOrPlaces(s)),
  people_to_ask: affirmed((s) => PERSON.test(s) && REACHES.test(s)),
  professionals_and_agencies: affirmed((s) => PROFESSIONAL.test(s) || PROFESSIONAL_NAMED.test(s) || SERVICE.test(s)),
  safe_environment: (s) => MEANS.test(s) && MADE_SAFE.test(s),
  reasons_for_living: affirmed((s) => REASON.test(s) || (LOVED.test(s) && LOVED_BOND.test(s))),
};

const MAX_SENTENCES = 400;
/** A "sentence" longer than this is a run-on transcript, not something to quote in a plan. */
const MAX_SENTENCE_CHARS = 600;

/** Sentences at ., ! or ? followed by a space, and at line breaks. */
function sentences(text: string): Sentence[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\p{L}/u.test(sentence) && sentence.length <= MAX_SENTENCE_CHARS)
    .slice(0, MAX_SENTENCES);
}

/** Each step's sentences, verbatim, in the order the source says them. */
export function offlinePlan(text: string): Record<SafetyPlanSection, string[]> {
  const steps = Object.fromEntries(Object.keys(STEP_CUES).map((step) => [step, [] as string[]])) as Record<SafetyPlanSection, string[]>;
  for (const sentence of sentences(text))
    for (const [step, cue] of Object.entries(STEP_CUES) as Array<[SafetyPlanSection, Cue]>) if (cue(sentence)) steps[step].push(sentence);
  return steps;
}
