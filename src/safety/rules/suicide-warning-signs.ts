/**
 * Suicidal ideation said indirectly: the verbal warning signs the public lists name (988 Suicide &
 * Crisis Lifeline and AFSP "warning signs"; SAMHSA and the Joint Commission's Sentinel Event Alert 56;
 * the QPR gatekeeper list of direct and indirect verbal clues): talk of being a burden, of others
 * being better off, of not being around much longer, of no point or no way to go on, of nobody
 * noticing; passive wishes to die or not wake up. Wording is ours; checked 2026-12.
 *
 * Each pattern keeps the phrase whole enough that its everyday twin does not match: "I could sleep
 * forever", "can't go on the trip", "sick of living with my parents", "no way out of the car park".
 */
import { BE_SUBJECT as BE_SUBJ, POSS, REFLEX, SUBJECT as SUBJ } from "../lexicon";
import { AWAY, FICTION, notBereavement, notLeaving } from "./ordinary-occasions";
import { after, before, type CategoryRules, notTeaching, type RuleSpec } from "./rule";

/** What "if I ..." ends with when it means being dead or gone. */
const GONE =
  `(?:${SUBJ}\\s+(?:(?:was|were)\\s+(?:gone|dead|not\\s+(?:here|around|alive))|(?:wasn't|weren't)\\s+(?:here|around|alive)|(?:just\\s+)?(?:died|disappeared|vanished)|` +
  `killed\\s+${REFLEX}|didn't\\s+wake\\s+up|never\\s+woke\\s+up|stopped\\s+existing|left\\s+for\\s+good|lived\\s+or\\s+died|live\\s+or\\s+die)|${BE_SUBJ}\\s+(?:dead|gone))`;
/** Complaints about a job, the weather or the neighbours: "can't take it anymore" about them is not about living. */
const EVERYDAY_COMPLAINT =
  /\b(?:job|work|boss|noise|neighbou?rs?|traffic|weather|heat|cold|rain|school|course|class|commute|queue|landlord|flat|house|kids|exams?|homework)\b/i;
/** "Ending it" with a partner, a job or a call is not ending one's life. */
const ENDING_SOMETHING_ELSE =
  /\b(?:boyfriend|girlfriend|partner|husband|wife|relationship|marriage|engagement|affair|friendship|contract|lease|tenancy|job|therapy|treatment|sessions?|call|conversation|meeting|game|argument|course|degree|subscription)\b/i;
/** Places with no way out that are only places. */
const PLACE_AFTER =
  /^\s+of\s+(?:the|a|this)\s+(?:building|room|car|maze|car\s+park|parking|village|town|cave|tunnel|lift|elevator|station)\b/i;

const SPECS: RuleSpec[] = [
  // Being a burden (perceived burdensomeness).
  {
    pattern:
      `\\b(?:I'm|I\\s+am|I've\\s+become|I\\s+was|(?:feel(?:s|ing)?|felt)(?:\\s+like)?(?:\\s+${SUBJ}(?:'s|'m|'re|\\s+is|\\s+am|\\s+are|\\s+was|\\s+were))?|being|` +
      `(?:believes?|thinks?|says?|said)\\s+(?:that\\s+)?${SUBJ}(?:'s|'m|'re|\\s+is|\\s+am|\\s+are|\\s+was|\\s+were))\\s+(?:(?:such|just|only|nothing\\s+but|more\\s+of)\\s+)?an?\\s+` +
      "(?:(?:huge|big|massive|total|real|financial|constant)\\s+)?burden\\b(?!\\s+(?:of\\b|(?:has|had|was|is)\\s+(?:been\\s+)?lifted|lifted|off))|\\bperceived\\s+burdensomeness\\b",
  },
  {
    pattern: `\\b(?:better|easier|happier|glad|relieved)\\s+(?:off\\s+)?(?:for\\s+(?:everyone|everybody|them|(?:my|his|her|their)\\s+\\w+)\\s+)?if\\s+${GONE}`,
  },
  {
    pattern:
      "\\b(?:everyone|everybody|(?:my|his|her|their|the)\\s+(?:family|kids|children|wife|husband|parents|partner)|they|the\\s+world)(?:'d|\\s+would)\\s+(?:all\\s+)?be\\s+better\\s+off(?=\\s*(?:[.!;,\"']|$))",
  },
  {
    pattern: "\\b(?:would|'d)\\s+(?:all\\s+)?be\\s+(?:so\\s+much\\s+)?(?:happier|better|fine|okay|ok|relieved|glad)\\s+without\\s+me\\b",
    accept: (_m, ctx) => !ctx.mentions(AWAY),
  },
  // "Won't be a problem much longer", "you won't have to worry about me", "it'll all be over soon".
  {
    pattern:
      "\\b(?:won't|wont|will\\s+not|(?:am|is|'m|'s)\\s+not\\s+going\\s+to)\\s+be\\s+(?:a\\s+(?:problem|burden|bother|nuisance|worry|pain)|around|here)(?=\\s+for\\s+(?:you|them|anyone|everyone|everybody)\\s+(?:(?:for\\s+)?(?:much|very)\\s+longer|any\\s?more|any\\s+longer)\\b)|" +
      "\\b(?:won't|wont|will\\s+not|(?:am|is|'m|'s)\\s+not\\s+going\\s+to)\\s+be\\s+(?:a\\s+(?:problem|burden|bother|nuisance|worry|pain)|around|here)\\s+(?:for\\s+)?(?:much|very)\\s+(?:longer|long)\\b|" +
      "\\b(?:won't|will\\s+not|wont|(?:am|is|'m|'s)\\s+not\\s+going\\s+to)\\s+be\\s+(?:around|here|alive)\\s+to\\s+(?:see|deal\\s+with|find\\s+out|worry|know|watch)\\b|" +
      "\\b(?:not|don't|doesn't|do\\s+not|does\\s+not)\\s+(?:planning|plan|intend(?:ing)?|expect(?:ing)?)\\s+(?:on|to)\\s+be(?:ing)?\\s+(?:around|here|alive)\\b(?=\\s+(?:much\\s+longer|for\\s+(?:much\\s+)?long|by|next|any\\s?more|to\\s+see)|\\s*(?:[.!;,]|$))|" +
      "\\b(?:won't|wont|will\\s+not)\\s+be\\s+(?:a\\s+(?:problem|burden|bother|nuisance)|around)\\s+for\\s+long\\b",
  },
  {
    pattern:
      "\\b(?:won't|will\\s+not|wont)\\s+(?:have|need)\\s+to\\s+(?:worry\\s+about|deal\\s+with|put\\s+up\\s+with|look\\s+after|bother\\s+with|care\\s+for)\\s+me\\s+(?:(?:for\\s+)?(?:much|very)\\s+longer|for\\s+long|any\\s?more|any\\s+longer|soon|after\\s+(?:tonight|today|this))\\b",
  },
  { pattern: "\\bbe\\s+rid\\s+of\\s+me\\b" },
  {
    // "Pretty soon you won't have to worry about me."
    pattern: "\\b(?:won't|will\\s+not|wont)\\s+(?:have|need)\\s+to\\s+(?:worry\\s+about|deal\\s+with|put\\s+up\\s+with)\\s+me\\b",
    accept: (m, ctx) => /\b(?:soon|shortly|before\s+long)\b[^.;]{0,20}$/i.test(before(m, ctx)),
  },
  {
    pattern:
      "\\b(?:sorry|regret\\s+it|miss\\s+me|understand|realise|realize|be\\s+(?:happy|happier|better\\s+off|relieved|fine))\\s+(?:\\w+\\s+){0,2}?(?:when|after|once)\\s+(?:I'm|I\\s+am|I've|I\\s+have)\\s+(?:gone|dead|no\\s+longer\\s+(?:here|around)|not\\s+(?:here|around))\\b",
    accept: (_m, ctx) => !ctx.mentions(AWAY) && notLeaving(_m, ctx),
  },
  {
    pattern:
      "\\b(?:I'll|I\\s+will|I'm\\s+going\\s+to|I'd|(?:he|she)'ll|(?:he|she)\\s+will|will\\s+soon)\\s+be\\s+in\\s+a\\s+better\\s+place\\b|\\b(?:I'm|I\\s+am)\\s+going\\s+to\\s+a\\s+better\\s+place\\b|\\bgoing\\s+away\\s+(?:for\\s+good|forever|for\\s+ever|and\\s+(?:not|never)\\s+coming\\s+back)\\b",
    accept: (m, ctx) => !ctx.mentions(AWAY) && notLeaving(m, ctx),
  },
  {
    pattern:
      "\\bnothing\\s+(?:really\\s+)?matters\\s+any\\s?more\\b|\\bno\\s+(?:reason|point)\\s+for\\s+me\\s+to\\s+(?:be\\s+(?:here|alive|around)|live|stay\\s+alive|exist|go\\s+on|keep\\s+going)\\b|" +
      "\\bno\\s+(?:point|meaning|purpose)\\s+(?:to|in|of)\\s+(?:anything|life|living|existence|existing)(?:\\s+any\\s?more)?\\b(?!\\s+(?:in|at|with|here|there)\\b)|\\b(?:life|living|my\\s+life)\\s+(?:is|feels|seems|has\\s+become)\\s+(?:so\\s+|completely\\s+|totally\\s+)?(?:pointless|meaningless)\\b|" +
      "\\bhad\\s+enough\\s+of\\s+(?:life|living|everything|it\\s+all|this\\s+life|being\\s+alive|this\\s+world)\\b|" +
      `\\b(?:can't|cannot|can\\s+not|couldn't|doesn't|does\\s+not|don't|do\\s+not)\\s+see\\s+(?:a|any)\\s+future\\b(?!\\s+(?:with|in|at|for\\s+(?:the|this|us|our|them|him|her|it)\\b))|\\bno\\s+future\\s+for\\s+(?:me|${REFLEX})\\b|` +
      "\\b(?:(?:can't|cannot|don't|doesn't|do\\s+not|does\\s+not|didn't|no\\s+longer)\\s+see|what's|what\\s+is)\\s+the\\s+point\\s+(?:any\\s?more|any\\s+longer|in\\s+anything|of\\s+anything)\\b",
  },
  {
    pattern:
      "\\b(?:can't|cannot|can\\s+not|couldn't|could\\s+not)\\s+(?:take|stand|bear|handle|cope\\s+with|do|face)\\s+(?:it|this|this\\s+life|life|the\\s+pain|living|everything|it\\s+all)\\s+(?:any\\s?more|any\\s+longer)\\b|" +
      "\\b(?:can't|cannot|can\\s+not)\\s+keep\\s+(?:doing|living\\s+like|going\\s+on\\s+like)\\s+this\\b|" +
      "\\bjust\\s+want(?:s|ed)?\\s+out\\b(?=\\s*(?:[.!,;\"')]|$))|\\bwant(?:s|ed)?\\s+out\\s+of\\s+(?:this\\s+life|life|it\\s+all|everything|this\\s+world)\\b",
    verbal: true,
    accept: (_m, ctx) => !ctx.mentions(EVERYDAY_COMPLAINT),
  },
  {
    pattern:
      `\\b(?:would|'d)\\s+(?:much\\s+)?rather\\s+(?:be\\s+dead|die|not\\s+(?:be\\s+here|be\\s+alive|exist|wake\\s+up))\\b(?!\\s+than)|\\bwish(?:es|ed|ing)?\\s+(?:that\\s+)?${SUBJ}(?:'d|\\s+had)\\s+never\\s+been\\s+born\\b|` +
      "\\b(?:wants?|wanted|longs?|longing|wish(?:es|ed)?|ready|yearns?)\\s+to\\s+(?:be\\s+with|join|see)\\s+(?:her|his|my|their)\\s+(?:late|dead|deceased)\\s+\\w+|\\b(?:be\\s+with|join)\\s+(?:[\\w'-]+\\s+){1,3}?in\\s+heaven\\b",
  },
  {
    pattern:
      "\\b(?:sorry\\s+for\\s+everything|forgive\\s+me)\\b[^.;]{0,40}?\\b(?:goodbye|good-bye|farewell)\\b|\\b(?:goodbye|good-bye|farewell)\\b[^.;]{0,40}?\\b(?:sorry\\s+for\\s+everything|forgive\\s+me)\\b",
    accept: (m, ctx) => notLeaving(m, ctx) && !ctx.mentions(FICTION) && !ctx.mentions(AWAY),
  },
  {
    pattern:
      "\\b(?:it|this|everything|it\\s+all|all\\s+this)\\s+(?:will|'ll|is\\s+going\\s+to|'s\\s+going\\s+to)\\s+(?:all\\s+)?be\\s+over\\s+(?:soon|tonight|shortly)\\b",
  },
  {
    pattern: `\\b(?:won't|will\\s+not|wont|don't|do\\s+not|doesn't|does\\s+not)\\s+(?:be\\s+)?need(?:ing)?\\s+(?:[\\w']+\\s+){0,3}?where\\s+${BE_SUBJ}\\s+going\\b`,
  },
  // "This is the last time you'll see me": the match leaves out "you", which the engine reads as a clinician's question.
  {
    pattern: "\\bsee\\s+(?:me|him|her)\\b(?:\\s+(?:again|alive)\\b)?",
    accept: (m, ctx) => {
      const lead = before(m, ctx);
      // "him/her" only with a future: "the last time she'd see him", never the past "the last time I saw her".
      const modal = /^see\s+me\b/i.test(m[0]) ? "(?:'ll|\\s+will|'d|\\s+would)?" : "(?:'ll|\\s+will|'d|\\s+would)";
      return (
        new RegExp(`\\blast\\s+time\\s+(?:you|anyone|anybody|they|people|everyone|she|he|we)${modal}\\s+(?:ever\\s+)?$`, "i").test(lead) ||
        (/^see\s+me\s+(?:again|alive)/i.test(m[0]) && /\b(?:never|won't|will\s+not)\s+(?:ever\s+)?$/i.test(lead))
      );
    },
  },
  // No point going on; can't go on; wanting it all to end.
  {
    pattern:
      "\\bno\\s+(?:point|reason|purpose|use)\\s+(?:in\\s+|to\\s+)?(?:living|live|being\\s+alive|existing|staying\\s+alive|waking\\s+up|keep(?:ing)?\\s+living)\\b(?!\\s+(?:in|at|here|there|with|near|alone)\\b)|" +
      "\\bno\\s+(?:point|reason|purpose)\\s+(?:in\\s+|to\\s+)?(?:going|go|carrying|carry|keep(?:ing)?)\\s+on\\b(?!\\s+(?:the|a|an|this|that|about|with|at|to|in|for|holiday|vacation|trips?|dates?|stage|air)\\b)",
  },
  {
    pattern: `\\b(?:can't|cannot|can\\s+not|couldn't|could\\s+not|(?:don't|do\\s+not|doesn't|does\\s+not|didn't|did\\s+not)\\s+(?:want\\s+to|(?:think|know\\s+(?:if|whether|how))\\s+${SUBJ}\\s+can))\\s+(?:go\\s+on|carry\\s+on|keep\\s+going|keep\\s+(?:on\\s+)?living)\\b`,
    verbal: true,
    accept: (m, ctx) =>
      !/^\s+(?:the|a|an|this|that|holiday|vacation|trips?|leave|tour|about|to|at|for|in|with(?!\s+(?:life|living|this\s+life))|working|studying|dates?|stage|air|line|online|medication|meds|treatment)\b/i.test(
        after(m, ctx),
      ),
  },
  {
    pattern:
      "\\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|needs?|needed|(?:would|'d)\\s+like)\\s+(?:it\\s+all|everything|all\\s+of\\s+(?:it|this)|(?:my|his|her|their)\\s+life|the\\s+pain|it)\\s+to\\s+(?:end|stop|be\\s+over)(?:\\s+(?:for\\s+good|forever|permanently))?\\b|" +
      "\\bwish(?:es|ed|ing)?\\s+(?:that\\s+)?(?:it\\s+all|everything|(?:my|his|her|their)\\s+life)\\s+would\\s+(?:just\\s+)?(?:end|stop|be\\s+over)\\b",
    verbal: true,
    // "Wants the pain to stop" or "it to stop" is not enough without "for good".
    accept: (m) => !/\b(?:the\s+pain|it)\s+to\b/i.test(m[0]) || /\b(?:it\s+all|for\s+good|forever|permanently)\b/i.test(m[0]),
  },
  {
    pattern:
      "\\b(?:done|finished|through)\\s+with\\s+(?:life|living|being\\s+alive|this\\s+(?:life|world)|it\\s+all|existing)\\b|\\b(?:sick|tired|weary|exhausted)\\s+(?:of|with)\\s+(?:being\\s+alive|being\\s+here|this\\s+life|living|existing)\\b(?!\\s+(?:in|with|at|here|there|like|on|under|off|out|near|alone|together)\\b)|" +
      "\\blife\\s+(?:isn't|is\\s+not|is\\s+no\\s+longer|no\\s+longer\\s+(?:seems|feels)|doesn't\\s+(?:seem|feel)|does\\s+not\\s+(?:seem|feel)|ain't|wasn't|was\\s+not)\\s+(?:\\w+\\s+)?worth\\s+(?:it|living|the\\s+(?:effort|pain|struggle|bother))\\b",
  },
  // "Nobody would notice if I disappeared", "no one would miss me".
  {
    pattern:
      `\\b(?:nobody|no\\s+one|no-one|anyone|anybody|who)(?:'d|'ll|\\s+would|\\s+will)?\\s+(?:even\\s+|really\\s+|actually\\s+)?(?:notic(?:e|ed)|cares?|mind|miss\\s+me)\\s+(?:(?:if|when|once|whether|that)\\s+)?${GONE}|` +
      `\\bif\\s+${GONE}(?:\\s+(?:tomorrow|today|tonight))?,?\\s+(?:nobody|no\\s+one|no-one|would\\s+anyone|would\\s+anybody|who)\\s+(?:would\\s+|will\\s+)?(?:even\\s+|really\\s+)?(?:notice|care|miss\\s+me)\\b|` +
      "\\b(?:nobody|no\\s+one|no-one)(?:'d|\\s+would|\\s+will)?\\s+(?:even\\s+|really\\s+)?(?:miss\\s+me|come\\s+to\\s+my\\s+funeral)\\b",
  },
  // No way out; death as the only way out.
  {
    pattern:
      "\\b(?:can't|cannot|can\\s+not|couldn't|could\\s+not|doesn't|does\\s+not|don't|do\\s+not|didn't|did\\s+not)\\s+(?:see|find)\\s+(?:a|any)\\s+(?:other\\s+)?way\\s+out\\b|" +
      "\\b(?:sees?|saw|seeing|there's|there\\s+is|there\\s+was|there\\s+seems\\s+to\\s+be|feels?(?:\\s+like)?(?:\\s+there(?:'s|\\s+is))?)\\s+no\\s+(?:other\\s+)?way\\s+out\\b",
    accept: (m, ctx) => !PLACE_AFTER.test(after(m, ctx)),
  },
  {
    pattern:
      `\\b(?:death|dying|suicide|killing\\s+${REFLEX}|ending\\s+(?:it(?:\\s+all)?|${POSS}\\s+(?:own\\s+)?life)|to\\s+die|being\\s+dead)\\s+(?:is|was|seems|seemed|feels|felt|looks|would\\s+be|may\\s+be|might\\s+be)\\s+(?:like\\s+)?(?:the|an|my|his|her|their)\\s+(?:only|best|easiest|last|real)\\s+(?:way\\s+out|option|answer|solution|choice|escape|relief|way)\\b|` +
      `\\bonly\\s+(?:way\\s+out|escape|option|answer|solution|choice)\\s+(?:is|was|would\\s+be|left\\s+is)\\s+(?:to\\s+)?(?:die|death|dying|suicide|kill(?:ing)?\\s+${REFLEX}|end(?:ing)?\\s+(?:it|${POSS}\\s+life))\\b`,
    accept: notBereavement,
  },
  // Passive wishes: not waking up, being hit by a car, dying in one's sleep.
  {
    pattern: `\\b(?:hop(?:e|es|ed|ing)|pray(?:s|ed|ing)?|wish(?:es|ed|ing)?)\\s+(?:that\\s+)?(?:(?:every|each)\\s+(?:night|day|morning)\\s+(?:that\\s+)?)?${SUBJ}(?:'ll|\\s+will|'d|\\s+would)?\\s+(?:won't|wouldn't|doesn't|don't|never|does\\s+not|do\\s+not|will\\s+not|would\\s+not|not|hadn't|had\\s+not|didn't|did\\s+not)\\s+(?:wake|woke|waken|woken)\\b(?:\\s+up\\b)?(?!\\s+(?:up|the|his|her|my|their|a|an|anyone|everyone|everybody|him|them|us|me|late|early|in\\s+time|on\\s+time|at|with|to|and)\\b)`,
  },
  {
    pattern: `\\b(?:hop(?:e|es|ed|ing)|pray(?:s|ed|ing)?)\\s+(?:(?:every|each)\\s+(?:night|day|morning)\\s+)?(?:that\\s+)?${SUBJ}(?:'ll|\\s+will|'d|\\s+would)?\\s+(?:just\\s+)?(?:die|dies|died|pass(?:es)?\\s+away)\\b|\\bpray(?:s|ed|ing)?\\s+(?:(?:every|each)\\s+\\w+\\s+)?(?:for\\s+death|to\\s+die)\\b`,
  },
  {
    pattern: `\\b(?:hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|pray(?:s|ed|ing)?)\\s+(?:that\\s+)?(?:${SUBJ}(?:'d|\\s+would|\\s+will|'ll|\\s+could)?\\s+(?:gets?|got|be|was|were)\\s+(?:hit|killed|run\\s+over)|(?:a|the|some)\\s+(?:car|bus|truck|lorry|train|plane)\\s+(?:would|will|'d|could)\\s+(?:hit|kill|run\\s+over|crash))\\b`,
  },
  {
    pattern: `\\bdisappointed\\s+(?:to\\s+(?:still\\s+)?(?:wake\\s+up|be\\s+(?:still\\s+)?alive)|(?:that|when)\\s+${SUBJ}\\s+(?:wakes?\\s+up|woke\\s+up))\\b(?!\\s+(?:to|and|at|late|early|with|in\\s+(?:a|the)\\s+(?!morning))\\b)|\\b(?:disappointed|upset|angry|sad|gutted)\\s+(?:that\\s+)?(?:to\\s+still\\s+be|${BE_SUBJ}\\s+still)\\s+alive\\b`,
  },
  {
    pattern:
      "\\bnot\\s+want(?:ing|ed)?\\s+to\\s+(?:live|be\\s+alive|exist|wake\\s+up|be\\s+(?:here|around)\\s+any\\s?more|go\\s+on\\s+living)\\b(?!\\s+(?:in|with|at|there|near|alone|like\\s+(?:that|him|her))\\b)",
  },
  // "Thinking about ending it", "I'm going to end it tonight", "wants to unalive herself".
  {
    pattern:
      "\\b(?:wants?|wanted|wanting|going|gonna|plans?|planned|planning|intends?|intending|ready|decided|considering|contemplating|think(?:s|ing)?\\s+(?:about|of)|thoughts?\\s+(?:about|of)|urges?\\s+to|should|could|might|will|'ll)\\s+(?:to\\s+)?(?:just\\s+|finally\\s+|really\\s+)?end(?:ing)?\\s+(?:it|things|everything)\\b(?!\\s*(?:with|between|early|here|there|off|up|-)\\b)",
    verbal: true,
    accept: (m, ctx) => /\beverything\b/i.test(m[0]) || !ctx.mentions(ENDING_SOMETHING_ELSE),
  },
  {
    pattern: `\\bunaliv(?:e|es|ed|ing)\\b(?!\\s+(?:him|her|them|someone|somebody|people|others|everyone|everybody|(?:his|her|my|their|the)\\s+(?!own\\b)\\w+)\\b)`,
  },
];

export const SUICIDE_WARNING_SIGNS: CategoryRules = {
  category: "suicidal_ideation",
  // Safety planning and teaching name these signs without anyone showing them.
  specs: SPECS.map((spec) => ({ ...spec, accept: (m, ctx) => notTeaching(m, ctx) && (spec.accept?.(m, ctx) ?? true) })),
};
