/** Homicidal ideation: intent or thoughts of harming a person, threats, duty to warn. */
import { REFLEX } from "../lexicon";
import { type Accept, after, type CategoryRules, notProcess } from "./rule";

const HI_INF =
  "(?:kill|hurt|harm|murder|stab|shoot\\s+up|shoot|strangle|choke|attack|assault|beat(?:\\s+up)?|poison|punch|run\\s+over|get\\s+back\\s+at)";
const HI_GER =
  "(?:killing|hurting|harming|murdering|stabbing|shooting\\s+up|shooting|strangling|choking|attacking|assaulting|beating(?:\\s+up)?|poisoning|punching|running\\s+over|getting\\s+back\\s+at)";
const HI_FRAME_TO =
  "(?:wants?|wanted|wanting|going|plans?|planned|planning|intends?|intended|intending|intent|intention|threaten(?:s|ed|ing)?|urges?|desires?|desired|tried|tries|trying|ready|prepared|determined|swore|vowed|promised|means)";
const HI_FRAME_OF =
  "(?:thoughts?|thinking|thinks|think|fantasi(?:es|[sz]es|[sz]ing|[sz]e)|ideation|ideas?|urges?|impulses?|dreams?|dreaming|obsess(?:ed|ing|ions?)|talk(?:s|ed|ing)?|plans?|planning)\\s+(?:of|about)";
const HI_OBJ =
  `(?!(?:${REFLEX}|self|me|it|time)\\b)(?<obj>him|her|them|someone|somebody|people|others|everyone|everybody|anyone|anybody|you|us|` +
  "(?:his|their|my|your|the|a|an|that|this|those|these|our)\\s+(?:[\\w-]+\\s+)?[\\w-]+|(?<name>[A-Za-z][a-z]+))\\b";
/** Objects that make "kill/hurt X" an idiom: "hurt her feelings", "kill the pain". */
const IDIOM_OBJECT =
  /\b(?:feelings|chances|career|reputation|pride|relationship|business|credit|pain|mood|vibe|time|buzz|noise|engine|lights?|bugs?|weeds|germs|bacteria|competition|interview|presentation|exam|test|game|deal|conversation|joke|back|knee)\b/i;
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
    { pattern: "\\bwants?\\s+(?:him|her|them|(?:his|her|their|my)\\s+[\\w-]+)\\s+dead\\b" },
    {
      pattern:
        "\\bthreaten(?:s|ed|ing)?\\s+(?:his|her|their|a|the)\\s+(?:[\\w-]+\\s+){1,2}?with\\s+(?:a\\s+)?(?:gun|knife|weapon|firearm|bat|machete|pistol|rifle)\\b",
    },
  ],
};
