/**
 * German: suicidal ideation and plans, self-harm, harm to others and abuse disclosed. Patterns match
 * folded text (ä ö ü to a o u, ß to s: "Großvater" is "grosvater"). German puts the negation after
 * the verb ("er will nicht sterben") and the infinitive after a comma ("nie daran gedacht, mich
 * umzubringen"), so a cue inside a match negates it and a negation runs on into an infinitive
 * clause. Idioms ("ich lache mich tot", "die Schmerzen bringen mich um", "die Zeit totschlagen",
 * "todmüde") are not findings.
 */
import type { ForeignRuleContext, LanguagePack } from "./pack";

const ACCIDENT = /\b(?:versehentlich|aus\s+versehen|beim\s+(?:kochen|rasieren|basteln|sport)|unfall|haare|nagel)\b/;
const notAccident = (_m: RegExpExecArray, ctx: ForeignRuleContext) => !ctx.mentions(ACCIDENT);
const FAREWELL_OCCASION = /\b(?:ruhestand|rente|umzug|kollegen|arbeitsplatz|reise|beerdigung|trauerfeier|auswander\w*)\b/;
/** What makes "sich schneiden" self-injury: a body part, blood, a blade, a purpose, a repetition. */
const SELF_INJURY_CONTEXT =
  /\b(?:absichtlich|blutig|bluten|blutet|klinge|rasierklinge|messer|scherben?|zigarett\w*|feuerzeug|arme?n?|unterarm\w*|handgelenk\w*|oberschenkel\w*|beine?n?|haut|bauch|wieder|selbst|drang)\b/;
const PERP =
  "(?:mann|ehemann|frau|partner\\w*|freund\\w*|vater|mutter|eltern|stiefvater|stiefmutter|onkel|tante|opa|oma|gros+vater|gros+mutter|bruder|schwester|sohn|tochter|ex)";
const PERP_MENTION = new RegExp(`\\b${PERP}\\b`);

export const GERMAN: LanguagePack = {
  language: "de",
  stopwords: (
    "ich du er sie es wir ihr der das den dem des ein eine einen einem einer und oder aber nicht kein keine keinen ist bin bist sind war " +
    "hat habe haben hatte mich mir sich mein meine meinen sein seine ihre ihren zu mit von auf fur im bei nach vor seit wenn dass weil auch " +
    "noch schon nur sehr will mochte mochten leben sterben umbringen gestern heute jetzt immer nie niemand patientin wieder daran gedacht " +
    "hause kind vater mutter mann frau wurde ware tot jahren tagen woche selbst an beiden wochen zwei drei durch gegen uber unter wie was wer warum diese dieser dieses hier dort mal gibt geht wird werden kann muss soll sagt sagte gesagt ihm ihn ihnen uns euch verneint berichtet aktuell keine suizidgedanken suizidversuch suizidal suizidalitat selbstverletzung"
  ).split(" "),
  letters: /[äöüßÄÖÜ]/g,
  clauseBreak: /;|\b(?:aber|jedoch|allerdings|obwohl|trotzdem|dennoch|wahrend|auser|ausser|sondern)\b/g,
  negation:
    /\b(?:nicht|nie|niemals|kein|keine|keinen|keiner|keines|keinem|ohne|verneint|verneinte|verneinen|negiert|weder|ausgeschlossen|nichts)\b/g,
  postNegation: /^\s*(?:[:=-]\s*|\s)(?:ist\s+|wird\s+|wurde\s+)?(?:keine?|negativ|verneint|nein|ausgeschlossen|nicht\s+vorhanden)\b/,
  scopeEnd: /\b(?:aber|jedoch|berichtet|gibt\s+an|ausert|sagt|erzahlt|beschreibt|und\s+(?:will|hat|ist|sagt|mochte|er|sie|ich))\b/,
  commaContinuation: /^\s*(?:mich|sich|dich|uns|jemanden|jemandem|etwas|um|zu|dass|andere\w*|ihn|sie|mir)\b/,
  kin:
    "(?:mutter|vater|mama|papa|eltern|bruder|schwester|sohn|tochter|gros+mutter|gros+vater|oma|opa|onkel|tante|cousin|cousine|neffe|nichte|" +
    "(?:mein|meine|sein|seine|ihr|ihre|dein|deine)\\s+(?:mann|frau)|ehemann|ehefrau|partner|partnerin|freund|freundin|freunde|kollege|kollegin|kollegen|nachbar|nachbarin|schwager|schwagerin|stiefvater|stiefmutter|mitschuler\\w*)",
  familyHistory: /\b(?:familienanamnese|familiare?\s+(?:belastung|vorgeschichte)|in\s+der\s+familie)\b/,
  firstPerson: /\b(?:ich|mich|mir)\b/,
  current:
    /\b(?:aktuell|derzeit|zurzeit|momentan|jetzt|heute|gerade|morgen|seit\s+(?:[a-z]+\s+)?(?:tagen|wochen|monaten|jahren|dem|der|einer|einem)|jeden\s+tag|taglich|standig|akut|konkrete?[nrs]?)\b/g,
  recent:
    /\b(?:gestern(?:\s+abend)?|vorgestern|letzte\s+nacht|letzten\s+(?:monat|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|letzte\s+woche|letztes\s+wochenende|diese\s+woche|in\s+den\s+letzten\s+(?:tagen|wochen)|vor\s+(?:[a-z0-9]+\s+)?(?:stunden|tagen|wochen|tag|woche)|vor\s+(?:einem|zwei|drei|1|2|3)\s+monat(?:en)?|kurzlich|neulich|vor\s+kurzem|in\s+letzter\s+zeit)\b/g,
  historical:
    /\b(?:vor\s+(?:vielen\s+|[a-z0-9]+\s+)?jahren|vor\s+langer\s+zeit|fruher|damals|zustand\s+nach|anamnestisch|in\s+der\s+vorgeschichte|in\s+(?:ihrer|seiner|meiner|der)\s+(?:kindheit|jugend)|als\s+(?:kind|jugendliche\w*|teenager|schuler\w*|junge|madchen)|mit\s+(?:\d+|[a-z]+zehn|zwanzig)(?:\s+jahren)?|im\s+alter\s+von|im\s+jahre?\s+(?:19|20)\d\d|in\s+der\s+(?:ersten|fruheren)\s+ehe|in\s+(?:ihrer|seiner|meiner)\s+ersten\s+ehe)\b/g,
  notAFinding: /\b(?:pravention|suizidpravention|workshop|fortbildung|roman|romans|film|heldin|held|figur|buch|serie)\b/,
  secondPerson: /\b(?:du|dich|dir|haben\s+sie|denken\s+sie|fuhlen\s+sie)\b/,
  affirmative: /^(?:ja|manchmal|oft|ein\s+bisschen|weis\s+nicht|ich\s+weis\s+nicht|vielleicht|jeden\s+tag|schon)/,
  rules: [
    {
      category: "suicidal_ideation",
      specs: [
        {
          pattern:
            "\\b(?:mich|sich|dich|uns)\\s+(?:[a-z]+\\s+){0,4}?(?:umbringen|umzubringen|umgebracht|toten|zu\\s+toten|getotet|erhangen|zu\\s+erhangen|erhangt|erschiesen|zu\\s+erschiesen|erschossen|vergiften|zu\\s+vergiften|werfen|zu\\s+werfen)\\b" +
            "|\\b(?:mir|sich|dir)\\s+(?:[a-z]+\\s+){0,3}?das\\s+leben\\s+(?:nehmen|zu\\s+nehmen|genommen|nimmt)\\b",
          verbal: true,
          // "Er droht, mich umzubringen" is a threat to the speaker (abuse), not her wish.
          accept: (m, ctx) => !/\bdroh\w*\s*,?\s*$/.test(ctx.clause.slice(Math.max(0, m.index - 30), m.index)),
        },
        {
          pattern:
            "\\b(?:will|wollte|mochte|wunsch\\w*|wurde\\s+(?:am\\s+liebsten|lieber|gern)|lieber|ware)\\s+(?:[a-z]+\\s+){0,3}?(?:sterben|tot\\s+sein|tot)\\b|\\bsterben\\s+(?:will|wollte|mochte)\\b",
          verbal: true,
        },
        {
          pattern:
            "\\bnicht\\s+mehr\\s+(?:leben|aufwachen|aufzuwachen|da\\s+sein|existieren|weiterleben)\\b|\\bnie\\s+(?:wieder|mehr)\\s+aufwachen\\b",
          ownNegation: true,
          verbal: true,
        },
        {
          pattern: "\\b(?:suizid\\w*|selbstmord\\w*|lebensmud\\w*|todeswunsch\\w*|todesgedanken|todeswunsche)",
          accept: (m) => !/^suizid(?:praven|prophyla|forsch)/.test(m[0]) && !/^selbstmordpraven/.test(m[0]),
        },
        {
          pattern:
            "\\bkeinen\\s+sinn\\s+mehr\\s+(?:im|in\\s+meinem|in\\s+seinem|in\\s+ihrem)\\s+leben|\\bleben\\s+(?:hat|macht)\\s+keinen\\s+sinn|\\bkeinen\\s+sinn\\s+mehr\\s+zu\\s+leben|\\bkein(?:en)?\\s+grund\\s+(?:mehr\\s+)?zu\\s+leben",
          ownNegation: true,
        },
        { pattern: "\\bohne\\s+mich\\s+besser\\b|\\bbesser\\s+dran\\s+ohne\\s+mich\\b", ownNegation: true, patientOnly: false },
        { pattern: "\\b(?:leid|mude)\\s+zu\\s+leben\\b|\\bdas\\s+leben\\s+satt\\b" },
        { pattern: "\\bniemand\\s+wurde\\s+mich\\s+vermissen\\b", ownNegation: true, patientOnly: false },
        { pattern: "\\b(?:abschiedsbrief\\w*|abschiedsnachricht\\w*|suizidnotiz)", accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION) },
        {
          pattern:
            "\\b(?:sammelt|sammle|gesammelt|hortet|horte|gehortet|bunkert)\\s+(?:[a-z]+\\s+){0,2}?(?:tabletten|medikamente|pillen|schlaftabletten)\\b",
        },
        {
          pattern:
            "\\bwie\\s+man\\s+sich\\s+(?:totet|umbringt|erhangt|das\\s+leben\\s+nimmt)\\b|\\btodliche\\s+dosis\\b|\\bsuizidmethoden\\b",
        },
        {
          pattern:
            "\\b(?:seine|ihre|meine)\\s+sachen\\s+verschenkt|\\bverschenkt\\w*\\s+(?:seine|ihre|meine)\\s+sachen|\\bsich\\s+von\\s+allen\\s+verabschiedet",
          accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION),
        },
        {
          pattern:
            "\\b(?:von|vom)\\s+(?:der\\s+|einer\\s+|dem\\s+|einem\\s+)?(?:brucke|dach|hochhaus|balkon|fenster|turm|klippe)\\s+(?:zu\\s+)?(?:springen|springe|springt|gesprungen|sturzen)",
          verbal: true,
        },
        { pattern: "\\b(?:vor|unter)\\s+(?:einen|den)\\s+zug\\s+(?:zu\\s+)?(?:werfen|springen|legen)\\b" },
        { pattern: "\\bgegen\\s+sich\\s+selbst\\s+richten|\\bgegen\\s+mich\\s+selbst\\b|\\bum\\s+zu\\s+sterben\\b" },
      ],
    },
    {
      category: "self_harm",
      specs: [
        {
          pattern:
            "\\b(?:selbstverletz\\w*|selbst\\s+verletz\\w*|selbst\\s+zugefugt\\w*|selbstschadig\\w*|autoaggress\\w*|ritz(?:e|t|en|te|ten)?|geritzt)\\b",
          accept: notAccident,
        },
        {
          pattern:
            "\\b(?:mich|sich|mir)\\b(?:\\s+[a-z]+){0,5}?\\s+(?:geschnitten|aufgeschnitten|schneide|schneidet|verbrannt|verbrenne|verbrennt|verletzt|verletze|gekratzt|kratze|kratzt|gebissen|beise|beist|wehzutun|weh\\s+zu\\s+tun|wehtun)\\b" +
            "|\\b(?:schneide|schneidet|verbrenne|verbrennt|verletze|verletzt|kratze|kratzt|beise|beist)\\s+(?:mich|sich)\\b",
          verbal: true,
          accept: (m, ctx) => notAccident(m, ctx) && (ctx.mentions(SELF_INJURY_CONTEXT) || /wehzutun|weh\s+zu\s+tun|wehtun/.test(m[0])),
        },
        { pattern: "\\bmit\\s+dem\\s+kopf\\s+gegen\\s+die\\s+wand\\b|\\bkopf\\s+gegen\\s+die\\s+wand\\s+(?:schlagt|schlagen|schlug)" },
        { pattern: "\\buberdosis\\b", accept: (m, ctx) => notAccident(m, ctx) && !/\bpravention\b/.test(ctx.clause) },
      ],
    },
    {
      category: "homicidal_ideation",
      specs: [
        {
          pattern:
            "\\b(?:totungsgedanken|totungsabsicht\\w*|totungsfantasi\\w*|totungsphantasi\\w*|fremdaggress\\w*|fremdgefahrdung|homizid\\w*|mordgedanken|mordfantasi\\w*)",
        },
        {
          pattern:
            "\\b(?:will|wollte|mochte|lust|drang|absicht|plant|plane|denkt\\s+daran|denke\\s+daran|droht|drohte|gedroht|phantasiert\\s+davon|fantasiert\\s+davon)\\b(?:\\s*,)?(?:\\s+(?!(?:mich|sich|mir|dich)\\b)[a-z-]+){1,5}?\\s+" +
            "(?:umbringen|umzubringen|toten|zu\\s+toten|erstechen|zu\\s+erstechen|erschiesen|zu\\s+erschiesen|abstechen|anzugreifen|angreifen|etwas\\s+anzutun|etwas\\s+antun|zu\\s+schiesen|schiesen|verletzen|zu\\s+verletzen)\\b",
          verbal: true,
        },
        { pattern: "\\bbring\\w*\\s+(?:den|die|das|ihn|meinen|meine|seinen|seine|ihren|jemanden)\\s+(?:[a-z-]+\\s+)?um\\b", verbal: true },
      ],
    },
    {
      category: "abuse",
      specs: [
        {
          pattern:
            "\\bhausliche\\w*\\s+gewalt|\\bgewalt\\s+(?:in\\s+der\\s+(?:familie|ehe|beziehung|partnerschaft)|durch\\s+(?:den|die|ihren|seinen|meinen)|zu\\s+hause)|\\bpartnerschaftsgewalt|\\bmisshandl\\w*|\\bmisshandelt|\\bvergewaltig\\w*",
        },
        {
          pattern: "\\bmissbrauch\\w*|\\bmissbraucht\\b",
          accept: (m, ctx) =>
            !/^\s+von\s+(?:alkohol|drogen|medikamenten|substanzen|schmerzmitteln)/.test(
              ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 30),
            ),
        },
        {
          pattern:
            "\\b(?:schlagt|schlug|verprugelt|prugelt|prugelte|tritt|trat|wurgt|wurgte|bedroht|bedrohte|schubst|schubste|vergewaltigt|beschimpft|erniedrigt|sperrt)\\s+(?:mich|sie|ihn|uns)\\b" +
            "|\\b(?:mich|sie|ihn|es|uns)\\s+(?:[a-z]+\\s+){0,3}?(?:geschlagen|verprugelt|gewurgt|vergewaltigt|bedroht|misshandelt|eingesperrt|schlagt|schlug|wurgt|bedroht)\\b",
        },
        {
          pattern:
            "\\bdroh\\w*\\s*,?\\s+(?:mich|sie|uns|ihr|mir)\\s+(?:[a-z]+\\s+){0,3}?(?:umzubringen|zu\\s+toten|zu\\s+schlagen|etwas\\s+anzutun|wehzutun)",
        },
        {
          pattern:
            "\\b(?:kontrolliert|uberwacht|liest)\\s+(?:mein|ihr|sein)\\w*\\s+(?:handy|telefon|nachrichten|konto|geld)|\\bverbietet\\s+(?:mir|ihr)\\b|\\bnimmt\\s+ihr\\s+(?:das|ihr)\\s+geld",
        },
        {
          pattern: "\\b(?:fuhle|fuhlt)\\s+(?:mich|sich)\\s+(?:zu\\s+hause\\s+|daheim\\s+|bei\\s+ihm\\s+)?nicht\\s+(?:mehr\\s+)?sicher",
          ownNegation: true,
        },
        { pattern: "\\bblaue\\s+flecken\\b|\\bhamatom\\w*", accept: (_m, ctx) => ctx.mentions(PERP_MENTION) },
        {
          pattern: "\\bohne\\s+(?:essen|nahrung)\\s+allein|\\ballein\\s+ohne\\s+(?:essen|nahrung)|\\bvernachlassig\\w*|\\bverwahrlos\\w*",
          ownNegation: true,
        },
      ],
    },
  ],
};
