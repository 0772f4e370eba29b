/** Self-harm: cutting, burning, hitting oneself, overdose as an event, self-inflicted wounds. */
import { BODY, POSS, REFLEX } from "../lexicon";
import { type Accept, after, before, type CategoryRules, notProcess } from "./rule";

// Bare "cutting" only where it can only mean self-injury: "cuts back on caffeine", "cutting
// board", "cutting class" stay out.
const CUTTING_CONTEXT_BEFORE =
  /\b(?:history\s+of|hx\s+of|h\/o|urges?\s+(?:to|for)|started|began|begun|resumed|restarted|been|engag(?:es|ed|ing)\s+in|episodes?\s+of|recent|active|reports?|reported|endorses?|endorsed|admits?(?:\s+to)?|admitted(?:\s+to)?|denies|denied|no|any|self-harm|self-injury|NSSI)\W+(?:\w+\s+)?$/i;
const CUTTING_NOT_SELF_AFTER =
  /^\s+(?:back|down|out|off|up|class(?:es)?|school|corners|costs?|hair|edge|boards?|ties|weight|calories|carbs)\b/i;

// Overdose as an event. Education, prevention, risk, naloxone, accidental ones are not self-harm;
// an overdose *plan* is suicidal ideation (above).
const OD_NOT_EVENT_AFTER =
  /^\s*(?:education|prevention|risk|reversal|kits?|response|training|awareness|deaths?|crisis|epidemic|rescue|precautions?|counsel\w*|antidote|protocol|plan)\b/i;
const OD_NOT_EVENT_BEFORE =
  /\b(?:risks?|prevent\w*|educat\w*|signs?|symptoms?|case|event|revers\w*|counsel\w*|dangers?|naloxone|narcan|recogni[sz]\w*|respond\w*|accidental(?:ly)?|unintentional(?:ly)?|unintended|witnessed|plans?|planned|planning|thoughts?|thinking|wants?|wanted|intends?|intending|considering|contemplating|threaten\w*|urges?|going|gonna|means)\b(?:\s+(?:of|for|an?|the|to|on|about|in|with|opioid|drug|possible|potential|accidental))*\s*$/i;
const ACCIDENTAL = /\b(?:accidental(?:ly)?|unintentional(?:ly)?)\b/i;
const overdoseEvent: Accept = (m, ctx) =>
  !OD_NOT_EVENT_AFTER.test(after(m, ctx)) && !OD_NOT_EVENT_BEFORE.test(before(m, ctx, 60)) && !ctx.mentions(ACCIDENTAL);

export const SELF_HARM: CategoryRules = {
  category: "self_harm",
  specs: [
    {
      pattern:
        "\\bself[-\\s]?(?:harm(?:s|ed|ing)?|injur(?:y|ies|ious|ing|ed)|mutilat(?:ion|ing|ed|es|e)|inflicted\\s+(?:\\w+\\s+)?(?:wounds?|cuts?|lacerations?|burns?|injur(?:y|ies)|gunshot))\\b",
      accept: notProcess,
    },
    { pattern: "(?<![A-Za-z])(?:NSSI|SIB|DSH|DTS)(?![A-Za-z])", caseSensitive: true },
    { pattern: `\\bcut(?:s|ting)?\\s+(?:on\\s+)?(?:${REFLEX}|${POSS}\\s+(?:own\\s+)?${BODY})\\b`, verbal: true },
    {
      pattern: "\\bcutting\\b",
      accept: (m, ctx) => CUTTING_CONTEXT_BEFORE.test(before(m, ctx, 60)) && !CUTTING_NOT_SELF_AFTER.test(after(m, ctx)),
    },
    {
      pattern: `\\bcutting\\b(?=\\s*\\)|\\s+(?:again|behaviou?rs?|episodes?|on\\s+${POSS}\\b|with\\s+(?:a\\s+)?(?:razors?|blades?|knife|glass|scissors|box\\s+cutter)))`,
    },
    {
      pattern: `\\b(?:burn(?:s|ed|t|ing)?|hit(?:s|ting)?|punch(?:es|ed|ing)?|scratch(?:es|ed|ing)?|hurt(?:s|ing)?|harm(?:s|ed|ing)?|bit(?:e|es|ing)?|stab(?:s|bed|bing)?)\\s+${REFLEX}\\b`,
      verbal: true,
      // "hurt myself playing football" is an accident.
      accept: (m, ctx) =>
        !/^\s+(?:(?:while|when)\s+)?(?:playing|lifting|working|running|exercising|skiing|climbing|cooking|moving|falling|at\s+(?:work|the\s+gym)|in\s+(?:a|the)\s+(?:fall|accident|gym|game|match)|during|on\s+the\s+job|working\s+out|by\s+accident|accidentally)\b/i.test(
          after(m, ctx),
        ),
    },
    { pattern: `\\burges?\\s+to\\s+(?:cut|burn|self-?harm|(?:hurt|harm)\\s+${REFLEX})\\b(?!\\s+(?:back|down|out|off|up|class))` },
    {
      pattern: `\\bscratch(?:es|ed|ing)?\\s+(?:${REFLEX}|${POSS}\\s+(?:own\\s+)?${BODY})\\s+(?:until|till|to\\s+the\\s+point)\\b`,
      verbal: true,
    },
    // Wounds whose pattern itself says self-inflicted.
    {
      pattern: `\\b(?:(?:linear|parallel)\\s+(?:cuts|lacerations|scratches|burns|scars)|(?:fresh|healing)\\s+(?:cuts|scratches))\\s+(?:on|to|across)\\s+(?:(?:her|his|their|the|both|left|right|bilateral)\\s+)*${BODY}`,
    },
    {
      pattern: `\\b(?:bang(?:s|ed|ing)?|hit(?:s|ting)?)\\s+${POSS}\\s+head\\s+(?:against|on|into)\\s+(?:the\\s+|a\\s+)?walls?\\b|\\bhead[-\\s]?banging\\b`,
    },
    {
      pattern: `\\b(?:harm|danger|injury)\\s+to\\s+(?:self|${REFLEX})\\b|\\b(?:harm(?:ing)?|hurt(?:ing)?)\\s+self\\b|\\bdanger(?:ous)?\\s+to\\s+(?:self|${REFLEX})\\b`,
    },
    { pattern: "\\boverdos(?:e|ed|es|ing)\\b", accept: overdoseEvent },
    {
      pattern: "\\bOD(?:'d|'ed|ed|d)(?![A-Za-z])|\\bintentional\\s+(?:overdose|ingestion|OD)\\b",
      caseSensitive: true,
      accept: overdoseEvent,
    },
    {
      pattern: `\\b(?:took|ingested|swallowed)\\s+(?:a\\s+(?:whole\\s+)?(?:handful|bottle)|(?:an?\\s+|the\\s+)?(?:entire|whole)\\s+bottle|\\d{2,}|twenty|thirty|forty|fifty|dozens?)\\s+(?:of\\s+)?(?:(?:his|her|my|their|the)\\s+)?(?:\\w+\\s+)?(?:pills|tablets|tabs|capsules|meds|medications?)\\b|\\btook\\s+all\\s+(?:of\\s+)?${POSS}\\s+(?:\\w+\\s+)?(?:pills|tablets|meds|medications?)\\s+at\\s+once\\b`,
      verbal: true,
    },
  ],
};
