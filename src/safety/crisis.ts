/**
 * Crisis / risk detector: a pure, deterministic, lexicon-and-regex screen of free text (symptoms,
 * patient context, session transcripts) for suicidal ideation, homicidal ideation, self-harm,
 * abuse and psychosis with danger. No network, no dependencies, no clock.
 *
 * It is a screen for clinicians, tuned to over-flag rather than miss: it surfaces the clause that
 * triggered so a human can judge it. It is not a risk assessment.
 *
 * How a text is read:
 * 1. Split into sentences (newlines, . ! ?), then into clauses at contrastive words ("but",
 *    "however", "except", ";"...). Negation never crosses a clause: in "denies current SI but
 *    reports passive SI last week" the "denies" cannot reach the second SI.
 * 2. Each clause is matched against the rule lexicon below. A match is dropped when it is:
 *    - negated: a trigger ("denies", "no", "never", "without", "negative for", "SI: none"...)
 *      governs it. Scope ends at a clause break, at a new assertion ("reports", "endorses"...),
 *      at a comma that starts something other than a list of symptoms, or after 6 words;
 *    - about someone else (SI, self-harm and HI only): "mother attempted suicide", "family
 *      history of...". A relative's suicide is family history, not the patient's ideation, and
 *      is never flagged (not even as historical);
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
 * then it is {@link CRISIS_RESOURCES}, plus {@link DV_HOTLINE} when a current or recent abuse
 * indicator is present.
 *
 * Known limits: English only. The clinical abbreviations (SI, HI, DV, IPV, NSSI...) are read
 * only in capitals, so "si" and the greeting "Hi" never match. "SA" (suicide attempt or sexual
 * assault?) is deliberately not read. Abuse is flagged whoever the victim is: a household with
 * domestic violence is a safety concern either way. Cost: the first call in an isolate compiles
 * the regexes (tens of ms); after that a note takes about a millisecond, a 60 kB transcript ~15 ms.
 */

export type CrisisCategory = "suicidal_ideation" | "homicidal_ideation" | "self_harm" | "abuse" | "psychosis_with_danger";

export interface CrisisIndicator {
  category: CrisisCategory;
  field: string;
  evidence: string;
  temporal: "current" | "recent" | "historical";
}

export interface CrisisResource {
  name: string;
  contact: string;
}

export interface SafetyBlock {
  crisis_detected: boolean;
  indicators: CrisisIndicator[];
  resources: CrisisResource[];
}

type Temporal = CrisisIndicator["temporal"];

const resource = (name: string, contact: string): CrisisResource => Object.freeze({ name, contact });

/** Always given when a crisis is detected. Frozen: every answer gets its own copies. */
export const CRISIS_RESOURCES: CrisisResource[] = Object.freeze([
  resource("988 Suicide & Crisis Lifeline", "Call or text 988 (US)"),
  resource("Crisis Text Line", "Text HOME to 741741"),
  resource("Local emergency services", "Call 911 in the US, or the local emergency number"),
]) as CrisisResource[];

/** Added when current or recent abuse is found. */
export const DV_HOTLINE: CrisisResource = resource("National Domestic Violence Hotline", "Call 1-800-799-7233 or text START to 88788");

const EVIDENCE_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Lexicon building blocks
// ---------------------------------------------------------------------------------------------

const REFLEX = "(?:(?:him|her|my|them|your|our|one)sel(?:f|ves)|themself)";
const POSS = "(?:his|her|my|their|your)";
const BODY = "(?:wrists?|arms?|forearms?|legs?|thighs?|skin|stomach|abdomen|belly|body|hips?|chest|ankles?)";
/** People who can abuse someone (partner, family, carers). */
const PERP =
  "(?:ex-?(?:husband|wife|boyfriend|girlfriend|partner|spouse)|partner|husband|hubby|wife|spouse|boyfriend|girlfriend|fianc[eé]e?|ex|" +
  "step-?(?:father|dad|mother|mom)|stepfather|stepdad|stepmother|stepmom|father|dad|mother|mom|mum|parents?|caregivers?|caretakers?|guardian|" +
  "uncle|aunt|grandfather|grandmother|grandpa|grandma|brother|sister|son|daughter|cousin|babysitter|coach|teacher|priest|pastor|roommate|pimp|trafficker|abuser|perpetrator)";
/** Third parties whose suicidality or self-harm is not the patient's. */
const KIN =
  "(?:mother|mom|mum|father|dad|step-?(?:father|mother|dad|mom)|stepfather|stepmother|stepdad|stepmom|parents?|brothers?|sisters?|siblings?|sons?|daughters?|" +
  "aunts?|uncles?|cousins?|nieces?|nephews?|grand(?:mother|father|parent|ma|pa|son|daughter)s?|husband|wife|spouse|partner|boyfriend|girlfriend|fianc[eé]e?|" +
  "ex-?(?:husband|wife|boyfriend|girlfriend|partner)|friends?|roommates?|classmates?|peers?|co-?workers?|neighbou?rs?|relatives?|family\\s+members?)";
const NUM = "(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\\s+)?few|several|(?:a\\s+)?couple(?:\\s+of)?|many)";
const UNIT = "(?:hours?|hrs?|days?|nights?|weeks?|wks?|weekends?|months?|mos?|years?|yrs?|decades?)";

const SUBSTANCE =
  "(?:alcohol|etoh|substances?|drugs?|opioids?|opiates?|benzo(?:diazepine)?s?|stimulants?|cocaine|crack|meth(?:amphetamines?)?|amphetamines?|cannabis|marijuana|thc|" +
  "polysubstance|prescriptions?|medications?|meds|laxatives?|inhalants?|nicotine|tobacco|heroin|fentanyl|steroids?|xanax|pills?|narcotics?|analgesics?|sedatives?|" +
  "ketamine|kratom|caffeine|gabapentin|adderall|oxycodone|hydrocodone|painkillers?|pain\\s+(?:pills|medications?))";

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

interface RuleContext {
  clause: string;
  /** A weapon, or a plan to act, is mentioned (not negated) somewhere in the sentence. */
  dangerInSentence: boolean;
}

type Accept = (m: RegExpExecArray, ctx: RuleContext) => boolean;

interface Rule {
  category: CrisisCategory;
  re: RegExp;
  /** A predicate ("wants to die"): a negation before a comma cannot reach it ("No sleep, wants to die"). */
  verbal: boolean;
  /** Drop when the subject is someone else ("mother attempted suicide"). */
  patientOnly: boolean;
  accept?: Accept;
}

const RULES: Rule[] = [];

function rule(category: CrisisCategory, source: string, opts: { cs?: boolean; verbal?: boolean; patientOnly?: boolean; accept?: Accept } = {}) {
  RULES.push({
    category,
    re: new RegExp(source, opts.cs ? "g" : "gi"),
    verbal: opts.verbal ?? false,
    patientOnly: opts.patientOnly ?? (category !== "abuse" && category !== "psychosis_with_danger"),
    accept: opts.accept,
  });
}

/**
 * Every match of a global regex. Unlike `matchAll` it does not clone the regex per call (the
 * detector runs ~80 rules on every clause); `lastIndex` is reset first, so the shared regexes
 * hold no state between calls.
 */
function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

const after = (m: RegExpExecArray, ctx: RuleContext, chars = 40) => ctx.clause.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + chars);
const before = (m: RegExpExecArray, ctx: RuleContext, chars = 40) => ctx.clause.slice(Math.max(0, (m.index ?? 0) - chars), m.index ?? 0);

/** "suicide risk assessment", "self-harm screening": an instrument or process, not a finding. */
const PROCESS_AFTER = /^\s+(?:risk|screen\w*|assessments?|precautions?|prevention|protocols?|watch|hotlines?|lifelines?|surveys?|inventory|scales?|questionnaires?|severity|education|training)\b/i;
const notProcess: Accept = (m, ctx) => !PROCESS_AFTER.test(after(m, ctx));

// --- suicidal ideation -------------------------------------------------------------------------

const SI = "suicidal_ideation";
// Clinical abbreviation, case-sensitive so "si"/"Hi" never match; "SI joint" is anatomy.
rule(SI, "(?<![A-Za-z])SI(?![A-Za-z])", { cs: true, accept: (m, ctx) => !/^\s*(?:joints?|jt|units?|screws?)\b/i.test(after(m, ctx)) });
// "non-suicidal self-injury" is self-harm, not SI.
rule(SI, "(?<!non[-\\s]?)\\bsuicid(?:al|ality)(?:\\s+(?:ideations?|thoughts?|thinking|ideas?|urges?|feelings?|intent|intentions?|behaviou?rs?|gestures?|plans?|planning|crisis|statements?|comments?|threats?|attempts?))?\\b", { accept: notProcess });
rule(SI, "\\bsuicide\\s+(?:attempts?|plans?|notes?|letters?|gestures?|ideation|thoughts?|intent|pact|threats?|vest)\\b", { accept: notProcess });
rule(SI, "\\b(?:attempt(?:s|ed|ing)?\\s+(?:at\\s+)?suicide|commit(?:s|ting)?\\s+suicide|contemplat\\w*\\s+suicide|consider(?:s|ed|ing)?\\s+suicide)\\b");
// Passive wish to be dead. "going to die" is left out: it is what panic feels like.
rule(SI, "\\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|desires?|desired|ready|urges?|longs?|longing|(?:would|'d)\\s+(?:rather|like)|prefer(?:s|red)?)\\s+to\\s+(?:just\\s+)?(?:die|be\\s+dead|not\\s+(?:wake\\s+up|be\\s+alive|exist|be\\s+here)|never\\s+wake\\s+up|disappear\\s+forever)\\b", { verbal: true });
// Active intent, plan or method, including an overdose plan.
const SI_ACT =
  `(?:end(?:ing)?\\s+(?:it\\s+all|${POSS}\\s+(?:own\\s+)?life)|kill(?:ing)?\\s+${REFLEX}|tak(?:e|ing)\\s+${POSS}\\s+(?:own\\s+)?life|commit(?:ting)?\\s+suicide|overdos(?:e|ing)|OD|hang(?:ing)?\\s+${REFLEX}|shoot(?:ing)?\\s+${REFLEX}|jump(?:ing)?\\s+(?:off|from|in\\s+front\\s+of))\\b`;
rule(
  SI,
  `\\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|desires?|ready|urges?|going|gonna|plans?|planned|planning|intends?|intended|intending|intent|intention|tried|tries|trying|attempt(?:s|ed|ing)?|threaten(?:s|ed|ing)?|decided|prepared|means|considering|contemplating)\\s+(?:to\\s+)?(?:just\\s+|really\\s+|actually\\s+)?${SI_ACT}`,
  { verbal: true },
);
// The noun form can sit in a negated list: "denies SI, plan, or thoughts of ending his life".
rule(SI, `\\b(?:thinking|thoughts?|thinks|fantasi\\w+|ideas?|urges?|images?)\\s+(?:of|about)\\s+(?:just\\s+|really\\s+|actually\\s+)?${SI_ACT}`);
rule(SI, `\\bkill(?:s|ed|ing)?\\s+${REFLEX}\\b`, { verbal: true });
rule(SI, `\\b(?:hang(?:s|ed|ing)?|shoot(?:s|ing)?|shot|drown(?:s|ed|ing)?|suffocat(?:e|es|ed|ing)|electrocut(?:e|es|ed|ing)|strangl(?:e|es|ed|ing))\\s+${REFLEX}\\b`, {
  verbal: true,
  accept: (m, ctx) => !/^\s+in\s+the\s+foot\b/i.test(after(m, ctx)), // the idiom
});
// Present tense only: "took his own life" describes someone who died (a third party).
rule(SI, `\\b(?:end|ends|ending|take|takes|taking)\\s+${POSS}\\s+(?:own\\s+)?life\\b|\\bend(?:s|ing)?\\s+it\\s+all\\b`, { verbal: true });
rule(SI, "\\b(?:thoughts?|thinking|thinks|think|thought|ideas?|fantasi\\w+|preoccup\\w+|ruminat\\w+|talk(?:s|ed|ing)?|wonder(?:s|ed|ing)?|dream(?:s|ed|ing)?)\\s+(?:of|about|with)\\s+(?:suicide|death|dying|being\\s+dead|not\\s+(?:being\\s+(?:here|alive)|waking\\s+up|existing)|no\\s+longer\\s+(?:being\\s+)?(?:here|alive))\\b", {
  accept: (m, ctx) => !/^\s+of\b/i.test(after(m, ctx)), // "talks about death of her father": grief
});
rule(SI, "\\bbetter\\s+off\\s+(?:dead|without\\s+me)\\b|\\b(?:everyone|everybody|family|they|kids|children|world|wife|husband|parents)\\s+(?:\\w+\\s+){0,2}better\\s+off\\s+without\\s+(?:him|her|them)\\b");
rule(SI, "\\bbetter\\s+off\\s+if\\s+(?:I|he|she|they)\\s+(?:(?:was|were)(?:n't|\\s+not)\\s+(?:here|around|alive)|(?:was|were)\\s+(?:gone|dead)|(?:just\\s+)?(?:died|disappeared))\\b|\\b(?:world|everyone|everybody|family)\\s+(?:would\\s+be|is)\\s+better\\s+without\\s+me\\b");
rule(SI, "\\bwish(?:es|ed|ing)?\\s+(?:that\\s+)?(?:I|he|she|they)\\s+(?:was|were|could\\s+be|would\\s+be|'d\\s+be|had\\s+been)\\s+(?:dead|gone|never\\s+born)\\b");
rule(SI, "\\bwish(?:es|ed|ing)?\\s+(?:that\\s+)?(?:I|he|she|they)\\s+(?:could|would)\\s+(?:just\\s+)?(?:die|not\\s+wake\\s+up|disappear)\\b");
rule(SI, "\\b(?:wouldn't|would\\s+not|won't|will\\s+not)\\s+(?:mind|care)\\s+if\\s+(?:I|he|she|they)\\s+(?:died|dies|die|didn't\\s+wake\\s+up|did\\s+not\\s+wake\\s+up|never\\s+woke\\s+up|were\\s+dead|was\\s+dead)\\b");
rule(SI, "\\b(?:doesn't|does\\s+not|don't|do\\s+not|didn't|no\\s+longer)\\s+care\\s+(?:if|whether)\\s+(?:I|he|she|they)\\s+(?:live|lives|die|dies|died|wakes?\\s+up)\\b");
rule(SI, "\\bno\\s+(?:reason|point|purpose)\\s+(?:to\\s+(?:live|go\\s+on|keep\\s+(?:going|living))|in\\s+(?:living|going\\s+on|being\\s+alive))\\b");
rule(SI, "\\b(?:doesn't|does\\s+not|don't|do\\s+not|can't|cannot)\\s+see\\s+(?:a|any|the)\\s+(?:reason|point)\\s+(?:to|in|of)\\s+(?:live|living|go\\s+on|going\\s+on|being\\s+alive)\\b");
// Often asked rather than stated: "What's the point of living?", "Who would care if I died?"
rule(SI, "\\b(?:what's|what\\s+is)\\s+the\\s+point\\s+(?:of|in)\\s+(?:living|going\\s+on|life|being\\s+alive|staying\\s+alive)\\b|\\bwhy\\s+(?:should|would|do)\\s+I\\s+(?:even\\s+)?(?:go\\s+on|keep\\s+(?:going|living)|live|bother\\s+living|stay\\s+alive)\\b|\\bwho\\s+would\\s+(?:even\\s+)?(?:care|miss\\s+me|notice)\\s+if\\s+I\\s+(?:died|was\\s+gone|were\\s+gone|killed\\s+myself|disappeared|wasn't\\s+here)\\b");
rule(SI, "\\bnothing\\s+(?:left\\s+)?to\\s+live\\s+for\\b|\\b(?:not|isn't|is\\s+not|no\\s+longer)\\s+worth\\s+(?:living|being\\s+alive)\\b|\\btired\\s+of\\s+(?:living|life|being\\s+alive|existing)\\b");
rule(SI, "\\b(?:don't|doesn't|do\\s+not|does\\s+not|didn't|did\\s+not|no\\s+longer)\\s+want(?:s)?\\s+to\\s+(?:live|be\\s+alive|exist|wake\\s+up|go\\s+on\\s+living|be\\s+(?:here|around)\\s+any\\s?more)\\b", { verbal: true });
rule(SI, "\\b(?:go\\s+to\\s+sleep|fall\\s+asleep|sleep)\\s+and\\s+(?:never|not)\\s+wake\\s+up\\b|\\b(?:passive\\s+)?death\\s+wish\\b");
// Preparatory behaviour.
rule(SI, `\\bnooses?\\b|\\busing\\s+(?:it|them|(?:a|the|his|her|my)\\s+(?:gun|firearm|pistol|rifle|knife|pills|rope))\\s+on\\s+${REFLEX}\\b`);
rule(SI, "\\b(?:stockpil\\w*|hoard\\w*|sav(?:e|es|ed|ing)\\s+up|stash\\w*)\\s+(?:\\w+\\s+){0,2}?(?:pills|tablets|medications?|meds|opioids|opiates|painkillers|pain\\s+pills)\\b");
rule(SI, `\\b(?:wrote|writes?|writing|written|left|leaves|leaving|draft(?:s|ed|ing)?)\\s+(?:(?:a|an|her|his|my|their)\\s+)?(?:\\w+\\s+)?(?:goodbye|suicide|farewell)\\s+(?:notes?|letters?|messages?|texts?|videos?)\\b|\\bgoodbye\\s+(?:notes?|letters?)\\b`);
rule(SI, `\\bgiv(?:e|es|ing|en)\\s+away\\s+(?:(?:his|her|my|their|all|most)\\s+)?(?:\\w+\\s+)?(?:possessions|belongings)\\b|\\bgave\\s+away\\s+(?:(?:his|her|my|their|all|most)\\s+)?(?:\\w+\\s+)?(?:possessions|belongings)\\b`);
rule(
  SI,
  `\\b(?:research(?:es|ed|ing)?|googl(?:e|es|ed|ing)|look(?:s|ed|ing)?\\s+up|search(?:es|ed|ing)?(?:\\s+for)?|read(?:s|ing)?\\s+about)\\s+(?:\\w+\\s+){0,3}?(?:(?:ways|how|methods?)\\s+to\\s+(?:die|kill\\s+${REFLEX}|end\\s+(?:it\\s+all|${POSS}\\s+life)|overdose|commit\\s+suicide)|lethal\\s+(?:doses?|dosages?|amounts?)|suicide\\s+methods?)\\b`,
);
// "Looked up how many of my pills it would take."
const MED = "(?:pills|tablets|meds|medications?|tylenol|acetaminophen|paracetamol|insulin|opioids|oxy\\w*|xanax|benadryl|lithium)";
rule(
  SI,
  "\\b(?:look(?:s|ed|ing)?\\s+up|research(?:es|ed|ing)?|googl(?:e|es|ed|ing)|search(?:es|ed|ing)?|calculat(?:e|es|ed|ing)|count(?:s|ed|ing)?|figur(?:e|es|ed|ing)\\s+out|wonder(?:s|ed|ing)?)\\s+(?:\\w+\\s+){0,2}?how\\s+(?:many|much)\\s+" +
    `(?:(?:[\\w']+\\s+){0,3}?${MED}\\s+(?:[\\w']+\\s+){0,3}?(?:would|will|'d)\\s+(?:it\\s+)?take|(?:[\\w']+\\s+){0,5}?(?:would|will|'d)\\s+(?:it\\s+)?(?:kill|be\\s+(?:lethal|fatal|deadly)))\\b`,
);
rule(SI, `\\b(?:jump(?:s|ed|ing)?\\s+(?:off|from)\\s+(?:a|the|his|her|my)\\s+(?:bridge|building|roof|rooftop|balcony|cliff|overpass|parking\\s+garage|tower)|(?:jump|step|walk)(?:s|ed|ing)?\\s+in\\s+front\\s+of\\s+(?:a|the)\\s+(?:train|bus|car|truck|traffic)|driv(?:e|es|ing)\\s+(?:${POSS}\\s+)?(?:car\\s+)?(?:off\\s+(?:a|the)\\s+(?:bridge|cliff)|into\\s+oncoming\\s+traffic))\\b`, { verbal: true });
// The negation is part of these phrases, so a preceding "no" does not turn them around.
rule(SI, `\\b(?:unable\\s+to|can't|cannot|can\\s+not|could\\s+not|couldn't|won't|will\\s+not|would\\s+not|refuse[sd]?\\s+to|decline[sd]?\\s+to)\\s+(?:contract\\s+for\\s+safety|commit\\s+to\\s+(?:safety|a\\s+safety\\s+plan)|guarantee\\s+${POSS}\\s+(?:own\\s+)?safety|agree\\s+to\\s+(?:a\\s+)?safety\\s+plan|keep\\s+${REFLEX}\\s+safe|stay\\s+safe)\\b`);
// Screening instruments.
rule(SI, "\\b(?:C-?SSRS|Columbia(?:\\s+Suicide\\s+Severity\\s+Rating\\s+Scale)?)(?:\\s+(?:screen(?:er|ing)?|score|result|assessment))?\\s*(?:[:=-]\\s*|\\s+(?:was|is|were)\\s+)?(?:\\+|positive\\b|pos\\b|(?:high|moderate)\\s+risk\\b)");
rule(SI, "\\bpositive\\s+(?:on\\s+(?:the\\s+)?)?(?:C-?SSRS|Columbia|PHQ-?9\\s+(?:item|question|q|#)\\s*9)\\b");
rule(SI, "\\bPHQ-?9\\s+(?:item|question|q|#)\\s*9\\s*(?:[:=-]\\s*|\\s+(?:was|is)\\s+)?(?:positive\\b|\\+|[123]\\b)");

// --- self-harm ---------------------------------------------------------------------------------

const SH = "self_harm";
rule(SH, "\\bself[-\\s]?(?:harm(?:s|ed|ing)?|injur(?:y|ies|ious|ing|ed)|mutilat(?:ion|ing|ed|es|e)|inflicted\\s+(?:\\w+\\s+)?(?:wounds?|cuts?|lacerations?|burns?|injur(?:y|ies)|gunshot))\\b", { accept: notProcess });
rule(SH, "(?<![A-Za-z])(?:NSSI|SIB|DSH|DTS)(?![A-Za-z])", { cs: true });
rule(SH, `\\bcut(?:s|ting)?\\s+(?:on\\s+)?(?:${REFLEX}|${POSS}\\s+(?:own\\s+)?${BODY})\\b`, { verbal: true });
// Bare "cutting" only where it can only mean self-injury: "cuts back on caffeine", "cutting
// board", "cutting class" stay out.
const CUTTING_CONTEXT_BEFORE =
  /\b(?:history\s+of|hx\s+of|h\/o|urges?\s+(?:to|for)|started|began|begun|resumed|restarted|been|engag(?:es|ed|ing)\s+in|episodes?\s+of|recent|active|reports?|reported|endorses?|endorsed|admits?(?:\s+to)?|admitted(?:\s+to)?|denies|denied|no|any|self-harm|self-injury|NSSI)\W+(?:\w+\s+)?$/i;
const CUTTING_NOT_SELF_AFTER = /^\s+(?:back|down|out|off|up|class(?:es)?|school|corners|costs?|hair|edge|boards?|ties|weight|calories|carbs)\b/i;
rule(SH, "\\bcutting\\b", { accept: (m, ctx) => CUTTING_CONTEXT_BEFORE.test(before(m, ctx, 60)) && !CUTTING_NOT_SELF_AFTER.test(after(m, ctx)) });
rule(SH, `\\bcutting\\b(?=\\s*\\)|\\s+(?:again|behaviou?rs?|episodes?|on\\s+${POSS}\\b|with\\s+(?:a\\s+)?(?:razors?|blades?|knife|glass|scissors|box\\s+cutter)))`);
rule(SH, `\\b(?:burn(?:s|ed|t|ing)?|hit(?:s|ting)?|punch(?:es|ed|ing)?|scratch(?:es|ed|ing)?|hurt(?:s|ing)?|harm(?:s|ed|ing)?|bit(?:e|es|ing)?|stab(?:s|bed|bing)?)\\s+${REFLEX}\\b`, {
  verbal: true,
  // "hurt myself playing football" is an accident.
  accept: (m, ctx) => !/^\s+(?:(?:while|when)\s+)?(?:playing|lifting|working|running|exercising|skiing|climbing|cooking|moving|falling|at\s+(?:work|the\s+gym)|in\s+(?:a|the)\s+(?:fall|accident|gym|game|match)|during|on\s+the\s+job|working\s+out|by\s+accident|accidentally)\b/i.test(after(m, ctx)),
});
rule(SH, `\\burges?\\s+to\\s+(?:cut|burn|self-?harm|(?:hurt|harm)\\s+${REFLEX})\\b(?!\\s+(?:back|down|out|off|up|class))`);
rule(SH, `\\bscratch(?:es|ed|ing)?\\s+(?:${REFLEX}|${POSS}\\s+(?:own\\s+)?${BODY})\\s+(?:until|till|to\\s+the\\s+point)\\b`, { verbal: true });
// Wounds whose pattern itself says self-inflicted.
rule(SH, `\\b(?:(?:linear|parallel)\\s+(?:cuts|lacerations|scratches|burns|scars)|(?:fresh|healing)\\s+(?:cuts|scratches))\\s+(?:on|to|across)\\s+(?:(?:her|his|their|the|both|left|right|bilateral)\\s+)*${BODY}`);
rule(SH, `\\b(?:bang(?:s|ed|ing)?|hit(?:s|ting)?)\\s+${POSS}\\s+head\\s+(?:against|on|into)\\s+(?:the\\s+|a\\s+)?walls?\\b|\\bhead[-\\s]?banging\\b`);
rule(SH, `\\b(?:harm|danger|injury)\\s+to\\s+(?:self|${REFLEX})\\b|\\b(?:harm(?:ing)?|hurt(?:ing)?)\\s+self\\b|\\bdanger(?:ous)?\\s+to\\s+(?:self|${REFLEX})\\b`);
// Overdose as an event. Education, prevention, risk, naloxone, accidental ones are not self-harm;
// an overdose *plan* is suicidal ideation (above).
const OD_NOT_EVENT_AFTER = /^\s*(?:education|prevention|risk|reversal|kits?|response|training|awareness|deaths?|crisis|epidemic|rescue|precautions?|counsel\w*|antidote|protocol|plan)\b/i;
const OD_NOT_EVENT_BEFORE =
  /\b(?:risks?|prevent\w*|educat\w*|signs?|symptoms?|case|event|revers\w*|counsel\w*|dangers?|naloxone|narcan|recogni[sz]\w*|respond\w*|accidental(?:ly)?|unintentional(?:ly)?|unintended|witnessed|plans?|planned|planning|thoughts?|thinking|wants?|wanted|intends?|intending|considering|contemplating|threaten\w*|urges?|going|gonna|means)\b(?:\s+(?:of|for|an?|the|to|on|about|in|with|opioid|drug|possible|potential|accidental|an?\s+opioid))*\s*$/i;
const overdoseEvent: Accept = (m, ctx) =>
  !OD_NOT_EVENT_AFTER.test(after(m, ctx)) && !OD_NOT_EVENT_BEFORE.test(before(m, ctx, 60)) && !/\b(?:accidental(?:ly)?|unintentional(?:ly)?)\b/i.test(ctx.clause);
rule(SH, "\\boverdos(?:e|ed|es|ing)\\b", { accept: overdoseEvent });
rule(SH, "\\bOD(?:'d|'ed|ed|d)(?![A-Za-z])|\\bintentional\\s+(?:overdose|ingestion|OD)\\b", { cs: true, accept: overdoseEvent });
rule(SH, `\\b(?:took|ingested|swallowed)\\s+(?:a\\s+(?:whole\\s+)?(?:handful|bottle)|(?:an?\\s+|the\\s+)?(?:entire|whole)\\s+bottle|\\d{2,}|twenty|thirty|forty|fifty|dozens?)\\s+(?:of\\s+)?(?:(?:his|her|my|their|the)\\s+)?(?:\\w+\\s+)?(?:pills|tablets|tabs|capsules|meds|medications?)\\b|\\btook\\s+all\\s+(?:of\\s+)?${POSS}\\s+(?:\\w+\\s+)?(?:pills|tablets|meds|medications?)\\s+at\\s+once\\b`, { verbal: true });

// --- homicidal ideation ------------------------------------------------------------------------

const HI = "homicidal_ideation";
rule(HI, "(?<![A-Za-z])(?:HI|DTO)(?![A-Za-z])", { cs: true });
rule(HI, "\\bhomicid(?:al|ality)(?:\\s+(?:ideations?|thoughts?|thinking|ideas?|urges?|feelings?|intent|intentions?|behaviou?rs?|plans?|threats?))?\\b", { accept: notProcess });
const HI_INF = "(?:kill|hurt|harm|murder|stab|shoot\\s+up|shoot|strangle|choke|attack|assault|beat(?:\\s+up)?|poison|punch|run\\s+over|get\\s+back\\s+at)";
const HI_GER = "(?:killing|hurting|harming|murdering|stabbing|shooting\\s+up|shooting|strangling|choking|attacking|assaulting|beating(?:\\s+up)?|poisoning|punching|running\\s+over|getting\\s+back\\s+at)";
const HI_FRAME_TO = "(?:wants?|wanted|wanting|going|plans?|planned|planning|intends?|intended|intending|intent|intention|threaten(?:s|ed|ing)?|urges?|desires?|desired|tried|tries|trying|ready|prepared|determined|swore|vowed|promised|means)";
const HI_FRAME_OF = "(?:thoughts?|thinking|thinks|think|fantasi(?:es|[sz]es|[sz]ing|[sz]e)|ideation|ideas?|urges?|impulses?|dreams?|dreaming|obsess(?:ed|ing|ions?)|talk(?:s|ed|ing)?|plans?|planning)\\s+(?:of|about)";
const HI_OBJ =
  `(?!(?:${REFLEX}|self|me|it|time)\\b)(?<obj>him|her|them|someone|somebody|people|others|everyone|everybody|anyone|anybody|you|us|` +
  "(?:his|their|my|your|the|a|an|that|this|those|these|our)\\s+(?:[\\w-]+\\s+)?[\\w-]+|(?<name>[A-Za-z][a-z]+))\\b";
/** Objects that make "kill/hurt X" an idiom: "hurt her feelings", "kill the pain". */
const IDIOM_OBJECT = /\b(?:feelings|chances|career|reputation|pride|relationship|business|credit|pain|mood|vibe|time|buzz|noise|engine|lights?|bugs?|weeds|germs|bacteria|competition|interview|presentation|exam|test|game|deal|conversation|joke|back|knee)\b/i;
const NOT_A_NAME = new Set(
  "I The A An This That It Time Everything Nothing Something Anything Him Her Them Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Tonight".split(" "),
);
const hiObject: Accept = (m, ctx) => {
  const obj = m.groups?.obj ?? "";
  const name = m.groups?.name;
  if (name && (!/^[A-Z][a-z]+$/.test(name) || NOT_A_NAME.has(name))) return false; // a bare word must be a proper name
  if (IDIOM_OBJECT.test(obj)) return false;
  if (/^(?:her|his)$/i.test(obj) && IDIOM_OBJECT.test(after(m, ctx, 20).split(/\s+/).slice(0, 3).join(" "))) return false;
  return true;
};
rule(HI, `\\b(?:${HI_FRAME_TO}\\s+to\\s+(?:(?:really|just|go|actually)\\s+)?${HI_INF}|gonna\\s+${HI_INF}|(?:I|he|she|they)(?:'ll|'d|\\s+will|\\s+would)\\s+${HI_INF})\\s+${HI_OBJ}`, { verbal: true, accept: hiObject });
rule(HI, `\\b${HI_FRAME_OF}\\s+(?:(?:really|just|actually)\\s+)?${HI_GER}\\s+${HI_OBJ}`, { accept: hiObject });
rule(HI, `\\b(?:harm(?:ing)?|hurt(?:ing)?|danger(?:ous)?|violen(?:ce|t)|threat(?:s|ening)?|aggressi(?:on|ve))\\s+(?:(?:to(?:wards?)?|toward|against)\\s+)?(?:(?:self|${REFLEX})\\s*(?:or|and|\\/)\\s*)?others\\b`);
rule(HI, "\\bviolent\\s+(?:thoughts|urges|fantasies|ideation|intent|impulses|threats)\\b");
rule(HI, "\\bduty\\s+to\\s+(?:warn|protect)\\b|\\bTarasoff\\b", { patientOnly: false });
rule(HI, "\\bwants?\\s+(?:him|her|them|(?:his|her|their|my)\\s+[\\w-]+)\\s+dead\\b");
rule(HI, "\\bthreaten(?:s|ed|ing)?\\s+(?:his|her|their|a|the)\\s+(?:[\\w-]+\\s+){1,2}?with\\s+(?:a\\s+)?(?:gun|knife|weapon|firearm|bat|machete|pistol|rifle)\\b");

// --- abuse -------------------------------------------------------------------------------------

const AB = "abuse";
/** "verbally abusive toward staff" is the patient's behaviour on the unit, not abuse they live with. */
const notTowardStaff: Accept = (m, ctx) => !/^\s+(?:toward|towards|to|with)\s+(?:the\s+)?(?:staff|nurses?|providers?|others|peers|clinicians?)\b/i.test(after(m, ctx));
rule(AB, "\\b(?:physical(?:ly)?|sexual(?:ly)?|emotional(?:ly)?|verbal(?:ly)?|psychological(?:ly)?|domestic|child|elder|spousal|partner|financial|ritual(?:istic)?)\\s+(?:abuse[ds]?|abusive|assault(?:ed)?|violence|exploitation|maltreatment)\\b", { accept: notTowardStaff });
// Bare "abuse": not when it is about a substance ("alcohol abuse", "abuse of opioids", "abuse-
// deterrent"), the old term "self-abuse", or the patient being "abusive toward staff".
const SUBSTANCE_BEFORE = new RegExp(`(?:\\b${SUBSTANCE}(?:\\s+(?:and|or|\\/|&)\\s+\\w+)?(?:\\s+use)?|self-?)\\s*$`, "i");
const SUBSTANCE_AFTER = new RegExp(`^\\s*(?:(?:of|on)\\s+(?:\\w+\\s+)?${SUBSTANCE}|${SUBSTANCE}|-?\\s*(?:potential|liability|deterrent|disorder))\\b`, "i");
rule(AB, "\\b(?:abuse[ds]?|abusing|abusive|abuser)\\b", {
  accept: (m, ctx) => !SUBSTANCE_BEFORE.test(before(m, ctx)) && !SUBSTANCE_AFTER.test(after(m, ctx)) && notTowardStaff(m, ctx),
});
rule(AB, "(?<![A-Za-z])DV(?![A-Za-z])", { cs: true });
// IPV is also the polio vaccine in paediatric notes.
rule(AB, "(?<![A-Za-z])IPV(?![A-Za-z])", { cs: true, accept: (_m, ctx) => !/\b(?:vaccin\w*|immuni[sz]\w*|polio|DTaP|MMR|Hib|HepB|PCV|Tdap)\b/i.test(ctx.clause) });
rule(AB, "\\b(?:intimate\\s+partner|family|dating|relationship)\\s+violence\\b");
rule(AB, "\\b(?:raped?|raping|molest(?:ed|ation|ing|er)?|incest|sexually\\s+(?:assaulted|abused|exploited|molested|touched)|(?:sex|human)\\s+traffick(?:ing|ed)|trafficked|inappropriately\\s+touched|touched\\s+(?:her|him|me)\\s+inappropriately|inappropriate\\s+touching|unwanted\\s+sexual\\s+(?:contact|touching)|battered|batterer)\\b");
const ABUSE_VERB =
  "(?:(?:threaten(?:s|ed|ing)?|tried|tries|trying|wants?|going)\\s+to\\s+(?:kill|hurt|harm|beat|shoot|stab|strangle|choke)|threaten(?:s|ed|ing)?|hit|hits|hitting|beat|beats|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|push(?:es|ed|ing)|shov(?:es|ed|ing)|burn(?:s|ed)|bit|bites|grabb?(?:s|ed|ing)|abus(?:es|ed|ing)|assault(?:s|ed|ing)?|rap(?:es|ed)|molest(?:s|ed|ing)|attack(?:s|ed|ing)|smother(?:s|ed|ing)|restrain(?:s|ed|ing)|stalk(?:s|ed|ing)|harass(?:es|ed|ing)|thr(?:ew|ows)\\s+\\w+\\s+at)";
const VICTIM =
  "(?:her|him|me|them|us|the\\s+(?:patient|pt|client|kids|children|child|baby|family)|pt|patient|client|(?:his|her|their|my)\\s+(?:kids|children|child|son|daughter|baby|wife|husband|partner|girlfriend|boyfriend|mother|mom|father|dad|sister|brother))\\b" +
  "(?!\\s+(?:own\\s+)?(?:back|knees?|legs?|foot|feet|ankle|shoulder|hands?|arm|feelings|funny\\s+bone|head(?!\\s+(?:against|into)))\\b)";
rule(AB, `\\b${PERP}(?:'s)?\\s+(?:[\\w',-]+\\s+){0,4}?${ABUSE_VERB}\\s+${VICTIM}`, {
  // "My mom is going to kill me when she finds out" is a figure of speech.
  accept: (m, ctx) => !/\bkill\s+me$/i.test(m[0]) || !/^\s+(?:when|if|once)\s+(?:s?he|they)\s+(?:finds?|found|sees?|saw|hears?|heard)\b/i.test(after(m, ctx)),
});
rule(AB, `\\b(?:hit|beaten|beat|punched|kicked|slapped|choked|strangled|pushed|shoved|assaulted|abused|raped|molested|threatened|attacked|hurt|stabbed|burned|smothered|injured|harassed|stalked)\\s+(?:[\\w-]+\\s+){0,2}?by\\s+(?:(?:her|his|my|their|the|an?)\\s+)?(?:[\\w-]+\\s+)?${PERP}\\b`);
rule(AB, "\\b(?:non-?fatal\\s+)?strangulation\\b", {
  accept: (m, ctx) => !/^\s+of\s+(?:the\s+)?(?:bowel|hernia|intestine|testicle|ovary)\b/i.test(after(m, ctx)) && !/\b(?:bowel|hernia|intestinal|testicular|ovarian)\s*$/i.test(before(m, ctx)),
});
rule(AB, `\\b(?:afraid|scared|fearful|terrified)\\s+(?:of|for)\\s+(?:${POSS}\\s+(?:\\w+\\s+)?${PERP}|${POSS}\\s+(?:life|safety))\\b|\\bfears?\\s+for\\s+${POSS}\\s+(?:life|safety)\\b`);
rule(AB, `\\b(?:feels?|felt|feeling)\\s+unsafe\\s+(?:at\\s+home|with\\s+${POSS}\\s+\\w+|in\\s+${POSS}\\s+(?:home|relationship|house))|\\b(?:doesn't|does\\s+not|don't|do\\s+not|didn't|did\\s+not)\\s+feel\\s+safe\\s+(?:at\\s+home|with\\s+${POSS}\\s+\\w+|in\\s+${POSS}\\s+(?:home|relationship|house))|\\bnot\\s+safe\\s+at\\s+home\\b|\\bafraid\\s+to\\s+go\\s+home\\b`);
rule(AB, `\\b(?:child|elder|medical|educational|physical|emotional|parental|caregiver)\\s+neglect\\b|\\bneglect(?:ed|s|ing)?\\s+(?:by|of)\\s+(?:(?:her|his|their|the|a|an)\\s+)?(?:\\w+\\s+)?(?:${PERP}|children|child|kids|baby|infant|toddler|elderly)\\b|\\bneglect(?:ed|s|ing)\\s+${POSS}\\s+(?:kids|children|child|baby|infant|toddler|son|daughter)\\b`);
rule(AB, "\\b(?:CPS|APS|DCFS|DCF)\\s+(?:report|referral|case|involvement|involved|investigation|was\\s+(?:called|contacted|notified)|called|contacted|notified|open|filed)\\b|\\b(?:[Rr]eport(?:s|ed|ing)?|[Cc]all(?:s|ed)?|[Rr]eferr(?:ed|al)|[Cc]ontact(?:s|ed)?|[Nn]otif(?:ied|y)|[Ff]iled)\\b[^.;]{0,30}?\\b(?:CPS|APS|DCFS|DCF)\\b", { cs: true });
rule(AB, "\\b(?:child|adult)\\s+protective\\s+services\\b|\\b(?:mandated|mandatory)\\s+report(?:er)?\\s+(?:filed|made|submitted|completed)\\b|\\b(?:filed|made|submitted)\\s+(?:a\\s+)?(?:mandated|mandatory)\\s+report\\b");
rule(AB, "\\b(?:restraining|protective|protection)\\s+order\\b|\\bfinancial(?:ly)?\\s+exploit(?:ed|ation|ing)\\b");

// --- psychosis with danger ---------------------------------------------------------------------

const PS = "psychosis_with_danger";
// Command hallucinations are flagged whatever they command: the content is rarely benign and is
// the clinician's to establish.
rule(PS, "\\bcommand(?:ing)?\\s+(?:type\\s+)?(?:auditory\\s+)?(?:hallucinations?|AH|voices?)\\b");
rule(
  PS,
  "\\b(?:voices?|AH|auditory\\s+hallucinations?|hallucinations?|(?:hears?|hearing|heard)\\s+(?:god|the\\s+devil|satan|demons?|angels?|spirits?))\\b[^.;]{0,40}?\\b(?:tell(?:s|ing)?|told|command(?:s|ed|ing)?|order(?:s|ed|ing)?|instruct(?:s|ed|ing)?|urg(?:e|es|ed|ing)|direct(?:s|ed|ing)?|want(?:s|ed)?|encourag(?:e|es|ed|ing))\\b[^.;]{0,25}?\\bto\\s+(?:(?:go|just|really)\\s+)?(?:hurt|harm|kill|stab|shoot|attack|murder|strangle|poison|jump|cut|burn|hang|die|drown|end)\\b",
);
// Paranoia or delusions only count with a weapon or a plan to act in the same sentence.
rule(PS, "\\b(?:paranoi(?:a|d)|persecutory|delusion(?:s|al)?|believes\\s+(?:that\\s+)?(?:\\w+\\s+){0,4}?(?:is|are)\\s+(?:poisoning|following|watching|spying|plotting|after\\s+(?:him|her|them)|out\\s+to\\s+get|trying\\s+to\\s+(?:kill|hurt|harm|poison)))\\b", {
  accept: (_m, ctx) => ctx.dangerInSentence,
});
const DANGER = new RegExp(
  "\\b(?:guns?|firearms?|rifles?|pistols?|handguns?|shotguns?|revolvers?|knife|knives|machete|weapons?|armed|arming|ammunition|ammo|baseball\\s+bat|" +
    "(?:plan(?:s|ned|ning)?|going|intends?|intending|wants?|threaten(?:s|ed|ing)?|prepared|ready|preparing)\\s+to\\s+(?:confront|attack|kill|hurt|harm|shoot|stab|retaliate|get\\s+(?:them|him|her)|defend|protect|strike|fight|burn)|" +
    `get\\s+(?:them|him|her)\\s+(?:first|before)|retaliat(?:e|ion|ing)|(?:defend|protect)\\s+${REFLEX})\\b`,
  "gi",
);

// ---------------------------------------------------------------------------------------------
// Negation
// ---------------------------------------------------------------------------------------------

/** Look like negation but are not ("no one would care if I died", "cannot rule out SI"): masked first. */
const PSEUDO_NEGATION =
  /\b(?:not\s+(?:only|just|sure|certain|clear|necessarily)|no\s+(?:one|matter|changes?|improvement|better|longer\s+den(?:ies|ying))|nobody|no-one|if\s+not|whether\s+or\s+not|(?:does|did|do)(?:\s+not|n't)\s+deny|not\s+denying|not\s+ruled\s+out|(?:can't|cannot|can\s+not|couldn't|could\s+not|unable\s+to)\s+(?:rule\s+out|stop|help|get\s+rid|shake|contract|guarantee|commit|agree|promise|keep)|(?:don't|doesn't|won't|didn't|do\s+not|does\s+not|will\s+not|did\s+not|never)\s+(?:stop|go\s+away))\b/gi;

/**
 * Negation triggers. A reporting verb right after one belongs to it ("does not endorse", "never
 * reported"), so that verb does not end the scope the way "endorses" does in "denies HI, endorses SI".
 */
const NEGATION =
  /\b(?:den(?:y|ies|ied|ying)|no(?!\s*[,.!?:;])|not|never|without|w\/o|negative\s+for|neg\s+for|free\s+of|absence\s+of|ruled\s+out|rules\s+out|nor|neither|(?:does|did|do|has|have|had|is|was|are|were|would|could|should)(?:\s+not|n't)|can't|cannot|won't|no\s+longer|(?:asked|asking|screened|screening|assessed|assessing|evaluated|evaluating|inquired|queried|questioned)\s+(?:about|for|regarding|re|if|whether))(?:\s+(?:endors(?:e|ed|es|ing)|report(?:s|ed|ing)?|express(?:es|ed|ing)?|voic(?:e|es|ed|ing)|describ(?:e|es|ed|ing)|admit(?:s|ted|ting)?(?:\s+to)?|acknowledg(?:e|es|ed|ing)|experienc(?:e|es|ed|ing)|exhibit(?:s|ed|ing)?|display(?:s|ed|ing)?|demonstrat(?:e|es|ed|ing)|verbali[sz](?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|indicat(?:e|es|ed|ing)|stat(?:e|es|ed|ing)|present(?:s|ed|ing)?\s+with|have|having|had))?\b/gi;

/** End a negation's scope: a contrast, or a new assertion ("denies HI, endorses SI"). */
const SCOPE_END =
  /\b(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless|report(?:s|ed|ing)?|endors(?:e|es|ed|ing)|admit(?:s|ted|ting)?|acknowledg(?:e|es|ed|ing)|stat(?:es|ed|ing)|says|said|describ(?:es|ed|ing)|disclos(?:es|ed|ing)|express(?:es|ed|ing)|present(?:s|ed|ing)|continu(?:es|ed)|still|positive\s+for|complain(?:s|ed|ing)?\s+of|c\/o|now\s+(?:has|have|with|endorses|reports)|and\s+(?:he|she|they|I|pt|patient|client|is|was|has|had|feels|felt|wants|wanted|wishes|thinks|started|began|now|then|later|also))\b/i;

/** After the finding: "SI: none", "SI/HI denied", "HI (-)", "suicidal ideation is denied", "SI resolved". */
const POST_NEGATION = new RegExp(
  "^(?:\\s*(?:\\/|,|&|and|or)\\s*(?:SI|HI|AVH|AH|VH|NSSI|IPV|DV|homicidal\\s+ideation|suicidal\\s+ideation|self[-\\s]?harm|plan|intent))*\\s*" +
    "(?:\\((?:\\s*-\\s*|\\s*neg(?:ative)?\\s*|\\s*none\\s*|\\s*denied\\s*|\\s*no\\s*)\\)" +
    "|[:=-]?\\s*(?:(?:is|was|are|were)\\s+)?(?:(?:pt|patient|client)\\s+)?(?:(?:none|nil|denie[sd]|negative|neg|absent|n\\/a|ruled\\s+out|not\\s+(?:present|endorsed|reported|elicited|indicated|applicable|warranted|assessed|currently|at\\s+this\\s+time))(?![A-Za-z])|no(?=\\s*(?:[.,;)]|$))|-(?=\\s*(?:[.,;)\\/]|$)))" +
    "|,?\\s*(?:(?:now|since|which)\\s+)?(?:has\\s+|have\\s+)?(?:resolved|remitted|subsided)\\b)",
  "i",
);
/**
 * "History of SI, currently denies": the history stands, the present does not. Only when nothing
 * follows the denial: "endorses SI, currently denies plan" must stay current.
 */
const POST_NOT_CURRENT =
  /(?:^|,|\band\b)\s*(?:but\s+)?(?:(?:currently|now|today)\s+den(?:ies|ied|ying)(?:\s+(?:it|this|any|them|SI))?|den(?:ies|ied|ying)\s+(?:current(?:ly)?|now|today|at\s+this\s+time)(?:\s+(?:SI|it|this))?|none\s+(?:currently|now|since|today|at\s+this\s+time))\s*[.;!]?\s*$/i;

/** Words a negated list of symptoms is made of: "denies depression, anxiety, SI". */
const LIST_WORDS = new Set(
  (
    "or and nor any current past recent active passive plan plans intent intention means ideation ideations thoughts thought behavior behaviors behaviour behaviours urges " +
    "avh ah vh hallucinations hallucination auditory visual delusions delusion paranoia paranoid psychosis psychotic symptoms mania manic depression depressed depressive anxiety " +
    "anxious hopelessness helplessness worthlessness hopeless worthless aggression aggressive violence violent substance use alcohol drugs drug etoh history of hx feeling feelings " +
    "fever fevers chills pain nausea vomiting suicidal homicidal abuse trauma neglect weapons weapon firearms firearm guns access to irritability impulsivity agitation insomnia " +
    "sleep appetite problems issues concerns thinking harm self others attempts attempt gestures physical sexual emotional verbal domestic panic attacks ptsd ocd obsessions compulsions"
  ).split(" "),
);
const VERBISH = /(?:ing|ed)$|^(?:is|was|are|were|has|had|have|wants|feels|felt|says|said|thinks|seems|appears|looks|sleeps|eats|cries|drinks|uses|keeps|gets|got)$/i;

interface Span {
  start: number;
  end: number;
}

interface Candidate extends Span {
  category: CrisisCategory;
  verbal: boolean;
}

function negationSpans(clause: string): Span[] {
  const masked = clause.replace(PSEUDO_NEGATION, (s) => "~".repeat(s.length));
  return execAll(NEGATION, masked).map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

const words = (s: string) => s.trim().split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));

function isListSegment(segment: string, segStart: number, segEnd: number, inner: Span[]): boolean {
  if (inner.some((c) => c.start < segEnd && c.end > segStart)) return true;
  const ws = words(segment).map((w) => w.replace(/[^A-Za-z0-9/-]/g, ""));
  // Symptom words, or all-caps abbreviations (AVH, PTSD).
  if (ws.every((w) => LIST_WORDS.has(w.toLowerCase()) || /^[A-Z]{2,5}$/.test(w))) return true;
  return ws.length <= 2 && !ws.some((w) => VERBISH.test(w));
}

const NEGATION_WINDOW_WORDS = 6;

/** A negated list longer than this is not a list: the scope has ended somewhere. Also bounds the work. */
const NEGATION_REACH_CHARS = 300;

/** Index of the first span starting at or after `pos` (spans sorted by start), or `spans.length`. */
function firstStartingFrom(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last span ending at or before `pos` (spans sorted and not overlapping), or -1. */
function lastEndingBy(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= pos) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

/**
 * Whether `candidates[index]` is negated. `candidates` are sorted by start; the earlier ones
 * let a negation run on through a list ("denies SI, HI, or thoughts of harming others").
 */
function isNegated(clause: string, negs: Span[], candidates: Candidate[], index: number): boolean {
  const c = candidates[index];
  if (POST_NEGATION.test(clause.slice(c.end, c.end + 120))) return true;
  const neg = negs[lastEndingBy(negs, c.start)];
  if (!neg || c.start - neg.end > NEGATION_REACH_CHARS) return false;
  const gap = clause.slice(neg.end, c.start);
  // The finding's first word is included: "No appetite and wants to die" ends the scope at "and wants".
  if (SCOPE_END.test(clause.slice(neg.end, c.start + (/^\S+/.exec(clause.slice(c.start, c.start + 40))?.[0].length ?? 0)))) return false;
  const inner: Span[] = [];
  for (let j = index - 1; j >= 0 && candidates[j].start >= neg.end; j--) if (candidates[j].end <= c.start) inner.push(candidates[j]);
  // Commas: the scope runs on through a list of findings or symptoms, and stops at anything else.
  let segStart = neg.end;
  const commas = execAll(/,/g, gap).map((m) => neg.end + (m.index ?? 0));
  if (commas.length > 0 && c.verbal) return false;
  for (const comma of commas) {
    if (!isListSegment(clause.slice(segStart, comma), segStart, comma, inner)) return false;
    segStart = comma + 1;
  }
  // Chain through earlier findings: "denies SI or thoughts of harming others".
  const from = Math.max(segStart, ...inner.filter((o) => o.end >= segStart).map((o) => o.end));
  return words(clause.slice(from, c.start)).length <= NEGATION_WINDOW_WORDS;
}

function hasUnnegatedDanger(clause: string): boolean {
  const negs = negationSpans(clause);
  for (const m of execAll(DANGER, clause)) {
    const c: Candidate = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, category: PS, verbal: false };
    if (!isNegated(clause, negs, [c], 0)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Third parties
// ---------------------------------------------------------------------------------------------

const FILLER = "(?:who|which|that|has|had|have|also|with|a|an|the|made|known|significant|positive|for|history|hx|h\\/o|of|prior|previous|past|multiple|several|remote|two|three|\\d+|x\\d+|is|was|reportedly|once|twice|did|does|recently|allegedly|apparently|been|ever|died|after|from|by)";
/** The finding's subject is a relative/partner/friend: "mother attempted suicide", "brother's self-harm". */
const THIRD_PARTY_SUBJECT = new RegExp(`\\b${KIN}(?:'s)?(?:[\\s,]+${FILLER})*[\\s,(]*$`, "i");
const FAMILY_HISTORY = /\b(?:family\s+(?:psych(?:iatric)?\s+)?(?:history|hx)|FHx|FH\s*[:-]|FH\s+of)\b/gi;
const PATIENT_SUBJECT = /\b(?:pt|patient|client|he|she|they|I)\b/i;

function isThirdParty(fullPrefix: string): boolean {
  if (THIRD_PARTY_SUBJECT.test(fullPrefix.slice(-120))) return true;
  const prefix = fullPrefix.slice(-300);
  const fh = execAll(FAMILY_HISTORY, prefix).at(-1);
  return fh !== undefined && !PATIENT_SUBJECT.test(prefix.slice((fh.index ?? 0) + fh[0].length));
}

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

const NUM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, few: 3, couple: 2, several: 4, many: 10 };

function toNumber(s: string | undefined): number {
  if (!s) return 1;
  const t = s.toLowerCase().replace(/^a\s+/, "").replace(/\s+of$/, "");
  return /^\d+$/.test(t) ? Number(t) : (NUM_WORDS[t] ?? 1);
}

/** Within about three months is recent (hours, days, weeks, ≤ 3 months); longer is historical. */
function byQuantity(m: RegExpExecArray): Temporal {
  const unit = (m.groups?.u ?? "").toLowerCase();
  if (/^(?:h|d|n|w)/.test(unit)) return "recent";
  if (/^mo/.test(unit)) return toNumber(m.groups?.n) <= 3 ? "recent" : "historical";
  return "historical";
}

const TEMPORAL_MARKERS: Array<{ re: RegExp; kind: Temporal | ((m: RegExpExecArray) => Temporal) }> = [
  { re: new RegExp(`\\b(?<n>${NUM})\\s+(?<u>${UNIT})\\s+(?:ago|prior|before|earlier|back)\\b`, "gi"), kind: byQuantity },
  { re: new RegExp(`\\b(?:past|last|previous|prior|preceding)\\s+(?:(?<n>${NUM})\\s+)?(?<u>${UNIT})\\b`, "gi"), kind: byQuantity },
  {
    re: /\b(?:yesterday|last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening|week|weekend|month)|earlier\s+(?:today|this\s+week)|over\s+the\s+weekend|recent(?:ly)?|lately|the\s+other\s+(?:day|night)|(?:on|last|this\s+past)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|prior\s+to\s+(?:admission|arrival|presentation|(?:this|the)\s+(?:visit|admission|appointment|session))|PTA|since\s+(?:discharge|(?:the\s+|our\s+)?last\s+(?:visit|session|appointment)))\b/gi,
    kind: "recent",
  },
  {
    re: /\b(?:currently|current|presently|at\s+present|right\s+now|now|today|tonight|at\s+(?:this\s+time|the\s+moment)|ongoing|active(?:ly)?|still|continues\s+to|continuing|persistent|in\s+session|this\s+session|on\s+(?:exam|interview|evaluation|assessment))\b/gi,
    kind: "current",
  },
  {
    // Bare years and dates are not read: a note dated this year must not turn current risk historical.
    re: /\b(?:history\s+of|hx\s+of|h\/o|hx|pmh|pph|in\s+the\s+past|past|previous(?:ly)?|prior(?!\s+to)|remote(?:ly)?|lifetime|former(?:ly)?|used\s+to|long\s+ago|(?:years|decades)\s+ago|as\s+an?\s+(?:child|kid|teen|teenager|adolescent|young\s+(?:adult|man|woman)|youth|minor)|in\s+(?:his|her|their|my)\s+(?:teens|twenties|youth|childhood|adolescence)|(?:during|in)\s+(?:childhood|adolescence|high\s+school|middle\s+school|college)|childhood|growing\s+up|when\s+(?:he|she|they|I)\s+(?:was|were)\s+(?:\d+|young|little|an?\s+(?:child|kid|teen|teenager))|at\s+(?:the\s+)?age\s+(?:of\s+)?\d+|(?:in|during|back\s+in|circa|around)\s+(?:(?:early|late|mid)[-\s]?)?(?:19|20)\d{2})\b/gi,
    kind: "historical",
  },
];

interface Marker extends Span {
  kind: Temporal;
}

function temporalMarkers(text: string): Marker[] {
  const found: Marker[] = [];
  // Earlier patterns win overlaps: "past week" is recent, not "past" (historical).
  const taken = new Uint8Array(text.length);
  for (const { re, kind } of TEMPORAL_MARKERS) {
    for (const m of execAll(re, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.subarray(start, end).includes(1)) continue;
      taken.fill(1, start, end);
      found.push({ start, end, kind: typeof kind === "function" ? kind(m) : kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function strongest(kinds: Temporal[], fallback: Temporal): Temporal {
  if (kinds.includes("current")) return "current";
  if (kinds.includes("recent")) return "recent";
  if (kinds.includes("historical")) return "historical";
  return fallback;
}

// ---------------------------------------------------------------------------------------------
// Text structure
// ---------------------------------------------------------------------------------------------

interface Sentence {
  text: string;
  question: boolean;
}

const ABBREVIATIONS = new Set(["dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "etc", "approx", "pt", "pts", "jr", "sr", "prof", "mt", "a.m", "p.m", "fig", "hx", "dx", "tx", "rx", "sx", "yo", "y.o", "cf", "al", "inc", "ave", "min", "hr", "hrs", "wk", "wks", "mo", "mos", "yr", "yrs"]);
/** Speaker labels and bullets at the start of a sentence: "Patient: ...", "T: ...", "- ...". */
const SPEAKER =
  /^\s*(?:\[[^\]]{0,20}\]\s*)?(?:(?:patient|pt|client|clinician|therapist|provider|doctor|dr|counsell?or|nurse|interviewer|caller|user|assistant|psychiatrist|psychologist|social\s+worker|sw|md|np|rn|q|a|p|t|c|speaker\s*\d*)\s*(?::|>|-\s)\s*)?(?:[-*•·]\s+)?/i;

function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: string) => {
    const t = s.replace(SPEAKER, "").trim();
    if (/[A-Za-z]/.test(t)) out.push({ text: t, question: /\?["')\]]*$/.test(t) });
  };
  for (const line of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
    let start = 0;
    for (const m of line.matchAll(/[.!?]+(?=["')\]]*(?:\s|$))/g)) {
      const idx = m.index ?? 0;
      if (m[0] === ".") {
        const word = /([A-Za-z][A-Za-z.]*)$/.exec(line.slice(start, idx))?.[1] ?? "";
        if (ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word)) continue; // "Dr.", "e.g.", initials
      }
      push(line.slice(start, idx + m[0].length));
      start = idx + m[0].length;
    }
    push(line.slice(start));
  }
  return out;
}

/** Clause breaks are where negation scope and temporal markers stop. */
const CLAUSE_BREAK = /;|\b(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless)\b/gi;
const LEADING_JOINER = /^[\s,;:.-]*(?:(?:but|however|although|though|except|whereas|apart\s+from|aside\s+from|other\s+than|besides|nevertheless|nonetheless)\b[\s,;:]*)?/i;

function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    out.push(sentence.slice(start, m.index));
    start = (m.index ?? 0) + (m[0] === ";" ? 1 : 0);
  }
  out.push(sentence.slice(start));
  return out.filter((c) => /[A-Za-z]/.test(c));
}

function evidenceOf(clause: string, at: number): string {
  const lead = LEADING_JOINER.exec(clause.slice(0, 100))?.[0].length ?? 0;
  const text = clause.slice(lead);
  const collapse = (t: string) => t.replace(/\s+/g, " ").trim();
  if (text.length <= 2 * EVIDENCE_MAX) {
    const collapsed = collapse(text);
    if (collapsed.length <= EVIDENCE_MAX) return collapsed;
  }
  // Long clause: a window around the finding, cut at word boundaries.
  const pos = Math.max(0, at - lead);
  let from = Math.max(0, pos - 60);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space >= 0 && space < pos) from = space + 1;
  }
  let window = collapse(text.slice(from, from + 2 * EVIDENCE_MAX));
  const head = from > 0 ? "…" : "";
  const budget = EVIDENCE_MAX - head.length - 1;
  if (window.length > budget + 1 || from + 2 * EVIDENCE_MAX < text.length) {
    const cut = window.lastIndexOf(" ", budget);
    window = `${window.slice(0, cut > budget / 2 ? cut : budget)}…`;
  }
  return `${head}${window}`.slice(0, EVIDENCE_MAX);
}

// ---------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------

interface Finding {
  category: CrisisCategory;
  temporal: Temporal;
  evidence: string;
}

function analyzeClause(clause: string, dangerInSentence: boolean, question: boolean): Finding[] {
  const ctx: RuleContext = { clause, dangerInSentence };
  const found: Candidate[] = [];
  for (const r of RULES) {
    for (const m of execAll(r.re, clause)) {
      if (!m[0]) continue;
      const start = m.index ?? 0;
      // "yourself" is the clinician asking; it only counts inside an answered question.
      if (!question && /\byou(?:rself|rselves)?\b/i.test(m[0])) continue;
      if (r.accept && !r.accept(m, ctx)) continue;
      if (r.patientOnly && isThirdParty(clause.slice(0, start))) continue;
      found.push({ category: r.category, start, end: start + m[0].length, verbal: r.verbal });
    }
  }
  if (found.length === 0) return [];

  // One candidate per stretch of text and category.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const candidates: Candidate[] = [];
  const lastOf = new Map<CrisisCategory, Candidate>();
  for (const c of found) {
    // Sorted by start, so an overlap can only be with the latest one of the category.
    const same = lastOf.get(c.category);
    if (same && c.start < same.end) same.end = Math.max(same.end, c.end);
    else {
      const copy = { ...c };
      candidates.push(copy);
      lastOf.set(c.category, copy);
    }
  }

  const negs = negationSpans(clause);
  const live = candidates.filter((_c, i) => !isNegated(clause, negs, candidates, i));
  if (live.length === 0) return [];

  // A time marker dates every finding in its comma-delimited stretch ("suicide attempt by
  // overdose as a teenager"); a marker in a stretch with no finding dates the nearest one
  // ("history of cutting, last episode two days ago"). Negated findings count as nearest, so
  // "today" in "no SI today, cutting last week" cannot drift onto the cutting.
  const markersOf = new Map<Candidate, Temporal[]>();
  const date = (c: Candidate, kind: Temporal) => {
    const kinds = markersOf.get(c);
    if (kinds) kinds.push(kind);
    else markersOf.set(c, [kind]);
  };
  const stretches: Span[] = [];
  let stretchStart = 0;
  for (const m of execAll(/,/g, clause)) {
    stretches.push({ start: stretchStart, end: m.index ?? 0 });
    stretchStart = (m.index ?? 0) + 1;
  }
  stretches.push({ start: stretchStart, end: clause.length });
  const distance = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);
  for (const marker of temporalMarkers(clause)) {
    const stretch = stretches[Math.max(0, lastEndingBy(stretches, marker.start) + 1)] ?? stretches[stretches.length - 1];
    let i = firstStartingFrom(candidates, stretch.start);
    if (i < candidates.length && candidates[i].start <= stretch.end) {
      for (; i < candidates.length && candidates[i].start <= stretch.end; i++) date(candidates[i], marker.kind);
      continue;
    }
    // Nearest: the neighbours in start order, and any earlier finding long enough to reach it.
    let best: Candidate | undefined;
    for (let j = Math.min(i, candidates.length - 1); j >= 0; j--) {
      if (!best || distance(marker, candidates[j]) < distance(marker, best)) best = candidates[j];
      if (marker.start - candidates[j].start > NEGATION_REACH_CHARS) break;
    }
    if (i < candidates.length && (!best || distance(marker, candidates[i]) < distance(marker, best))) best = candidates[i];
    if (best) date(best, marker.kind);
  }

  // Same-category findings not separated by a comma are one finding: "self-harm (cutting) 2 days ago".
  const groups: Candidate[][] = [];
  for (const c of live) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev && prev.category === c.category && !/[,;]/.test(clause.slice(prev.end, c.start))) last.push(c);
    else groups.push([c]);
  }

  return groups.map((group) => {
    const kinds = group.flatMap((c) => markersOf.get(c) ?? []);
    const notCurrent = group.some((c) => clause.length - c.end < 120 && POST_NOT_CURRENT.test(clause.slice(c.end)));
    const temporal = notCurrent ? strongest(kinds.filter((k) => k !== "current"), "historical") : strongest(kinds, "current");
    return { category: group[0].category, temporal, evidence: evidenceOf(clause, group[0].start) };
  });
}

function analyzeSentence(sentence: string, question = false): Finding[] {
  const clauses = splitClauses(sentence);
  const dangerInSentence = clauses.some(hasUnnegatedDanger);
  return clauses.flatMap((clause) => analyzeClause(clause, dangerInSentence, question));
}

const AFFIRMATIVE =
  /^(?:yes|yeah|yep|yup|yea|ya|sometimes|i\s+(?:don't|do\s+not)\s+know|not\s+sure|i'm\s+not\s+sure|often|occasionally|a\s+little|a\s+bit|kind\s+of|sort\s+of|kinda|sorta|i\s+(?:have|do|did|am|guess|think\s+so)(?!\s*(?:n't|not|no\b|never))|maybe|uh[-\s]?huh|mm[-\s]?hmm|every\s+day|all\s+the\s+time|lately|constantly|definitely|of\s+course|a\s+lot|more\s+than\s+once)\b/i;
const NEGATIVE_ANSWER = /^(?:no|nope|not\s+(?:really|always|at\s+all|anymore)|sometimes|never)\b/i;
const SAFE_QUESTION = /\b(?:safe|unsafe)\s+(?:at\s+home|in\s+(?:your|the)\s+(?:home|relationship|house)|with\s+(?:your\s+\w+|him|her|them))\b/i;
const ABUSE_QUESTION =
  /\b(?:(?:has|have|did|does|is)\s+(?:anyone|someone|somebody|your\s+\w+|he|she)\s+(?:ever\s+)?(?:hit|hurt|hurts|hits|threaten(?:ed|s)?|abuse[ds]?|kick(?:ed|s)?|chok(?:ed|es)|strangl(?:ed|es)|forc(?:ed|es)|touch(?:ed|es))\s+you|afraid\s+of\s+(?:your\s+\w+|him|her))\b/i;

/**
 * A question is flagged only through its answer: "Any thoughts of suicide? Yes, last week."
 * Ambivalent answers ("I don't know", "maybe") count as yes: they call for assessment.
 */
function answeredQuestion(question: Sentence, answer: Sentence | undefined): Finding[] {
  if (!answer) return [];
  const reply = answer.text;
  const evidence = evidenceOf(`${question.text} ${reply}`, 0);
  const replyMarkers = temporalMarkers(reply);
  const replyTemporal = strongest(replyMarkers.map((m) => m.kind), "current");
  const fromReply = (kinds: Temporal[]) => (replyMarkers.length > 0 ? replyTemporal : strongest(kinds, "current"));
  if (AFFIRMATIVE.test(reply)) {
    const findings = analyzeSentence(question.text, true).map((f) => ({ ...f, temporal: fromReply([f.temporal]), evidence }));
    if (ABUSE_QUESTION.test(question.text) && !findings.some((f) => f.category === AB)) findings.push({ category: AB, temporal: fromReply([]), evidence });
    return findings;
  }
  if (SAFE_QUESTION.test(question.text) && NEGATIVE_ANSWER.test(reply)) return [{ category: AB, temporal: fromReply([]), evidence }];
  return [];
}

/**
 * A question the speaker asks about themselves: first person and no "you", "myself" / "my life"
 * ("Do you think I should kill myself?"), or "what's the point".
 */
const RHETORICAL = /^(?:(?![\s\S]*\byou)[\s\S]*\b(?:I|me|my|myself)\b|[\s\S]*\b(?:myself|my\s+(?:own\s+)?life)\b|[\s\S]*\bwhat(?:'s|\s+is)\s+the\s+point\b)/i;

function normalize(text: string): string {
  // One character for one, so offsets stay meaningful.
  return text
    .replace(/[\u2018\u2019\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00A0\u2007\u202F\t]/g, " ");
}

function scanField(field: string, raw: string): CrisisIndicator[] {
  const sentences = splitSentences(normalize(raw));
  const out: CrisisIndicator[] = [];
  sentences.forEach((sentence, i) => {
    // A question put to someone is not a disclosure; only its answer can make it one. A question
    // about oneself ("What's the point of living?", "Why should I go on?") is one.
    const asked = sentence.question && !RHETORICAL.test(sentence.text);
    const findings = asked ? answeredQuestion(sentence, sentences[i + 1]) : analyzeSentence(sentence.text);
    for (const f of findings) out.push({ category: f.category, field, evidence: f.evidence, temporal: f.temporal });
  });
  return out;
}

/** texts: named fields, e.g. { symptoms, patient_context } or { transcript }. */
export function assessCrisis(texts: Record<string, string | undefined | null>): SafetyBlock {
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
  const resources = crisis_detected ? [...CRISIS_RESOURCES, ...(active.some((i) => i.category === AB) ? [DV_HOTLINE] : [])].map((r) => ({ ...r })) : [];
  return { crisis_detected, indicators, resources };
}
