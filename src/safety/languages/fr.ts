/**
 * French: suicidal ideation and plans, self-harm, harm to others and abuse disclosed. Patterns match
 * folded text ("réveiller" is "reveiller", "sœur" is "sour"). "Ne … pas/plus/jamais" is a negation
 * cue, except in phrases whose "ne" is what they say ("je ne veux plus vivre"). Idioms ("mort de
 * rire", "ce cours me tue", "tuer le temps", "je meurs de faim") are not findings.
 */
import type { ForeignRuleContext, LanguagePack } from "./pack";

const CL = "(?:me|te|se)";
const SELF_KILL = `(?:mourir|etre\\s+morte?|${CL}\\s+(?:tuer|suicider|pendre|foutre\\s+en\\s+l'air|supprimer|flinguer|noyer)|${CL}\\s+jeter\\s+(?:sous|du|d'un|de\\s+la|par|dans\\s+le\\s+vide|devant|a\\s+l'eau)|en\\s+finir|mettre\\s+fin\\s+a\\s+(?:mes|ses|tes)\\s+jours|mettre\\s+fin\\s+a\\s+(?:ma|sa|ta)\\s+vie|disparaitre(?:\\s+pour\\s+toujours)?)`;
const WISH =
  "(?:veu[xt]|voulais|voulait|voudrais|voudrait|aimerais|aimerait|prefere\\w*|envie\\s+d(?:e\\s+|')|pense\\w*\\s+a|pensais\\s+a|songe\\w*\\s+a|prevu\\s+de|prevoit\\s+de|compte\\w*|decide\\w*\\s+de|essaye\\w*\\s+de|tente\\w*\\s+de|idees?\\s+de|desir\\s+de|intention\\s+de|projet\\s+de|vais|va)";
const IDIOM_AFTER = /^\s+d(?:e\s+|')(?:honte|rire|faim|soif|froid|chaud|peur|ennui|envie|fatigue|impatience|curiosite|jalousie|plaisir)/;
const notIdiom = (m: RegExpExecArray, ctx: ForeignRuleContext) =>
  !IDIOM_AFTER.test(ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 30));
const ACCIDENT =
  /\b(?:par\s+accident|accidentel\w*|sans\s+faire\s+expres|par\s+erreur|en\s+cuisinant|en\s+se\s+rasant|cheveux|ongles|barbe|en\s+bricolant)\b/;
const notAccident = (_m: RegExpExecArray, ctx: ForeignRuleContext) => !ctx.mentions(ACCIDENT);
const FAREWELL_OCCASION = /\b(?:retraite|depart\s+(?:a|en)|demenag\w*|collegues|travail|voyage|funerailles|enterrement|obseques)\b/;
const BODY = "(?:bras|poignets?|cuisses?|jambes?|avant-bras|peau|ventre|corps|visage|tete|mains?)";
const SELF_INJURY_AFTER = new RegExp(
  `^\\s+(?:(?:les|la|le|l'|ses|mes)\\s*)?${BODY}|jusqu'au\\s+sang|jusqu'a\\s+saigner|avec\\s+(?:une?\\s+|des\\s+)?(?:lame|rasoir|couteau|cigarettes?|briquet|verre|ciseaux|compas)|contre\\s+les\\s+murs?|^\\s+(?:hier|encore|a\\s+nouveau|cette\\s+semaine)`,
);
const PERP =
  "(?:mari|epoux|femme|compagnon|compagne|conjoint|copain|copine|pere|mere|papa|maman|parents|beau-pere|belle-mere|oncle|tante|grand-pere|grand-mere|frere|sour|soeur|fils|fille)";
const PERP_MENTION = new RegExp(`\\b${PERP}\\b`);

export const FRENCH: LanguagePack = {
  language: "fr",
  stopwords: (
    "je j il elle ils elles nous vous le la les un une des du de et est sont suis ai as a au aux pour dans avec sur ne pas plus que qui " +
    "mon ma mes ton ta tes son sa ses ce cette ces mais ou donc ni tres tout tous rien jamais toujours deja encore hier aujourd hui " +
    "patiente dit veux veut mourir vivre tuer me te se moi lui leur y en qu depuis etait avait fait envie peur chez quand comme " +
    "semaine jours ans vie mort pense aucune aucun sans soir nuit mari enfant mois dernier derniere maison victime envers leur cette etait avait faire bien aussi ici quelqu alors lorsque parce peut vais suis es sont ont sous vers entre passage acte toute toutes nie idee idees"
  ).split(" "),
  letters: /[èëâœîïûùÈÂ]/g,
  clauseBreak: /;|\b(?:mais|cependant|pourtant|toutefois|sauf|alors\s+que|bien\s+que|tandis\s+que|neanmoins)\b/g,
  negation:
    /\bn'|\b(?:ne(?:\s+(?:rapporte|signale|exprime|decrit|verbalise|presente|evoque))?|pas|jamais|aucune?|sans|nie|niait|nient|nier|ni|non|absence\s+d(?:e\b|')|exclue?s?)\b/g,
  postNegation: /^\s*(?:[:=-]\s*|\s)(?:est\s+|sont\s+)?(?:aucune?s?|absente?s?|niee?s?|negati\w+|exclue?s?|non(?=\s*(?:[.,;)]|$)))/,
  scopeEnd:
    /\b(?:mais|cependant|rapporte|signale|exprime|admet|reconnait|decrit|dit|evoque|verbalise|presente|et\s+(?:veut|a|est|dit|se|me|il|elle|je))\b/,
  kin:
    "(?:mere|pere|maman|papa|freres?|s(?:oe|o)urs?|fils|filles?|grand-?mere|grand-?pere|grands-?parents|oncles?|tantes?|cousine?s?|neveux?|nieces?|mari|epoux|epouse|" +
    "(?:sa|ma|ta)\\s+femme|compagne?|conjointe?|copain|copine|petit-?ami|petite-?amie|amie?s?|collegues?|voisine?s?|beau-?pere|belle-?mere|camarades?)",
  familyHistory: /\b(?:antecedents?\s+familiaux|histoire\s+familiale)\b/,
  firstPerson: /\b(?:je|me|moi)\b|\b[jm]'/,
  current:
    /\b(?:actuellement|maintenant|aujourd'hui|en\s+ce\s+moment|ce\s+soir|cette\s+nuit|ce\s+week-?end|demain|depuis\s+(?:\w+\s+)?(?:jours?|semaines?|mois|ans?|le|la|que)|tous\s+les\s+(?:jours|soirs)|chaque\s+(?:jour|soir)|actives?|persistante?s?|envahissante?s?)\b/g,
  recent:
    /\b(?:hier(?:\s+soir)?|avant-hier|cette\s+semaine|ce\s+mois-?ci|la\s+semaine\s+derniere|le\s+mois\s+dernier|le\s+week-?end\s+dernier|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+dernier|il\s+y\s+a\s+(?:\w+\s+)?(?:heures?|jours?|semaines?)|il\s+y\s+a\s+(?:un|deux|trois|1|2|3)\s+mois|recemment|recente?s?|dernierement|ces\s+derniers\s+jours)\b/g,
  historical:
    /\b(?:il\s+y\s+a\s+(?:des\s+annees|longtemps|(?:\w+\s+){1,2}ans|des\s+decennies)|antecedents?\s+(?:personnels\s+)?d(?:e\b|')|par\s+le\s+passe|dans\s+le\s+passe|autrefois|auparavant|jadis|(?:dans|pendant|durant)\s+(?:son|sa|mon|ma)\s+(?:enfance|adolescence|jeunesse)|(?:dans|a|pendant|durant)\s+l'(?:adolescence|enfance)|quand\s+(?:j'etais|il\s+etait|elle\s+etait)\s+(?:\w+\s+)?(?:petite?|enfant|adolescente?|jeune)|en\s+(?:19|20)\d\d|lors\s+de\s+son\s+premier\s+mariage|(?:son|sa|mon|ma)\s+(?:premier|premiere|ancien|ancienne)\s+(?:mariage|mari|compagnon|relation))\b|(?:^|,)\s*adolescente?\s*,|(?:^|[,.;])\s*a\s+\w+\s+ans\b/g,
  notAFinding: /\b(?:prevention|atelier|formation|roman|film|personnage|heros|heroine|livre|echelle\s+d)\b/,
  secondPerson: /\b(?:tu|te|vous|avez|as)\b|\bt'/,
  affirmative: /^(?:oui|parfois|souvent|un\s+peu|je\s+ne\s+sais\s+pas|peut-?etre|ca\s+m'arrive|tous\s+les\s+jours)/,
  rules: [
    {
      category: "suicidal_ideation",
      specs: [
        { pattern: `\\b${WISH}\\s*(?:[a-z']+\\s+){0,2}?${SELF_KILL}\\b`, verbal: true, accept: notIdiom },
        { pattern: `\\b${CL}\\s+(?:tuer|suicider|pendre|suicide)\\b|\\bs'est\\s+(?:suicidee?|pendue?|tuee?)\\b`, verbal: true },
        {
          pattern:
            "\\bsuicidaires?\\b|\\bideation\\s+suicidaire|\\btentatives?\\s+de\\s+suicide|\\bidees?\\s+(?:de\\s+)?(?:mort|suicide)\\b|\\bidees?\\s+noires|\\bpensees?\\s+(?:de\\s+mort|morbides)|\\bpens\\w*\\s+au\\s+suicide|\\bpendaison\\b",
        },
        {
          pattern:
            "\\bmettre\\s+fin\\s+a\\s+(?:mes|ses|tes)\\s+jours|\\bmettre\\s+fin\\s+a\\s+(?:ma|sa|ta)\\s+vie|\\ben\\s+finir\\b(?!\\s+avec\\s+(?!la\\s+vie))",
          verbal: true,
        },
        { pattern: "\\bmieux\\s+sans\\s+moi\\b|\\bmieux\\s+mort(?:e|s|es)?\\b", ownNegation: true, patientOnly: false },
        {
          pattern:
            "\\b(?:n'ai|n'a|ne\\s+vois|ne\\s+voit|n'y\\s+a)\\s+plus\\s+(?:aucune?\\s+|de\\s+)?(?:raison|sens|envie)\\s+de\\s+vivre|\\bplus\\s+(?:aucune\\s+)?raison\\s+de\\s+vivre|\\bla\\s+vie\\s+ne\\s+vaut\\s+(?:plus|pas)\\s+la\\s+peine",
          ownNegation: true,
        },
        {
          pattern: `\\bne\\s+(?:veu[xt]|voudrais|voudrait|souhaite)\\s+plus\\s+vivre|\\bne\\s+(?:plus|jamais)\\s+${CL}\\s+reveiller|\\bne\\s+plus\\s+vivre`,
          ownNegation: true,
          verbal: true,
        },
        { pattern: "\\bfatigue\\w*\\s+de\\s+vivre|\\bmarre\\s+de\\s+(?:vivre|la\\s+vie)|\\blas(?:se)?\\s+de\\s+vivre" },
        {
          pattern: "\\bpersonne\\s+ne\\s+(?:me\\s+)?(?:remarquerait|verrait|regretterait|manquerait|s'apercevrait)",
          ownNegation: true,
          patientOnly: false,
        },
        {
          pattern: "\\bsauter\\s+(?:du|d'un|de\\s+la|par\\s+la|d'une)\\s+(?:pont|toit|immeuble|fenetre|balcon|falaise|viaduc|haut|tour)",
          verbal: true,
        },
        { pattern: `\\bcorde\\s+pour\\s+${CL}\\s+pendre` },
        {
          pattern:
            "\\b(?:accumul|stock|econom|amass|cach)\\w*\\s+(?:[a-z']+\\s+){0,2}?(?:medicaments|comprimes|cachets|pilules|somniferes)\\b",
        },
        {
          pattern: "\\blettres?\\s+d'adieu|\\blettre\\s+de\\s+suicide|\\bmots?\\s+d'adieu",
          accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION),
        },
        {
          pattern: `\\b(?:cherch|recherch|regard|renseign|googl)\\w*\\s+(?:[a-z']+\\s+){0,3}?(?:comment\\s+(?:${CL}\\s+(?:suicider|tuer|pendre)|mourir)|dose\\s+(?:mortelle|letale)|methodes?\\s+de\\s+suicide)`,
        },
        {
          pattern:
            "\\b(?:donne|distribue)\\w*\\s+(?:toutes?\\s+)?(?:ses|mes)\\s+(?:affaires|biens|objets|possessions)|\\bfai[ts]\\s+(?:ses|mes)\\s+adieux|\\bdit\\s+adieu\\s+a\\s+tout\\s+le\\s+monde",
          accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION),
        },
        { pattern: "\\bcontre\\s+(?:lui|elle|moi)-?\\s?meme\\b" },
        { pattern: "\\bpour\\s+(?:mourir|en\\s+finir|me\\s+tuer|se\\s+tuer)\\b|\\bpassage\\s+a\\s+l'acte\\s+suicidaire" },
      ],
    },
    {
      category: "self_harm",
      specs: [
        { pattern: "\\b(?:auto-?mutil\\w*|scarifi\\w*|auto-?agress\\w*|auto-?inflig\\w*|auto-?lesion\\w*)", accept: notAccident },
        {
          pattern: `\\b(?:${CL}\\s+|m'|s'|t')(?:(?:suis|est|es|etait|etais)\\s+)?(?:coup|brul|tap|frapp|griff|mord|entaill|bless|taillad|cogn|mutil)\\w*`,
          verbal: true,
          accept: (m, ctx) =>
            notAccident(m, ctx) && SELF_INJURY_AFTER.test(ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 50)),
        },
        { pattern: `\\b${CL}\\s+(?:faire|fais|fait|faisait|faisais|suis\\s+fait|est\\s+fait)\\s+(?:du\\s+)?mal\\b`, verbal: true },
        {
          pattern: "\\b(?:surdose|overdose|intoxication\\s+medicamenteuse\\s+volontaire)\\b",
          accept: (m, ctx) => notAccident(m, ctx) && !/\bprevention\b/.test(ctx.clause),
        },
      ],
    },
    {
      category: "homicidal_ideation",
      specs: [
        {
          pattern:
            "\\bidees?\\s+(?:\\w+\\s+)?homicides?|\\bideation\\s+homicide|\\bhetero-?agressi\\w*|\\bidees?\\s+de\\s+meurtre|\\bpulsions?\\s+(?:homicides?|meurtrieres?)",
        },
        {
          pattern:
            "\\b(?:veu[xt]|voudrais|voudrait|envie\\s+d(?:e\\s+|')|pense\\w*\\s+a|menace\\w*\\s+d(?:e\\s+|')|prevoit\\s+d(?:e\\s+|')|prevu\\s+d(?:e\\s+|')|compte\\w*|vais|va|fantasme\\w*\\s+sur\\s+l'idee\\s+d(?:e\\s+|')|idees?\\s+d(?:e\\s+|')|intention\\s+d(?:e\\s+|')|projette\\s+d(?:e\\s+|'))\\s*" +
            "(?:le\\s+|la\\s+|les\\s+|l')?(?:tuer|poignarder|etrangler|abattre|attaquer|buter|descendre|tirer\\s+sur|faire\\s+du\\s+mal\\s+a|blesser|egorger|assassiner)\\b(?!\\s+(?:le\\s+temps|d'ennui))",
          verbal: true,
        },
      ],
    },
    {
      category: "abuse",
      specs: [
        {
          pattern:
            "\\bviolences?\\s+(?:conjugales?|domestiques?|familiales?|intrafamiliales?|sexuelles?|physiques?|psychologiques?)|\\bmaltrait\\w*|\\babus\\s+sexuels?|\\bagressions?\\s+sexuelles?|\\binceste\\b",
        },
        {
          pattern:
            "\\b(?:me|la|le|lui|nous)\\s+(?:frappe\\w*|bat|battait|battu\\w*|viol\\w+|etrangl\\w+|insult\\w+|menace\\w*|pousse\\w*|cogne\\w*|gifl\\w+|humili\\w+|enferm\\w+|touche\\w*\\s+la\\s+nuit|touche\\s+sexuellement)\\b|\\b[ml]'(?:a\\s+|avait\\s+)?(?:frappe\\w*|battu\\w*|viol\\w+|etrangl\\w+|insult\\w+|menace\\w*|pousse\\w*|gifl\\w+|enferm\\w+)",
        },
        {
          pattern:
            "\\bmenace\\w*\\s+de\\s+(?:me|la|nous)\\s+(?:tuer|frapper|battre)|\\bm'interdit\\s+de\\b|\\blui\\s+prend\\s+son\\s+argent",
        },
        {
          pattern: "\\b(?:lit|controle|surveille|fouille)\\w*\\s+(?:tous\\s+)?(?:mes|ses)\\s+(?:messages|telephone|portable|comptes|mails)",
        },
        {
          pattern: "\\bne\\s+me\\s+sens\\s+pas\\s+en\\s+securite|\\bpas\\s+en\\s+securite\\s+(?:chez|a\\s+la\\s+maison|avec)",
          ownNegation: true,
        },
        { pattern: "\\b(?:bleus|ecchymoses|hematomes)\\b", accept: (_m, ctx) => ctx.mentions(PERP_MENTION) },
        {
          pattern:
            "\\blaiss\\w+\\s+(?:[a-z']+\\s+){0,3}?seule?s?\\b(?:\\s+[a-z']+){0,3}?\\s+sans\\s+(?:nourriture|manger|repas)|\\bnegligence\\b|\\bdelaiss\\w+",
          ownNegation: true,
        },
      ],
    },
  ],
};
