/**
 * Abuse as people disclose it, often without the word "abuse": sex forced or not consented to, a
 * carer coming into a child's room at night, a threat to kill if the victim leaves or tells, a
 * child's bruises and who gave them, coercive control, a child locked in or left alone, grooming.
 * The signs follow NICE NG76 (child abuse and neglect), NICE PH50 (domestic violence and abuse) and
 * the WHO clinical handbook for intimate partner and sexual violence. Wording is ours; checked 2026-12.
 */
import { PERP } from "../lexicon";
import { after, before, type CategoryRules } from "./rule";

const SEXUAL = "sexual\\s+(?:acts?|activit(?:y|ies)|intercourse|contact|things|favou?rs|touching)";
const SEX_ACT = `(?:(?:having\\s+)?sex\\b(?!\\s+(?:education|ed|work\\s+research))|${SEXUAL}|oral\\s+sex|intercourse|(?:performing|doing)\\s+(?:sexual|oral)\\s+\\w+|sex\\s+work|prostitution|sending\\s+(?:nudes|naked\\s+(?:photos|pictures|images)))`;
const SEX_TO =
  "(?:have\\s+sex|perform\\s+(?:sexual|oral)\\s+\\w+|do\\s+sexual\\s+things|touch\\s+(?:him|her|his|them)|watch\\s+porn\\w*|send\\s+(?:nudes|naked\\s+(?:photos|pictures|images)|sexual\\s+(?:photos|images|pictures)))";
const PARTNER = /\b(?:husband|wife|partner|boyfriend|girlfriend|spouse|fianc\w*|ex)\b/i;
/** Someone who should not be in a child's room at night. */
const NIGHT_VISITOR =
  /\b(?:step-?\w+|stepfather|stepdad|uncle|(?:mum|mom|mother)'s\s+(?:boyfriend|partner)|boyfriend|lodger|cousin|grandad|grandpa|grandfather|babysitter|coach)\b/i;
const SEXUAL_CONTEXT =
  /\b(?:touch\w*|fondl\w*|grop\w*|into\s+(?:her|his|my)\s+bed|under\s+the\s+(?:covers|blankets|duvet)|undress\w*|sexual\w*|private\s+parts|keep\s+(?:it\s+)?(?:a\s+)?secret|rape\w*|molest\w*)\b/i;
/** A breast or genital examination, or feeding: touch that is care. */
const CARE =
  /\b(?:check\w*|exam\w*|lumps?|screen\w*|breastfe\w*|feeding|nappy|diaper|nurse|doctor|GP|mammogra\w*|hygiene|wash\w*|bath\w*)\b/i;
/** Bruising a blood test explains: a bleeding disorder or an anticoagulant. */
const HAEMATOLOGY =
  /\b(?:platelets?|coagul\w*|clotting|FBC|CBC|leuk\w*|ITP|anticoagula\w*|warfarin|apixaban|rivaroxaban|ha?emophilia|bleeding\s+disorder|thrombocytop\w*)\b/i;

export const ABUSE_DISCLOSURES: CategoryRules = {
  category: "abuse",
  specs: [
    // Sex that was forced, coerced or not consented to.
    {
      pattern: `\\b(?:forc(?:e|es|ed|ing)|coerc(?:e|es|ed|ing)|pressur(?:e|es|ed|ing)|made|makes|making|blackmail(?:s|ed|ing)?|manipulat(?:e|es|ed|ing)|trick(?:s|ed|ing)?)\\s+(?:(?:her|him|me|them|the\\s+(?:child|patient|girl|boy)|pt)\\s+)?(?:into\\s+${SEX_ACT}|to\\s+${SEX_TO})\\b`,
    },
    {
      pattern:
        `\\b(?:non-?consensual|unwanted|without\\s+(?:her|his|my|their)\\s+consent)\\s+(?:sex|${SEXUAL}|intercourse|contact|touching)\\b|\\b(?:sex|intercourse|${SEXUAL})\\s+without\\s+(?:her|his|my|their)\\s+consent\\b|` +
        `\\b(?:sex|intercourse|${SEXUAL}|touched|held\\s+down)\\b[^.;]{0,30}?\\bagainst\\s+(?:her|his|my|their)\\s+will\\b|\\b(?:too\\s+(?:drunk|intoxicated|high)|(?:was|were)\\s+(?:asleep|unconscious|passed\\s+out))\\s+to\\s+consent\\b`,
    },
    // Touching a child's body, and visits to a child's room at night.
    {
      pattern:
        "\\b(?:touch(?:es|ed|ing)?|fondl(?:e|es|ed|ing)|grop(?:e|es|ed|ing)|rub(?:s|bed|bing)?)\\s+(?:(?:her|him|me|them|the\\s+(?:child|girl|boy))\\s+)?(?:(?:on|in|between)\\s+)?(?:(?:her|his|my|their)\\s+)?" +
        "(?:private\\s+(?:parts|areas?|places?|bits)|privates|genitals?|genital\\s+area|breasts?|crotch|down\\s+there|vagina|penis|under\\s+(?:her|his|my|their)\\s+(?:clothes|pyjamas|pajamas|underwear|nightie|nightdress|skirt|pants|knickers))\\b",
      accept: (_m, ctx) => !ctx.mentions(CARE),
    },
    { pattern: "\\b(?:fondl(?:ed|ing|es)|grop(?:ed|ing|es))\\b|\\bbad\\s+touch(?:es|ing)?\\b" },
    {
      pattern: `\\b${PERP}(?:'s)?\\s+(?:[\\w',-]+\\s+){0,4}?(?:touch(?:es|ed|ing)|fondl(?:es|ed|ing)|grop(?:es|ed|ing))\\s+(?:me|her|him)\\b(?!\\s+(?:on\\s+the\\s+)?(?:forehead|head|hand|hands|shoulders?|arms?|back|face|cheek|hair|to\\s+(?:check|see|wake|comfort|calm|reassure)|gently|lightly)\\b)`,
    },
    {
      pattern:
        "\\b(?:comes?|came|coming|would\\s+come|goes|went|gets|got|creeps?|crept|sneaks?|snuck)\\s+in(?:to)?\\s+(?:her|his|my|their|the\\s+(?:child's|children's|kids'))\\s+(?:bed)?(?:room|bed)\\s+(?:at\\s+night|during\\s+the\\s+night|in\\s+the\\s+night|when\\s+(?:mum|mom|everyone|she|he|I)\\s+(?:is|was|are|'s)\\s+(?:asleep|out|at\\s+work|away))\\b",
      accept: (m, ctx) => ctx.mentions(SEXUAL_CONTEXT) || NIGHT_VISITOR.test(before(m, ctx)),
    },
    // A weapon held to someone else ("he held a knife to her throat"); to oneself it is suicidal behaviour.
    {
      pattern: `\\b(?:he|she|they|${PERP})(?:'s)?\\s+(?:[\\w',-]+\\s+){0,3}?(?:held|holds|holding|put|puts|pressed|presses|pointed|points|pointing)\\s+(?:a|the|his|her|their)\\s+(?:[\\w-]+\\s+)?(?:knife|blade|razor|gun|pistol|handgun|revolver|rifle|shotgun|scissors)\\s+(?:to|against|at)\\s+(?:(?:my|her|his|the\\s+(?:child|baby)'s)\\s+(?:throat|neck|head|temple|chest|face)|me|her|him|us|them|the\\s+(?:kids|children|baby))\\b`,
      accept: (m) => {
        const subject = /^(he|she|they)\b/i.exec(m[0])?.[1]?.toLowerCase();
        const target = /\b(?:to|against|at)\s+(my|her|his|me|him|us|them|the)\b/i.exec(m[0])?.[1]?.toLowerCase();
        const own: Record<string, string[]> = { he: ["his", "him"], she: ["her"], they: ["them"] };
        return !subject || !target || !own[subject]?.includes(target);
      },
    },
    // A threat that keeps someone from leaving or telling.
    {
      pattern:
        "\\b(?:kill|hurt|harm|beat|shoot|stab|take\\s+(?:the\\s+kids|the\\s+children|my\\s+kids|the\\s+baby)\\s+away\\s+from)\\s+(?:me|her|him|us|them|the\\s+(?:kids|children|baby|dog)|(?:my|her|his|our)\\s+(?:kids|children|baby|son|daughter|family|mum|mom|mother|dog|cat|pets?))\\s+if\\s+(?:I|she|he|we|they)\\s+(?:ever\\s+|tr(?:y|ies|ied)\\s+to\\s+)?" +
        "(?:(?:leave|leaves|left|leaving)(?!\\s+(?:the|a|it|them|this|that|work|school|early|late|class|without|my\\s+(?:room|stuff|things)))|(?:tell|tells|told)(?=\\s*(?:$|[.,;!?]|anyone|anybody|someone|somebody|the\\s+police|police|a\\s+teacher|the\\s+teacher|(?:a|the|my)\\s+(?:doctor|social\\s+worker|counsell?or)))|go(?:es)?\\s+to\\s+the\\s+police|call(?:s|ed)?\\s+the\\s+police|report(?:s|ed)?\\s+(?:him|her|it|them)|break(?:s)?\\s+up|talk(?:s|ed)?\\s+to\\s+(?:anyone|anybody|the\\s+police|a\\s+teacher|social\\s+services))",
    },
    // A child's injuries, and who gave them.
    {
      pattern:
        "\\b(?:unexplained|non-?accidental|suspicious|patterned|inconsistently\\s+explained)\\s+(?:bruis(?:es|ing)|burns|fractures?|injur(?:y|ies)|marks|welts|bite\\s+marks)\\b|\\bnon-?accidental\\s+(?:injury|trauma|head\\s+injury)\\b",
      accept: (_m, ctx) => !ctx.mentions(HAEMATOLOGY),
    },
    { pattern: "(?<![A-Za-z])NAI(?![A-Za-z])", caseSensitive: true },
    {
      pattern: `\\b(?:bruis(?:es|ing|ed)|black\\s+eye|welts?|belt\\s+marks|bite\\s+marks|split\\s+lip)\\b[^.;]{0,50}?\\b(?:from|by|caused\\s+by)\\s+(?:(?:her|his|my|their|the)\\s+)?(?:[\\w'-]+\\s+)?${PERP}\\b(?!'s)`,
    },
    {
      pattern: `\\b${PERP}(?:'s)?\\s+(?:[\\w',-]+\\s+){0,3}?(?:gave|gives|left)\\s+(?:her|him|me|them)\\s+(?:a\\s+)?(?:black\\s+eye|bruises|bruising|bloody\\s+nose|split\\s+lip|marks|welts|concussion|broken\\s+\\w+)\\b`,
    },
    // "He hits me": a first-person disclosure needs no family word.
    {
      pattern:
        "\\b(?:he|she|they)(?:'s|'d|'ve)?\\s+(?:(?:always|often|sometimes|still|regularly|repeatedly|constantly|usually|also|has|had|have|been|keeps?|kept|would|then)\\s+){0,2}(?:hit|hits|hitting|beat|beats|beating|punch(?:es|ed|ing)|kick(?:s|ed|ing)|slap(?:s|ped|ping)|smack(?:s|ed|ing)|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|rap(?:es|ed)|molest(?:s|ed|ing)|abus(?:es|ed|ing)|whips|whipped|belts|belted|shoves|shoved|threaten(?:s|ed|ing))\\s+(?:me|us)\\b" +
        "(?!\\s+(?:by\\s+accident|accidentally|back|up|with\\s+(?:the\\s+|a\\s+)?(?:news|questions?|bills?|facts|fines?|surprise)|in\\s+(?:the\\s+)?(?:game|match|football|rugby|training|practice|play))\\b)",
    },
    {
      pattern: `\\b(?:he|she|they|${PERP})(?:'s)?\\s+(?:[\\w',-]+\\s+){0,3}?(?:pin(?:s|ned|ning)|held|holds|holding)\\s+(?:me|her|him|us)\\s+down\\b`,
    },
    // Coercive control: money, family, friends, the front door.
    {
      pattern:
        "\\bcoercive(?:ly)?\\s+control(?:s|led|ling)?\\b|\\b(?:won't|will\\s+not|doesn't|does\\s+not|never)\\s+let(?:s)?\\s+(?:her|him|me)\\s+(?:leave\\s+the\\s+house|go\\s+out|see\\s+(?:her|his|my|their)\\s+(?:family|friends|parents|mum|mom|sister|brother)|have\\s+(?:any\\s+)?(?:money|a\\s+phone|(?:her|his|my)\\s+own\\s+money)|work|get\\s+a\\s+job|use\\s+the\\s+phone)\\b",
      accept: (m, ctx) => /^coercive/i.test(m[0]) || PARTNER.test(before(m, ctx)),
    },
    // Fear, surveillance and permission: the indirect signs of domestic abuse (NICE PH50).
    {
      pattern: "\\bwalk(?:s|ing|ed)?\\s+on\\s+egg\\s?shells\\s+(?:at\\s+home|around\\s+(?:him|her|my|his))\\b",
    },
    {
      pattern:
        "\\b(?:scared|afraid|frightened|terrified|fear(?:s|ful)?)\\s+(?:of\\s+)?what\\s+(?:he|she|they)(?:'ll|'d|\\s+will|\\s+would|\\s+might)\\s+do\\b",
      accept: (_m, ctx) => !/\b(?:grades?|results?|report\s+card|exam\w*|test|marks|school\s+report)\b/i.test(ctx.clause),
    },
    {
      pattern:
        "\\b(?:checks|checked|checking|monitors|monitored|tracks|tracked|tracking|reads|goes\\s+through|went\\s+through)\\s+(?:all\\s+)?(?:her|his|my)\\s+(?:phone|messages|texts|emails|location|bank\\s+account)\\b|" +
        "\\b(?:has|have|needs?|had)\\s+to\\s+ask\\s+(?:(?:her|his|my)\\s+(?:husband|wife|partner|boyfriend|girlfriend)'s\\s+|(?:him|her)\\s+for\\s+|(?:his|her)\\s+)?permission\\s+to\\s+(?:leave|go\\s+out|see|spend|use\\s+(?:the\\s+)?(?:phone|money|car))\\b",
      accept: (m, ctx) =>
        /permission/i.test(m[0]) ? !/\b(?:car|phone)\b/i.test(m[0]) || PARTNER.test(m[0]) : PARTNER.test(before(m, ctx, 60)),
    },
    {
      pattern:
        "\\bnot\\s+allowed\\s+to\\s+(?:see|contact|call|talk\\s+to|speak\\s+to|visit)\\s+(?:her|his|my|their)\\s+(?:friends|family|mum|mom|parents|sister|brother)(?:\\s+or\\s+(?:family|friends))?\\b",
      accept: (_m, ctx) => !/\b(?:grounded|weekend|exams?|curfew|homework|punish\w*|covid|isolat\w*|quarantin\w*)\b/i.test(ctx.clause),
    },
    {
      pattern: `\\b${PERP}(?:'s)?\\s+(?:[\\w',-]+\\s+){0,2}?(?:scares|frightens|terrifies)\\s+(?:me|her|him|the\\s+kids|the\\s+children|us)\\b`,
    },
    // Secrets a child is told to keep.
    {
      pattern:
        "\\b(?:says|said|tells|told)\\s+(?:(?:me|her|him)\\s+)?(?:it's|it\\s+is|this\\s+is|that's)\\s+(?:our|a)\\s+(?:little\\s+|special\\s+)?secret\\b|\\b(?:special|secret)\\s+(?:game|games|cuddles)\\b|" +
        `\\b${PERP}(?:'s)?\\s+(?:[\\w',-]+\\s+){0,2}?(?:told|tells|warned|warns|made)\\s+(?:her|him|me)\\s+(?:not\\s+to|never\\s+to|to\\s+never)\\s+tell\\s+(?:anyone|anybody|mum|mom|her\\s+mum|his\\s+mum|my\\s+mum|her\\s+mom|his\\s+mom|my\\s+mom)\\b`,
      accept: (_m, ctx) => !/\b(?:present|surprise|party|gift|birthday|recipe|christmas)\b/i.test(ctx.clause),
    },
    // Neglect: no food, hunger at school, locked out; an older person's money taken.
    {
      pattern:
        "\\b(?:never|no)\\s+(?:any\\s+)?food\\s+(?:at\\s+home|in\\s+the\\s+house)\\b|\\b(?:comes?|came|goes|went|arrives?|arrived)\\s+(?:in)?to\\s+school\\s+(?:hungry|unwashed|dirty|without\\s+(?:breakfast|lunch|food|a\\s+coat))\\b|" +
        "\\blocked\\s+out\\s+(?:of\\s+the\\s+(?:house|flat|home)\\s+)?(?:overnight|all\\s+night|in\\s+the\\s+(?:cold|rain|snow)|for\\s+(?:hours|the\\s+night))\\b",
      accept: (_m, ctx) => !/\b(?:takeaway|ordered|shopping|keys|locksmith|lost)\b/i.test(ctx.clause),
    },
    {
      pattern: `\\b${PERP}(?:'s)?\\s+(?:[\\w',-]+\\s+){0,2}?(?:takes|took|taking|keeps|kept|spends|spent|uses|used)\\s+(?:all\\s+(?:of\\s+)?)?(?:her|his)\\s+(?:pension|benefits|savings|bank\\s+cards?|wages)\\b`,
    },
    // A child locked in or left alone.
    {
      pattern:
        // Being locked in, not locking oneself in: "locked in the bathroom for hours crying" needs "was".
        "\\b(?:(?:was|were|been|being|is|are|gets|got|keeps?\\s+(?:her|him|me|them))\\s+(?:locked|shut|kept)|kept)\\s+(?:in|inside)\\s+(?:a|the|her|his|my|their)\\s+(?:room|bedroom|closet|cupboard|cellar|basement|shed|garage|cage|bathroom)\\s+(?:for\\s+(?:days|hours|(?:\\d+|two|three|several)\\s+(?:days|hours|nights)|the\\s+(?:whole\\s+)?(?:day|night|weekend))|without\\s+(?:food|water|meals|a\\s+toilet))\\b|" +
        "\\blocked\\s+(?:in|inside)\\s+(?:a|the|her|his|my|their)\\s+(?:room|bedroom|closet|cupboard|cellar|basement|shed|garage|cage|bathroom)\\s+(?:for\\s+(?:days|\\d+\\s+days|the\\s+weekend)\\s+)?without\\s+(?:food|water|meals|a\\s+toilet)\\b|" +
        "\\bleft\\s+(?:home\\s+)?alone\\s+(?:for\\s+(?:days|(?:\\d+|two|three|several)\\s+(?:days|nights)|the\\s+(?:whole\\s+)?weekend)|overnight|without\\s+food)\\b",
    },
    {
      pattern:
        "\\b(?:afraid|scared|frightened|terrified)\\s+to\\s+go\\s+(?:back\\s+)?home\\b(?!\\s+(?:alone|by\\s+(?:her|him|my)self|in\\s+the\\s+dark|at\\s+night|on\\s+(?:her|his|my)\\s+own|on\\s+the\\s+bus))",
    },
    // Grooming and exploitation; stalking; a shaken baby.
    {
      pattern:
        "\\b(?:being|been|was|were|is|getting)\\s+groomed\\b(?!\\s+for\\s+(?:a|the)\\s+(?:role|job|position|promotion|leadership))|\\bgroom(?:ed|ing|s)\\s+(?:online|by\\s+(?:an?\\s+)?(?:older|adult|man|men|woman|stranger|teacher|coach))|\\bonline\\s+grooming\\b|\\bsextortion\\b|\\bforced\\s+(?:into\\s+)?marriage\\b|\\bforced\\s+to\\s+marry\\b|\\bfemale\\s+genital\\s+(?:mutilation|cutting)\\b|\\bhonou?r[-\\s]based\\s+(?:violence|abuse)\\b",
    },
    { pattern: "(?<![A-Za-z])FGM(?![A-Za-z])", caseSensitive: true },
    {
      pattern: "\\b(?:being|been|getting|gets|is|was|were|are)\\s+stalked\\b|\\bstalker\\b",
      accept: (m, ctx) =>
        !/^\s+by\s+(?:paparazzi|fans|the\s+press|journalists)\b/i.test(after(m, ctx)) &&
        !/\b(?:film|movie|novel|show|series|character)\b/i.test(ctx.clause),
    },
    {
      pattern:
        "\\b(?:shak(?:e|es|ing)|shook|shaken)\\s+(?:the|his|her|my|their|a)\\s+(?:baby|infant|newborn)\\b(?!'s)|\\bshaken\\s+baby\\b",
      // "Shaken baby syndrome education" is prevention teaching.
      accept: (_m, ctx) => !/\b(?:educat\w*|prevent\w*|awareness|leaflet|teaching|taught|video|programme|program)\b/i.test(ctx.clause),
    },
  ],
};
