/** Suicidal ideation: abbreviations, passive and active ideation, plan, intent, means, preparation, screening results. */
import { POSS, REFLEX } from "../lexicon";
import { after, type CategoryRules, notProcess, notTeaching } from "./rule";

// Active intent, plan or method, including an overdose plan.
const SI_ACT = `(?:end(?:ing)?\\s+(?:it\\s+all|${POSS}\\s+(?:own\\s+)?life)|kill(?:ing)?\\s+${REFLEX}|tak(?:e|ing)\\s+${POSS}\\s+(?:own\\s+)?life|commit(?:ting)?\\s+suicide|overdos(?:e|ing)|OD|hang(?:ing)?\\s+${REFLEX}|shoot(?:ing)?\\s+${REFLEX}|jump(?:ing)?\\s+(?:off|from|in\\s+front\\s+of))\\b`;
/** Leaving a job or a place: the occasion for an ordinary farewell message. */
const LEAVING_WORK =
  /\b(?:colleagues|coworkers|co-workers|team|last\s+day|leaving\s+(?:do|party)|retir\w+|new\s+job|moving|emigrat\w*|relocat\w*)\b/i;
/** "Looked up how many of my pills it would take." */
const MED = "(?:pills|tablets|meds|medications?|tylenol|acetaminophen|paracetamol|insulin|opioids|oxy\\w*|xanax|benadryl|lithium)";

export const SUICIDAL_IDEATION: CategoryRules = {
  category: "suicidal_ideation",
  specs: [
    // Clinical abbreviation, case-sensitive so "si"/"Hi" never match; "SI joint" is anatomy.
    {
      pattern: "(?<![A-Za-z])SI(?![A-Za-z])",
      caseSensitive: true,
      accept: (m, ctx) => !/^\s*(?:joints?|jt|units?|screws?)\b/i.test(after(m, ctx)),
    },
    // "non-suicidal self-injury" is self-harm, not SI.
    {
      pattern:
        "(?<!non[-\\s]?)\\bsuicid(?:al|ality)(?:\\s+(?:ideations?|thoughts?|thinking|ideas?|urges?|feelings?|intent|intentions?|behaviou?rs?|gestures?|plans?|planning|crisis|statements?|comments?|threats?|attempts?))?\\b",
      accept: notProcess,
    },
    {
      pattern: "\\bsuicide\\s+(?:attempts?|plans?|notes?|letters?|gestures?|ideation|thoughts?|intent|pact|threats?|vest)\\b",
      accept: notProcess,
    },
    {
      pattern:
        "\\b(?:attempt(?:s|ed|ing)?\\s+(?:at\\s+)?suicide|commit(?:s|ting)?\\s+suicide|contemplat\\w*\\s+suicide|consider(?:s|ed|ing)?\\s+suicide)\\b",
    },
    // Passive wish to be dead. "going to die" is left out: it is what panic feels like.
    {
      pattern:
        "\\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|desires?|desired|ready|urges?|longs?|longing|(?:would|'d)\\s+(?:rather|like)|prefer(?:s|red)?)\\s+to\\s+(?:just\\s+)?(?:die|be\\s+dead|not\\s+(?:wake\\s+up|be\\s+alive|exist|be\\s+here)|never\\s+wake\\s+up|disappear(?:\\s+forever)?\\b(?!\\s+(?:for|into|from|on|off|to|under|behind|somewhere|abroad|in|with)\\b)|(?:go\\s+to\\s+|fall\\s+a)?sleep\\s+forever)\\b",
      verbal: true,
    },
    // Active intent, plan or method, including an overdose plan.
    {
      pattern: `\\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|desires?|ready|urges?|going|gonna|plans?|planned|planning|intends?|intended|intending|intent|intention|tried|tries|trying|attempt(?:s|ed|ing)?|threaten(?:s|ed|ing)?|decided|prepared|means|considering|contemplating)\\s+(?:to\\s+)?(?:just\\s+|really\\s+|actually\\s+)?${SI_ACT}`,
      verbal: true,
    },
    // The noun form can sit in a negated list: "denies SI, plan, or thoughts of ending his life".
    {
      pattern: `\\b(?:thinking|thoughts?|thinks|fantasi\\w+|ideas?|urges?|images?)\\s+(?:of|about)\\s+(?:just\\s+|really\\s+|actually\\s+)?${SI_ACT}`,
    },
    { pattern: `\\bkill(?:s|ed|ing)?\\s+${REFLEX}\\b`, verbal: true },
    {
      pattern: `\\b(?:hang(?:s|ed|ing)?|shoot(?:s|ing)?|shot|drown(?:s|ed|ing)?|suffocat(?:e|es|ed|ing)|electrocut(?:e|es|ed|ing)|strangl(?:e|es|ed|ing))\\s+${REFLEX}\\b`,
      verbal: true,
      accept: (m, ctx) => !/^\s+in\s+the\s+foot\b/i.test(after(m, ctx)),
    }, // the idiom
    // Present tense only: "took his own life" describes someone who died (a third party).
    {
      pattern: `\\b(?:end|ends|ending|take|takes|taking)\\s+${POSS}\\s+(?:own\\s+)?life\\b|\\bend(?:s|ing)?\\s+it\\s+all\\b`,
      verbal: true,
    },
    {
      pattern:
        "\\b(?:thoughts?|thinking|thinks|think|thought|ideas?|fantasi\\w+|preoccup\\w+|ruminat\\w+|talk(?:s|ed|ing)?|wonder(?:s|ed|ing)?|dream(?:s|ed|ing)?)\\s+(?:of|about|with)\\s+(?:suicide|death|dying|being\\s+dead|not\\s+(?:being\\s+(?:here|alive)|waking\\s+up|existing)|no\\s+longer\\s+(?:being\\s+)?(?:here|alive))\\b",
      accept: (m, ctx) => !/^\s+of\b/i.test(after(m, ctx)),
    }, // "talks about death of her father": grief
    {
      pattern:
        "\\bbetter\\s+off\\s+(?:dead|without\\s+me)\\b|\\b(?:everyone|everybody|family|they|kids|children|world|wife|husband|parents)\\s+(?:\\w+\\s+){0,2}better\\s+off\\s+without\\s+(?:him|her|them)\\b",
    },
    {
      pattern:
        "\\bbetter\\s+off\\s+if\\s+(?:I|he|she|they)\\s+(?:(?:was|were)(?:n't|\\s+not)\\s+(?:here|around|alive)|(?:was|were)\\s+(?:gone|dead)|(?:just\\s+)?(?:died|disappeared))\\b|\\b(?:world|everyone|everybody|family)\\s+(?:would\\s+be|is)\\s+better\\s+without\\s+me\\b",
    },
    {
      pattern:
        "\\bwish(?:es|ed|ing)?\\s+(?:that\\s+)?(?:I|he|she|they)\\s+(?:was|were|could\\s+be|would\\s+be|'d\\s+be|had\\s+been)\\s+(?:dead|gone|never\\s+born)\\b",
    },
    {
      pattern:
        "\\bwish(?:es|ed|ing)?\\s+(?:that\\s+)?(?:I|he|she|they)\\s+(?:could|would)\\s+(?:just\\s+)?(?:die|not\\s+wake\\s+up|disappear)\\b",
    },
    {
      pattern:
        "\\b(?:wouldn't|would\\s+not|won't|will\\s+not)\\s+(?:mind|care)\\s+if\\s+(?:I|he|she|they)\\s+(?:died|dies|die|didn't\\s+wake\\s+up|did\\s+not\\s+wake\\s+up|never\\s+woke\\s+up|were\\s+dead|was\\s+dead)\\b",
    },
    {
      pattern:
        "\\b(?:doesn't|does\\s+not|don't|do\\s+not|didn't|no\\s+longer)\\s+care\\s+(?:if|whether)\\s+(?:I|he|she|they)\\s+(?:live|lives|die|dies|died|wakes?\\s+up)\\b",
    },
    {
      pattern:
        "\\bno\\s+(?:reason|point|purpose)\\s+(?:to\\s+(?:live|go\\s+on|keep\\s+(?:going|living))|in\\s+(?:living|going\\s+on|being\\s+alive))\\b",
    },
    {
      pattern:
        "\\b(?:doesn't|does\\s+not|don't|do\\s+not|can't|cannot)\\s+see\\s+(?:a|any|the)\\s+(?:reason|point)\\s+(?:to|in|of)\\s+(?:live|living|go\\s+on|going\\s+on|being\\s+alive)\\b",
    },
    // Often asked rather than stated: "What's the point of living?", "Who would care if I died?"
    {
      pattern:
        "\\b(?:what's|what\\s+is)\\s+the\\s+point\\s+(?:of|in)\\s+(?:living|going\\s+on|life|being\\s+alive|staying\\s+alive)\\b|\\bwhy\\s+(?:should|would|do)\\s+I\\s+(?:even\\s+)?(?:go\\s+on|keep\\s+(?:going|living)|live|bother\\s+living|stay\\s+alive)\\b|\\bwho\\s+would\\s+(?:even\\s+)?(?:care|miss\\s+me|notice)\\s+if\\s+I\\s+(?:died|was\\s+gone|were\\s+gone|killed\\s+myself|disappeared|wasn't\\s+here)\\b",
    },
    {
      pattern:
        "\\bnothing\\s+(?:left\\s+)?to\\s+live\\s+for\\b|\\b(?:not|isn't|is\\s+not|no\\s+longer)\\s+worth\\s+(?:living|being\\s+alive)\\b|\\btired\\s+of\\s+(?:living|life|being\\s+alive|existing)\\b(?!\\s+(?:in|with|at|here|there|like|on|under|off|out|near|alone|together)\\b)",
    },
    {
      pattern:
        "\\b(?:don't|doesn't|do\\s+not|does\\s+not|didn't|did\\s+not|no\\s+longer)\\s+want(?:s)?\\s+to\\s+(?:live|be\\s+alive|exist|wake\\s+up|go\\s+on\\s+living|be\\s+(?:here|around)\\s+any\\s?more)\\b",
      verbal: true,
    },
    {
      pattern: "\\b(?:go\\s+to\\s+sleep|fall\\s+asleep|sleep)\\s+and\\s+(?:never|not)\\s+wake\\s+up\\b|\\b(?:passive\\s+)?death\\s+wish\\b",
    },
    // Preparatory behaviour.
    {
      pattern: `\\bnooses?\\b|\\bus(?:e|es|ed|ing)\\s+(?:it|them|(?:a|the|his|her|my)\\s+(?:gun|firearm|pistol|rifle|knife|pills|rope))\\s+on\\s+${REFLEX}\\b`,
      accept: notTeaching,
    },
    {
      pattern:
        "\\b(?:stockpil\\w*|hoard\\w*|sav(?:e|es|ed|ing)\\s+up|stash\\w*)\\s+(?:\\w+\\s+){0,2}?(?:pills|tablets|medications?|meds|opioids|opiates|painkillers|pain\\s+pills)\\b",
      accept: notTeaching,
    },
    {
      pattern: `\\b(?:wrote|writes?|writing|written|left|leaves|leaving|draft(?:s|ed|ing)?)\\s+(?:(?:a|an|her|his|my|their)\\s+)?(?:\\w+\\s+)?(?:goodbye|suicide|farewell)\\s+(?:notes?|letters?|messages?|texts?|videos?)\\b|\\bgoodbye\\s+(?:notes?|letters?)\\b`,
      // A farewell to colleagues on the last day at work is only that; a suicide note is never.
      accept: (m, ctx) => notTeaching(m, ctx) && (/suicide/i.test(m[0]) || !ctx.mentions(LEAVING_WORK)),
    },
    {
      pattern: `\\bgiv(?:e|es|ing|en)\\s+away\\s+(?:(?:his|her|my|their|all|most)\\s+)?(?:\\w+\\s+)?(?:possessions|belongings)\\b|\\bgave\\s+away\\s+(?:(?:his|her|my|their|all|most)\\s+)?(?:\\w+\\s+)?(?:possessions|belongings)\\b`,
      accept: notTeaching,
    },
    {
      pattern: `\\b(?:research(?:es|ed|ing)?|googl(?:e|es|ed|ing)|look(?:s|ed|ing)?\\s+up|search(?:es|ed|ing)?(?:\\s+for)?|read(?:s|ing)?\\s+about)\\s+(?:\\w+\\s+){0,3}?(?:(?:ways|how|methods?)\\s+to\\s+(?:die|kill\\s+${REFLEX}|end\\s+(?:it\\s+all|${POSS}\\s+life)|overdose|commit\\s+suicide)|lethal\\s+(?:doses?|dosages?|amounts?)|suicide\\s+methods?)\\b`,
      accept: notTeaching,
    },
    // "Looked up how many of my pills it would take."
    {
      pattern:
        "\\b(?:look(?:s|ed|ing)?\\s+up|research(?:es|ed|ing)?|googl(?:e|es|ed|ing)|search(?:es|ed|ing)?|calculat(?:e|es|ed|ing)|count(?:s|ed|ing)?|figur(?:e|es|ed|ing)\\s+out|wonder(?:s|ed|ing)?)\\s+(?:\\w+\\s+){0,2}?how\\s+(?:many|much)\\s+" +
        `(?:(?:[\\w']+\\s+){0,3}?${MED}\\s+(?:[\\w']+\\s+){0,3}?(?:would|will|'d)\\s+(?:it\\s+)?take|(?:[\\w']+\\s+){0,5}?(?:would|will|'d)\\s+(?:it\\s+)?(?:kill|be\\s+(?:lethal|fatal|deadly)))\\b`,
    },
    {
      pattern: `\\b(?:jump(?:s|ed|ing)?\\s+(?:off|from)\\s+(?:a|the|his|her|my)\\s+(?:bridge|building|roof|rooftop|balcony|cliff|overpass|parking\\s+garage|tower)|(?:jump|step|walk)(?:s|ed|ing)?\\s+in\\s+front\\s+of\\s+(?:a|the)\\s+(?:train|bus|car|truck|traffic)|driv(?:e|es|ing)\\s+(?:${POSS}\\s+)?(?:car\\s+)?(?:off\\s+(?:a|the)\\s+(?:bridge|cliff)|into\\s+oncoming\\s+traffic))\\b`,
      verbal: true,
    },
    // The negation is part of these phrases, so a preceding "no" does not turn them around.
    {
      pattern: `\\b(?:unable\\s+to|can't|cannot|can\\s+not|could\\s+not|couldn't|won't|will\\s+not|would\\s+not|refuse[sd]?\\s+to|decline[sd]?\\s+to)\\s+(?:contract\\s+for\\s+safety|commit\\s+to\\s+(?:safety|a\\s+safety\\s+plan)|guarantee\\s+${POSS}\\s+(?:own\\s+)?safety|agree\\s+to\\s+(?:a\\s+)?safety\\s+plan|keep\\s+${REFLEX}\\s+safe|stay\\s+safe)\\b`,
    },
    // Screening instruments.
    {
      pattern:
        "\\b(?:C-?SSRS|Columbia(?:\\s+Suicide\\s+Severity\\s+Rating\\s+Scale)?)(?:\\s+(?:screen(?:er|ing)?|score|result|assessment))?(?:\\s*[:=-]\\s*|\\s+(?:was|is|were)\\s+|\\s*)(?:\\+|positive\\b|pos\\b|(?:high|moderate)\\s+risk\\b)",
    },
    { pattern: "\\bpositive\\s+(?:on\\s+(?:the\\s+)?)?(?:C-?SSRS|Columbia|PHQ-?9\\s+(?:item|question|q|#)\\s*9)\\b" },
    { pattern: "\\bPHQ-?9\\s+(?:item|question|q|#)\\s*9(?:\\s*[:=-]\\s*|\\s+(?:was|is)\\s+|\\s*)(?:positive\\b|\\+|[123]\\b)" },
  ],
};
