/** Self-harm: cutting, burning, hitting oneself, overdose as an event, self-inflicted wounds, signs of hidden self-harm. */
import { BODY, POSS, REFLEX } from "../lexicon";
import { type Accept, after, before, type CategoryRules, notProcess, selfDirected } from "./rule";

// Bare "cutting" only where it can only mean self-injury: "cuts back on caffeine", "cutting
// board", "cutting class" stay out.
const CUTTING_CONTEXT_BEFORE =
  /\b(?:history\s+of|hx\s+of|h\/o|urges?\s+(?:to|for)|found|caught|walked\s+in\s+on|started|began|begun|resumed|restarted|been|engag(?:es|ed|ing)\s+in|episodes?\s+of|recent|active|reports?|reported|endorses?|endorsed|admits?(?:\s+to)?|admitted(?:\s+to)?|denies|denied|no|any|self-harm|self-injury|NSSI)\W+(?:\w+\s+)?$/i;
const CUTTING_NOT_SELF_AFTER =
  /^\s+(?:back|down|out|off|up|class(?:es)?|school|corners|costs?|hair|edge|boards?|ties|weight|calories|carbs|the|a|an|some|vegetables|onions|bread|paper|wood|fabric|coupons|grass|it|them|shapes|(?:his|her|their|my)\s+(?:own\s+)?(?:hair|nails|food|meat|toenails|fingernails|losses|hours|dose))\b/i;

/** What makes a cut, a burn or a knock an accident. */
const ACCIDENT =
  /\b(?:accident\w*|fall\w*|fell|slipped|tripped|glass\s+door|window\s+(?:broke|smashed)|MVA|MVC|RTA|RTC|crash|collision|broken\s+glass|cooking|chopping|kitchen|oven|stove|kettle|iron(?:ing)?|sports?|football|rugby|work\s+injury|dog|cat|bite|surg\w+|incision|operation)\b/i;
const notAccident: Accept = (_m, ctx) => !ctx.mentions(ACCIDENT);
/** Skin conditions, the cold and faith explain long sleeves; a nosebleed or a period explains blood. */
const SLEEVES_EXPLAINED =
  /\b(?:eczema|psoriasis|dermatitis|sun|sunburn|cold|winter|religio\w*|faith|modest\w*|hijab|uniform|tattoos?|allerg\w*)\b/i;
const BLOOD_EXPLAINED = /\b(?:nose\s*bleeds?|nose|period|menstru\w*|shaving|dental|teeth|gums?|vomit\w*|cough\w*)\b/i;
/** Music and dance: head-banging at a gig is not self-injury. */
const MUSIC = /\b(?:concert|gig|mosh\w*|metal|rock|festival|band|music|dance\s*floor)\b/i;

// Overdose as an event. Education, prevention, risk, naloxone, accidental ones are not self-harm;
// an overdose *plan* is suicidal ideation (above). "Overdosed on coffee" is a figure of speech.
const OD_NOT_EVENT_AFTER =
  /^\s*(?:education|prevention|risk|reversal|kits?|response|training|awareness|deaths?|crisis|epidemic|rescue|precautions?|counsel\w*|antidote|protocol|plan|on\s+(?:\w+\s+)?(?:coffee|caffeine|espresso|energy\s+drinks?|sugar|chocolate|candy|sweets|cake|carbs|junk\s+food|pizza|netflix|tv|television|social\s+media|news|love|work|exercise|sunshine|nostalgia|cuteness|kindness|drama|christmas|films?|movies?|music|podcasts?))\b/i;
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
        "\\bself[-\\s]?(?:harm(?:s|ed|ing|er|ers)?|injur(?:y|ies|ious|ing|ed)|mutilat(?:ion|ing|ed|es|e)|inflicted(?:\\s+(?:\\w+\\s+)?(?:wounds?|cuts?|lacerations?|burns?|injur(?:y|ies)|gunshot))?|poison(?:ing|ed|s)?|cutting|burning|immolation|strangulation)\\b",
      accept: notProcess,
    },
    { pattern: "(?<![A-Za-z])(?:NSSI|SIB|DSH|DTS)(?![A-Za-z])", caseSensitive: true },
    {
      pattern: `\\bcut(?:s|ting)?\\s+(?:on\\s+)?(?:${REFLEX}|${POSS}\\s+(?:own\\s+)?${BODY})\\b`,
      verbal: true,
      // "cut her leg on a broken bottle" is an accident; "he cut her arm" is an assault.
      accept: (m, ctx) =>
        !/^\s+(?:on\s+(?:a|an|the|some)\b|by\s+accident|accidentally|while|when\s+(?:she|he|I)\s+fell)/i.test(after(m, ctx)) &&
        selfDirected(m, ctx),
    },
    // Slit, slashed, carved: words that name a deliberate wound.
    {
      pattern: `\\b(?:slit|slits|slitting|slash(?:es|ed|ing)?|slic(?:e|es|ed|ing)|carv(?:e|es|ed|ing)|gash(?:es|ed|ing)?|lacerat(?:e|es|ed|ing))\\s+(?:(?:[\\w'-]+\\s+){0,3}?(?:into|in|on|across)\\s+)?(?:${POSS}\\s+(?:own\\s+)?${BODY}|${REFLEX})\\b`,
      verbal: true,
      accept: (m, ctx) => notAccident(m, ctx) && selfDirected(m, ctx),
    },
    // Burns made with a lighter, a cigarette or heated metal.
    {
      pattern: `\\b(?:burn(?:s|ed|t|ing)?|brand(?:s|ed|ing)?|scald(?:s|ed|ing)?)\\s+(?:${POSS}\\s+(?:own\\s+)?${BODY}|${REFLEX})\\s+(?:[\\w-]+\\s+){0,2}?with\\s+(?:(?:a|an|the|lit|hot|heated)\\s+)*(?:lighter|cigarettes?|matches|match|candle|spoon|knife|coin|key|metal|lighter\\s+fluid|acid|flame)\\b`,
      verbal: true,
      accept: (m, ctx) => !/\b(?:by\s+accident|accidentally)\b/i.test(ctx.clause) && selfDirected(m, ctx),
    },
    {
      pattern: `\\b(?:held|holds|holding|press(?:es|ed|ing)|put(?:s|ting)?)\\s+(?:a|an|the|lit|hot|heated)\\s+(?:(?:hot|heated|lit)\\s+)?(?:lighter|cigarette|match|flame|spoon|knife|coin|key|metal|candle)\\s+(?:to|against|on)\\s+${POSS}\\s+(?:own\\s+)?${BODY}\\b`,
      accept: selfDirected,
    },
    {
      pattern: `\\b(?:cigarette|lighter)\\s+burns?\\s+(?:on|to|across)\\s+(?:(?:her|his|their|the|both|left|right|bilateral|my)\\s+)*${BODY}`,
    },
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
    // Wounds whose pattern itself says self-inflicted ("fresh cuts noted", "superficial lacerations to both forearms").
    {
      pattern:
        "\\b(?:fresh|new|recent|healing|superficial|self-?inflicted|deliberate|horizontal|vertical|linear|parallel|multiple\\s+(?:superficial|horizontal|vertical|linear|parallel|healing|fresh))\\s+(?:(?:and\\s+)?(?:old|healed|healing|superficial|deep|fresh|new)\\s+)?(?:cuts|lacerations|scratches|incisions|slashes)\\b",
      accept: (m, ctx) =>
        notAccident(m, ctx) &&
        !/^\s+(?:of|in|to\s+(?:[\w-]+\s+){0,3}?(?:budgets?|funding|services|staff|benefits|welfare|spending|programs?|programmes?))\b/i.test(
          after(m, ctx),
        ),
    },
    {
      pattern: `\\b(?:(?:linear|parallel)\\s+(?:cuts|lacerations|scratches|burns|scars)|(?:fresh|healing)\\s+(?:cuts|scratches))\\s+(?:on|to|across)\\s+(?:(?:her|his|their|the|both|left|right|bilateral)\\s+)*${BODY}`,
    },
    {
      pattern: `\\b(?:bang(?:s|ed|ing)?|hit(?:s|ting)?)\\s+${POSS}\\s+head\\s+(?:against|on|into)\\s+(?:the\\s+|a\\s+)?walls?\\b|\\bhead[-\\s]?banging\\b`,
      accept: (_m, ctx) => !ctx.mentions(MUSIC),
    },
    {
      pattern: `\\b(?:bang(?:s|ed|ing)?|slam(?:s|med|ming)?|smash(?:es|ed|ing)?|beat(?:s|ing)?)\\s+(?:${POSS}\\s+)?head\\s+(?:against|on|into)\\s+(?:the\\s+|a\\s+)?(?:floor|door|desk|table|ground|furniture|bed|headboard|window|mirror|locker|radiator|concrete|bars|cupboard|wall)\\b`,
      accept: (m, ctx) => notAccident(m, ctx) && selfDirected(m, ctx),
    },
    {
      pattern: `\\b(?:harm|danger|injury)\\s+to\\s+(?:self|${REFLEX})\\b|\\b(?:harm(?:ing)?|hurt(?:ing)?)\\s+self\\b|\\bdanger(?:ous)?\\s+to\\s+(?:self|${REFLEX})\\b`,
    },
    // Signs of hidden self-harm (NICE NG225; NSPCC): sleeves in the heat, blades kept, blood on tissues.
    {
      pattern:
        "\\b(?:long\\s+sleeves|wristbands|sweatbands|bracelets|plasters|bandages)\\s+(?:[\\w'-]+\\s+){0,2}?to\\s+(?:hide|cover)\\s+(?:(?:the|her|his|my|their|any)\\s+)?(?:marks|cuts|scars|wounds|burns|arms|wrists|forearms|thighs)\\b|" +
        "\\blong\\s+sleeves\\s+(?:even\\s+)?(?:in|during)\\s+(?:the\\s+)?(?:summer|hot\\s+weather|heat(?:wave)?)\\b|\\blong\\s+sleeves,\\s+even\\s+in\\s+(?:the\\s+)?(?:summer|hot\\s+weather|heat)\\b",
      accept: (_m, ctx) => !ctx.mentions(SLEEVES_EXPLAINED),
    },
    {
      pattern:
        "\\b(?:razor\\s+)?blades?\\s+(?:[\\w'-]+\\s+){0,2}?(?:hidden|concealed|stashed|taped)\\b|" +
        // Starts at the blades, not at whoever found them: "mum found blades in her room" is the patient's.
        "\\b(?:razor\\s+)?blades\\s+(?:hidden\\s+)?(?:in|under|inside)\\s+(?:her|his|my|their|the)\\s+(?:room|bedroom|pencil\\s+case|bag|school\\s+bag|drawer|wardrobe|mattress|pillow|shoes?|phone\\s+case|purse|wallet)\\b|" +
        "\\b(?:broke|breaks|breaking|broken|took\\s+apart|takes\\s+apart|taking\\s+apart|dismantl\\w+)\\s+(?:a\\s+|her\\s+|his\\s+)?(?:pencil\\s+)?sharpeners?\\b",
    },
    {
      pattern:
        "\\bblood[-\\s]?stain(?:ed|s)\\s+(?:tissues|sleeves|sheets|clothes|towels|toilet\\s+paper)\\b|\\bblood\\s+on\\s+(?:her|his|the)\\s+(?:sleeves|sheets|tissues|towels)\\b",
      accept: (_m, ctx) => !ctx.mentions(BLOOD_EXPLAINED),
    },
    {
      pattern: `\\b(?:deserves?|needs?|wants?|has\\s+to)\\s+to\\s+(?:feel|be\\s+in)\\s+pain\\b|\\b(?:deserves?)\\s+to\\s+(?:hurt|suffer|be\\s+(?:hurt|punished))\\b|\\bpunish(?:es|ed|ing)?\\s+${REFLEX}\\s+(?:by|with)\\b`,
      // "deserves to suffer" said of someone else is anger, not self-harm.
      accept: (m, ctx) => /feel|in\s+pain|punish/i.test(m[0]) || /\b(?:I|she|he|they)\s+$/i.test(before(m, ctx)),
    },
    { pattern: "\\boverdos(?:e|ed|es|ing)\\b", accept: overdoseEvent },
    {
      pattern: "\\bOD(?:'d|'ed|ed|d)(?![A-Za-z])",
      caseSensitive: true,
      accept: overdoseEvent,
    },
    {
      pattern: `\\b(?:took|ingested|swallowed)\\s+(?:a\\s+(?:whole\\s+)?(?:handful|bottle)|(?:an?\\s+|the\\s+)?(?:entire|whole)\\s+bottle|\\d{2,}|twenty|thirty|forty|fifty|dozens?)\\s+(?:of\\s+)?(?:(?:his|her|my|their|the)\\s+)?(?:\\w+\\s+)?(?:pills|tablets|tabs|capsules|meds|medications?)\\b|\\btook\\s+all\\s+(?:of\\s+)?${POSS}\\s+(?:\\w+\\s+)?(?:pills|tablets|meds|medications?)\\s+at\\s+once\\b`,
      verbal: true,
    },
  ],
};
