/** Homicidal ideation: intent or thoughts of harming a person, threats, duty to warn. */
import { REFLEX } from "../lexicon";
import { type Accept, after, type CategoryRules, notProcess } from "./rule";

const HI_INF =
  "(?:kill|hurt|harm|murder|stab|shoot\\s+up|shoot|strangle|choke|attack|assault|beat(?:\\s+up)?|poison|punch|run\\s+over|get\\s+back\\s+at|smother|suffocate|drown|unalive)";
const HI_GER =
  "(?:killing|hurting|harming|murdering|stabbing|shooting\\s+up|shooting|strangling|choking|attacking|assaulting|beating(?:\\s+up)?|poisoning|punching|running\\s+over|getting\\s+back\\s+at|smothering|suffocating|drowning|unaliving)";
const HI_FRAME_TO =
  "(?:wants?|wanted|wanting|going|plans?|planned|planning|intends?|intended|intending|intent|intention|threaten(?:s|ed|ing)?|urges?|desires?|desired|tried|tries|trying|ready|prepared|determined|swore|vowed|promised|means)";
const HI_FRAME_OF =
  "(?:thoughts?|thinking|thinks|think|images?|visions?|pictures?|fantasi(?:es|[sz]es|[sz]ing|[sz]e)|ideation|ideas?|urges?|impulses?|dreams?|dreaming|obsess(?:ed|ing|ions?)|talk(?:s|ed|ing)?|plans?|planning)\\s+(?:of|about)";
const HI_OBJ =
  `(?!(?:${REFLEX}|self|me|it|time)\\b)(?<obj>him|her|them|someone|somebody|people|others|everyone|everybody|anyone|anybody|you|us|` +
  "(?:his|their|my|your|the|a|an|that|this|those|these|our)\\s+(?:[\\w-]+\\s+)?[\\w-]+|(?<name>[A-Za-z][a-z]+))\\b";
/** Objects that make "kill/hurt X" an idiom: "hurt her feelings", "kill the pain". */
const IDIOM_OBJECT =
  /\b(?:feelings|chances|career|reputation|pride|relationship|business|credit|pain|mood|vibe|time|buzz|noise|engine|lights?|bugs?|weeds|germs|bacteria|competition|interview|presentation|exam|test|game|deal|conversation|joke|back|knee|sorrows?|noise|sound|out|cries|voices?|plants?|flowers|garden|grass|batter(?:y|ies)|phone|laptop|car)\b/i;
const NOT_A_NAME = new Set(
  "I The A An This That It Time Everything Nothing Something Anything Him Her Them Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Tonight".split(
    " ",
  ),
);
const hiObject: Accept = (m, ctx) => {
  const obj = m.groups?.obj ?? "";
  const name = m.groups?.name;
  if (name && (!/^[A-Z][a-z]+$/.test(name) || NOT_A_NAME.has(name))) return false; // a bare word must be a proper name
  if (IDIOM_OBJECT.test(obj)) return false;
  if (/^(?:her|his)$/i.test(obj) && IDIOM_OBJECT.test(after(m, ctx, 20).split(/\s+/).slice(0, 3).join(" "))) return false;
  return true;
};

/** "I could kill him" is a figure of speech until it comes with a plan, a method or a weapon. */
const PLAN_CUE =
  /\b(?:worked\s+(?:it\s+)?out|figured\s+(?:it\s+)?out|thought\s+(?:it\s+)?(?:through|out)|planned|plan|know(?:s)?\s+(?:exactly\s+)?(?:how|where|when)|how\s+(?:I|he|she|they)(?:'d|\s+would|\s+will|'ll|\s+could)\s+do\s+it|mean\s+it|not\s+joking|serious)\b/i;
const WEAPON = "(?:guns?|firearms?|pistols?|handguns?|rifles?|shotguns?|knife|knives|machete|weapons?|blade|bomb|explosives?)";
/** Children whose carers describe urges or intrusive images of harming them (perinatal mental health). */
const CHILD = "(?:the|my|her|his|their|our)\\s+(?:baby|infant|newborn|toddler|child|kids|children|son|daughter)(?!'s)";

export const HOMICIDAL_IDEATION: CategoryRules = {
  category: "homicidal_ideation",
  specs: [
    { pattern: "(?<![A-Za-z])(?:HI|DTO)(?![A-Za-z])", caseSensitive: true },
    {
      pattern:
        "\\bhomicid(?:al|ality)(?:\\s+(?:ideations?|thoughts?|thinking|ideas?|urges?|feelings?|intent|intentions?|behaviou?rs?|plans?|threats?))?\\b",
      accept: notProcess,
    },
    {
      pattern: `\\b(?:${HI_FRAME_TO}\\s+to\\s+(?:(?:really|just|go|actually)\\s+)?${HI_INF}|gonna\\s+${HI_INF}|(?:I|he|she|they)(?:'ll|'d|\\s+will|\\s+would)\\s+${HI_INF})\\s+${HI_OBJ}`,
      verbal: true,
      accept: hiObject,
    },
    { pattern: `\\b${HI_FRAME_OF}\\s+(?:(?:really|just|actually)\\s+)?${HI_GER}\\s+${HI_OBJ}`, accept: hiObject },
    {
      pattern: `\\b(?:harm(?:ing)?|hurt(?:ing)?|danger(?:ous)?|violen(?:ce|t)|threat(?:s|ening)?|aggressi(?:on|ve))\\s+(?:(?:to(?:wards?)?|toward|against)\\s+)?(?:(?:self|${REFLEX})\\s*(?:or|and|\\/)\\s*)?others\\b`,
    },
    { pattern: "\\bviolent\\s+(?:thoughts|urges|fantasies|ideation|intent|impulses|threats)\\b" },
    { pattern: "\\bduty\\s+to\\s+(?:warn|protect)\\b|\\bTarasoff\\b", patientOnly: false },
    // Intrusive thoughts or urges to harm a child are flagged for assessment, ego-dystonic or not.
    {
      pattern: `\\b(?:thoughts?|thinking|images?|urges?|impulses?|fears?|ideas?|fantasi\\w+)\\s+(?:of|about|to)\\s+(?:shak(?:e|ing)|throw(?:ing)?|drop(?:ping)?|hurt(?:ing)?|harm(?:ing)?|smother(?:ing)?|suffocat(?:e|ing)|drown(?:ing)?|stab(?:bing)?|kill(?:ing)?|squeez(?:e|ing))\\s+${CHILD}\\b`,
    },
    {
      pattern: `\\b(?:afraid|scared|terrified|frightened|worried|worries|fears?|feared|fearful)\\s+(?:that\\s+)?(?:I|he|she|they)(?:'ll|'d|\\s+will|\\s+would|\\s+might|\\s+may|\\s+could)\\s+(?:(?:end\\s+up|actually|really|snap\\s+and)\\s+)?${HI_INF}\\s+${HI_OBJ}`,
      accept: hiObject,
    },
    {
      pattern: `\\b(?:I|he|she|they)\\s+(?:could|might|can)\\s+(?:(?:really|easily|actually|just)\\s+)?${HI_INF}\\s+${HI_OBJ}`,
      accept: (m, ctx) => hiObject(m, ctx) && (ctx.mentions(PLAN_CUE) || ctx.dangerInSentence),
    },
    // A weapon taken to school; a school or mass shooting planned or threatened.
    {
      pattern: `\\b(?:bring(?:s|ing)?|brought|tak(?:e|es|ing)|took|carr(?:y|ies|ied|ying)|sneak(?:s|ing)?|snuck)\\s+(?:a|an|the|his|her|my|their|[\\w-]+'s)\\s+(?:[\\w'-]+\\s+){0,2}?${WEAPON}\\s+(?:in)?to\\s+(?:school|class|college|campus|the\\s+(?:school|classroom|college|campus|church|mosque|synagogue|temple|mall))\\b`,
    },
    {
      pattern:
        "\\b(?:plan(?:s|ned|ning)?|threaten(?:s|ed|ing)?|fantasi\\w+\\s+about|talk(?:s|ed|ing)?\\s+about\\s+(?:doing|carrying\\s+out|committing)|carry(?:ing)?\\s+out|commit(?:ting)?)\\s+(?:an?\\s+|the\\s+)?(?:school|mass)\\s+(?:shooting|stabbing|attack|killing)s?\\b",
    },
    // Veiled threats: "he'll get what's coming to him", "I know where he lives", "someone is going to get hurt".
    {
      pattern:
        "\\bgets?\\s+what'?s\\s+coming\\s+to\\s+(?:him|her|them)\\b|\\bknow(?:s)?\\s+where\\s+(?:he|she|they)\\s+(?:lives?|sleeps?|works?)\\b|" +
        "\\b(?:someone|somebody|people|everyone)\\s+(?:is|are|'s|'re)\\s+going\\s+to\\s+(?:get\\s+hurt|die|pay)\\b|\\b(?:someone|somebody|people)\\s+(?:will|'ll)\\s+(?:get\\s+hurt|die|pay)\\b|" +
        "\\bmake\\s+sure\\s+(?:he|she|they)\\s+never\\s+(?:hurts?|touch(?:es)?|does\\s+(?:that|it))\\s+(?:anyone|anybody|her|him|me|us|again)\\b|" +
        "\\b(?:want(?:s|ed)?|(?:would|'d)\\s+like\\s+to\\s+see|wants?\\s+to\\s+see|wish(?:es|ed)?)\\s+(?:him|her|them|(?:his|her|their|my)\\s+(?:ex(?:-\\w+)?|boss|stepfather|stepdad|abuser|attacker|rapist|neighbou?r))\\s+(?:to\\s+)?(?:suffer|in\\s+pain)\\b",
      // A broken staircase or a neighbour of old is not a threat.
      accept: (_m, ctx) =>
        !/\b(?:if\s+(?:they|you|we)\s+(?:don't|do\s+not)|stairs|ice|icy|unsafe|repair|neighbours\s+once|we\s+were\s+neighbou?rs|promotion|deserves)\b/i.test(
          ctx.clause,
        ),
    },
    {
      pattern: `\\b${WEAPON}\\s+(?:[\\w'-]+\\s+){0,4}?(?:for\\s+when|in\\s+case)\\s+(?:he|she|I|they)\\s+(?:sees?|meets?|runs?\\s+into|finds?|bumps?\\s+into)\\s+(?:him|her|them)\\b`,
    },
    // Threats made, revenge planned, "make them pay".
    {
      pattern:
        "\\b(?:made|makes|making|sent|sends|sending|issued|posted|uttered|voiced)\\s+(?:(?:several|multiple|repeated|violent|verbal|written|online|serious|credible|death)\\s+){0,3}threats?\\s+(?:to\\s+(?:kill|hurt|harm|shoot|stab|attack|beat)|against|toward|towards|at)\\b",
    },
    {
      pattern:
        "\\bmake\\s+(?:him|her|them|'em|everyone|everybody|(?:those|these|the)\\s+\\w+|(?:his|her|my|their)\\s+\\w+)\\s+(?:all\\s+)?pay\\b(?=\\s*(?:[.!;,)\"']|$|for\\s+(?:what|it|this|that|everything|hurting)))",
    },
    {
      pattern:
        "\\b(?:plan(?:s|ned|ning)?|plot(?:s|ted|ting)?|seek(?:s|ing)?|sought|want(?:s|ed|ing)?|fantasi[sz](?:es|ed|ing|e)\\s+about|thoughts?\\s+(?:of|about)|obsessed\\s+with|intent\\s+on|vows?|vowed|swore|swears|get(?:ting)?|tak(?:e|ing)|exact(?:ing)?)\\s+(?:(?:violent|bloody|physical)\\s+)?revenge\\s+(?:on|against)\\s+(?:him|her|them|\\w+)\\b|\\b(?:violent|bloody)\\s+revenge\\b|\\brevenge\\s+(?:fantas(?:y|ies)|plans?|attacks?|killings?)\\b",
    },
    { pattern: "\\bwants?\\s+(?:him|her|them|(?:his|her|their|my)\\s+[\\w-]+)\\s+dead\\b" },
    {
      pattern:
        "\\bthreaten(?:s|ed|ing)?\\s+(?:his|her|their|a|the)\\s+(?:[\\w-]+\\s+){1,2}?with\\s+(?:a\\s+)?(?:gun|knife|weapon|firearm|bat|machete|pistol|rifle)\\b",
    },
  ],
};
