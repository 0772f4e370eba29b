/** Abuse the patient lives with (as victim or in the household): violence, sexual abuse, neglect, protective services. */
import { PERP, POSS, SUBSTANCE } from "../lexicon";
import { type Accept, after, before, type CategoryRules } from "./rule";

/** "verbally abusive toward staff" is the patient's behaviour on the unit, not abuse they live with. */
const notTowardStaff: Accept = (m, ctx) =>
  !/^\s+(?:toward|towards|to|with)\s+(?:the\s+)?(?:staff|nurses?|providers?|others|peers|clinicians?)\b/i.test(after(m, ctx));

// Bare "abuse": not when it is about a substance ("alcohol abuse", "abuse of opioids", "abuse-
// deterrent"), the old term "self-abuse", or the patient being "abusive toward staff".
const SUBSTANCE_BEFORE = new RegExp(`(?:\\b${SUBSTANCE}(?:\\s+(?:and|or|\\/|&)\\s+\\w+)?(?:\\s+use)?|self-?)\\s*$`, "i");
const SUBSTANCE_AFTER = new RegExp(
  `^\\s*(?:(?:of|on)\\s+(?:\\w+\\s+)?${SUBSTANCE}|${SUBSTANCE}|(?:-\\s*)?(?:potential|liability|deterrent|disorder))\\b`,
  "i",
);

/** IPV is also the polio vaccine in paediatric notes. */
const VACCINATION = /\b(?:vaccin\w*|immuni[sz]\w*|polio|DTaP|MMR|Hib|HepB|PCV|Tdap)\b/i;
const ABUSE_VERB =
  "(?:(?:threaten(?:s|ed|ing)?|tried|tries|trying|wants?|going)\\s+to\\s+(?:kill|hurt|harm|beat|shoot|stab|strangle|choke)|threaten(?:s|ed|ing)?|hit|hits|hitting|beat|beats|beating|smack(?:s|ed|ing)?|whack(?:s|ed|ing)?|whip(?:s|ped|ping)?|belt(?:s|ed|ing)|hurt(?:s|ing)?|shak(?:es|ing)|shook|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|push(?:es|ed|ing)|shov(?:es|ed|ing)|burn(?:s|ed)|bit|bites|grabb?(?:s|ed|ing)|abus(?:es|ed|ing)|assault(?:s|ed|ing)?|rap(?:es|ed)|molest(?:s|ed|ing)|attack(?:s|ed|ing)|smother(?:s|ed|ing)|restrain(?:s|ed|ing)|stalk(?:s|ed|ing)|harass(?:es|ed|ing)|thr(?:ew|ows)\\s+\\w+\\s+at)";

const VICTIM =
  "(?:her|him|me|them|us|the\\s+(?:patient|pt|client|kids|children|child|baby|family)|pt|patient|client|(?:his|her|their|my)\\s+(?:kids|children|child|son|daughter|baby|wife|husband|partner|girlfriend|boyfriend|mother|mom|mum|father|dad|sister|brother|nan|gran|grandma|grandmother|stepmum|stepmom|siblings?)|mum|mom|mummy|mommy|mother|mam)\\b" +
  "(?!\\s+(?:own\\s+)?(?:back|knees?|legs?|foot|feet|ankle|shoulder|hands?|arm|feelings|funny\\s+bone|awake|up|off|head(?!\\s+(?:against|into)))\\b)";

export const ABUSE: CategoryRules = {
  category: "abuse",
  specs: [
    {
      pattern:
        "\\b(?:physical(?:ly)?|sexual(?:ly)?|emotional(?:ly)?|verbal(?:ly)?|psychological(?:ly)?|domestic|child|elder|spousal|partner|financial|ritual(?:istic)?)\\s+(?:abuse[ds]?|abusive|assault(?:ed)?|violence|exploitation|maltreatment)\\b",
      accept: notTowardStaff,
    },
    {
      pattern: "\\b(?:abuse[ds]?|abusing|abusive|abuser)\\b",
      accept: (m, ctx) => !SUBSTANCE_BEFORE.test(before(m, ctx)) && !SUBSTANCE_AFTER.test(after(m, ctx)) && notTowardStaff(m, ctx),
    },
    { pattern: "(?<![A-Za-z])DV(?![A-Za-z])", caseSensitive: true },
    { pattern: "(?<![A-Za-z])IPV(?![A-Za-z])", caseSensitive: true, accept: (_m, ctx) => !ctx.mentions(VACCINATION) },
    { pattern: "\\b(?:intimate\\s+partner|family|dating|relationship)\\s+violence\\b" },
    {
      pattern:
        "\\b(?:raped?|raping|molest(?:ed|ation|ing|er)?|incest|sexually\\s+(?:assaulted|abused|exploited|molested|touched)|(?:sex|human)\\s+traffick(?:ing|ed)|trafficked|inappropriately\\s+touched|touched\\s+(?:her|him|me)\\s+inappropriately|inappropriate\\s+touching|unwanted\\s+sexual\\s+(?:contact|touching)|battered|batterer)\\b",
    },
    {
      pattern: `\\b${PERP}(?:'s)?\\s+(?:[\\w',-]+\\s+){0,4}?${ABUSE_VERB}\\s+${VICTIM}`,
      // "My mom is going to kill me when she finds out" is a figure of speech.
      accept: (m, ctx) =>
        !/\bkill\s+me$/i.test(m[0]) ||
        !/^\s+(?:when|if|once)\s+(?:s?he|they)\s+(?:finds?|found|sees?|saw|hears?|heard)\b/i.test(after(m, ctx)),
    },
    {
      pattern: `\\b(?:hit|beaten|beat|punched|kicked|slapped|choked|strangled|pushed|shoved|assaulted|abused|raped|molested|threatened|attacked|hurt|stabbed|burned|smothered|injured|harassed|stalked)\\s+(?:[\\w-]+\\s+){0,3}?by\\s+(?:(?:her|his|my|their|the|an?)\\s+)?(?:[\\w-]+\\s+)?${PERP}\\b`,
    },
    {
      pattern: "\\b(?:non-?fatal\\s+)?strangulation\\b",
      accept: (m, ctx) =>
        !/^\s+of\s+(?:the\s+)?(?:bowel|hernia|intestine|testicle|ovary)\b/i.test(after(m, ctx)) &&
        !/\b(?:bowel|hernia|intestinal|testicular|ovarian)\s*$/i.test(before(m, ctx)),
    },
    {
      pattern: `\\b(?:afraid|scared|fearful|terrified)\\s+(?:of|for)\\s+(?:${POSS}\\s+(?:\\w+\\s+)?${PERP}|${POSS}\\s+(?:life|safety))\\b|\\bfears?\\s+for\\s+${POSS}\\s+(?:life|safety)\\b`,
    },
    {
      pattern: `\\b(?:feels?|felt|feeling)\\s+unsafe\\s+(?:at\\s+home|with\\s+${POSS}\\s+\\w+|in\\s+${POSS}\\s+(?:home|relationship|house))|\\b(?:doesn't|does\\s+not|don't|do\\s+not|didn't|did\\s+not)\\s+feel\\s+safe\\s+(?:at\\s+home|with\\s+${POSS}\\s+\\w+|in\\s+${POSS}\\s+(?:home|relationship|house))|\\bnot\\s+safe\\s+at\\s+home\\b|\\bafraid\\s+to\\s+go\\s+home\\b`,
    },
    {
      pattern: `\\b(?:child|elder|medical|educational|physical|emotional|parental|caregiver)\\s+neglect\\b|\\bneglect(?:ed|s|ing)?\\s+(?:by|of)\\s+(?:(?:her|his|their|the|a|an)\\s+)?(?:\\w+\\s+)?(?:${PERP}|children|child|kids|baby|infant|toddler|elderly)\\b|\\bneglect(?:ed|s|ing)\\s+${POSS}\\s+(?:kids|children|child|baby|infant|toddler|son|daughter)\\b`,
    },
    {
      pattern:
        "\\b(?:CPS|APS|DCFS|DCF)\\s+(?:report|referral|case|involvement|involved|investigation|was\\s+(?:called|contacted|notified)|called|contacted|notified|open|filed)\\b|\\b(?:[Rr]eport(?:s|ed|ing)?|[Cc]all(?:s|ed)?|[Rr]eferr(?:ed|al)|[Cc]ontact(?:s|ed)?|[Nn]otif(?:ied|y)|[Ff]iled)\\b[^.;]{0,30}?\\b(?:CPS|APS|DCFS|DCF)\\b",
      caseSensitive: true,
    },
    {
      pattern:
        "\\b(?:child|adult)\\s+protective\\s+services\\b|\\b(?:mandated|mandatory)\\s+report(?:er)?\\s+(?:filed|made|submitted|completed)\\b|\\b(?:filed|made|submitted)\\s+(?:a\\s+)?(?:mandated|mandatory)\\s+report\\b",
    },
    { pattern: "\\b(?:restraining|protective|protection)\\s+order\\b|\\bfinancial(?:ly)?\\s+exploit(?:ed|ation|ing)\\b" },
  ],
};
