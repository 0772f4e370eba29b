/**
 * Portuguese (Brazil and Portugal): suicidal ideation and plans, self-harm, harm to others and
 * abuse disclosed. Patterns match folded text ("não" is "nao"); clitics come before the verb or
 * after a hyphen ("me matar", "matar-me", "bate-me"). Idioms ("morri de rir", "me mata de tédio",
 * "está me matando", "morrendo de saudades") are not findings.
 */
import type { ForeignRuleContext, LanguagePack } from "./pack";

const CL = "(?:me|te|se)";
const SELF_KILL = `(?:morrer|estar\\s+mort[oa]|${CL}\\s+matar|matar-(?:me|se)|${CL}\\s+suicidar|suicidar-(?:me|se)|tirar\\s+a\\s+(?:minha\\s+|sua\\s+)?(?:propria\\s+)?vida|acabar\\s+com\\s+(?:tudo|a\\s+(?:minha|sua)\\s+vida)|${CL}\\s+enforcar|enforcar-(?:me|se)|${CL}\\s+(?:atirar|jogar)|desaparecer\\s+para\\s+sempre|dormir\\s+e\\s+(?:nao|nunca\\s+mais)\\s+acordar|nao\\s+acordar(?:\\s+mais)?)`;
const WISH =
  "(?:quer[oe]|queria|quis|quisesse|gostava\\s+de|gostaria\\s+de|vontade\\s+de|penso\\s+em|pensa\\s+em|pensei\\s+em|pensando\\s+em|pensamentos?\\s+de|ideias?\\s+de|desejo\\s+de|plano\\s+(?:para|de)|planeja|planeia|pretende|tentou|tentativa\\s+de|vou|vai|ia|decidiu|preferia|prefiro)";
const IDIOM_AFTER =
  /^\s+de\s+(?:rir|riso|vergonha|fome|sede|saudades?|vontade|tedio|medo|frio|calor|sono|cansaco|inveja|curiosidade|amor|ciumes|dor)\b/;
const notIdiom = (m: RegExpExecArray, ctx: ForeignRuleContext) =>
  !IDIOM_AFTER.test(ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 30));
const ACCIDENT = /\b(?:sem\s+querer|por\s+acidente|acidental\w*|por\s+engano|cozinhando|ao\s+cozinhar|jogando|cabelo|unhas|barba)\b/;
const notAccident = (_m: RegExpExecArray, ctx: ForeignRuleContext) => !ctx.mentions(ACCIDENT);
const FAREWELL_OCCASION = /\b(?:aposentadoria|reforma|mudanca|viagem|emigr\w+|colegas\s+de\s+trabalho|funeral|enterro|velorio)\b/;
const BODY = "(?:bracos?|pulsos?|pernas?|coxas?|antebracos?|pele|cabeca|barriga|corpo|rosto|maos?)";
const SELF_INJURY_AFTER = new RegExp(
  `^\\s+(?:(?:n[oa]s?|em|os|as|o|a|seus|suas|meus|minhas)\\s+)?(?:propri[oa]s\\s+)?${BODY}|ate\\s+sangrar|de\\s+proposito|com\\s+(?:uma?\\s+)?(?:lamina|gilete|faca|cigarros?|isqueiro|vidro|tesoura)|na\\s+parede|^\\s+(?:esta\\s+semana|de\\s+novo|outra\\s+vez)`,
);
const PERP =
  "(?:marido|esposo|esposa|mulher|companheir[oa]|parceir[oa]|namorad[oa]|ex|pai|mae|pais|padrasto|madrasta|tio|tia|avo|irmao|irma|filho|filha)";
const PERP_MENTION = new RegExp(`\\b${PERP}\\b`);

export const PORTUGUESE: LanguagePack = {
  language: "pt",
  stopwords: (
    "o os a as do da dos das no na nos nas um uma e em com por para que de eu voce ele ela eles elas meu minha meus minhas seu sua nao sim " +
    "muito mais ja estou esta estava tenho tem tinha quero quer queria mas isso isto tudo nada nunca sempre agora hoje ontem paciente " +
    "refere nega se me te ao aos pelo pela morrer viver matar vontade vezes anos dias semana casa vida aguento fico ficava foi ser ate noite diz disse essa esse aquele aquela coisa tambem porque quando onde dele dela estou fiz fez vou vai mim comigo bem mae pai irmao filho filha amigo amiga trabalho escola voltei ficou preferia como marido esposa tentou ha ideacao suicidio"
  ).split(" "),
  letters: /[ãõÃÕ]/g,
  clauseBreak: /;|\b(?:mas|porem|contudo|todavia|embora|exceto|no\s+entanto|entretanto)\b/g,
  negation:
    /\b(?:nao(?:\s+(?:relata|refere|apresenta|expressa|verbaliza|admite|descreve))?|nunca|jamais|nem|sem|nega|negou|negam|negando|nenhum|nenhuma|ausencia\s+de|nada\s+de)\b/g,
  postNegation:
    /^\s*(?:[:=-]\s*|\s)(?:e\s+|foi\s+)?(?:ausentes?|negativ[oa]s?|negad[oa]s?|nega|nenhuma?|descartad[oa]s?|nao(?=\s*(?:[.,;)]|$)))/,
  scopeEnd: /\b(?:mas|porem|relata|refere|admite|reconhece|expressa|verbaliza|diz|afirma|apresenta|e\s+(?:quer|tem|esta|diz|se|me))\b/,
  kin:
    "(?:mae|pai|pais|irmaos?|irmas?|filh[oa]s?|avo|avos|ti[oa]s?|prim[oa]s?|sobrinh[oa]s?|marido|esposo|esposa|(?:minha|sua|tua)\\s+mulher|companheir[oa]|" +
    "namorad[oa]|ex-?marido|ex-?mulher|amig[oa]s?|colegas?|vizinh[oa]s?|cunhad[oa]s?|sogr[oa]s?|padrasto|madrasta)",
  familyHistory: /\b(?:historia|historico|antecedentes?)\s+familia(?:r|res)\b/,
  firstPerson: /\b(?:eu|me|mim|quero|tenho|estou|penso|sinto|vou)\b/,
  current:
    /\b(?:atualmente|agora|hoje|neste\s+momento|esta\s+noite|(?:no|este)\s+fim\s+de\s+semana|amanha|todos\s+os\s+dias|diariamente|ativ[ao]s?|persistentes?|desde\s+(?:a|o|que))\b/g,
  recent:
    /\b(?:ontem(?:\s+a\s+noite)?|anteontem|esta\s+semana|este\s+mes|(?:na\s+)?semana\s+passada|(?:no\s+)?mes\s+passado|ha\s+(?:[a-z0-9]+\s+)?(?:horas?|dias?|semanas?)|ha\s+(?:um|1|dois|2|tres|3)\s+mes(?:es)?|recentemente|ultimamente|nos\s+ultimos\s+dias|(?:na|nas)\s+ultimas?\s+semanas?)\b/g,
  historical:
    /\b(?:ha\s+(?:anos|muito\s+tempo|muitos\s+anos|(?:[a-z0-9]+\s+){1,2}anos|decadas)|antecedentes?\s+(?:pessoais\s+)?de|historia\s+de|no\s+passado|anteriormente|previamente|em\s+crianca|quando\s+(?:eu\s+|ele\s+|ela\s+)?era\s+(?:[a-z]+\s+)?(?:crianca|pequen[oa]|adolescente|jovem|nov[oa])|(?:na|durante\s+a)\s+(?:infancia|adolescencia|juventude)|aos\s+[a-z0-9]+\s+anos|em\s+(?:19|20)\d\d|no\s+primeiro\s+casamento|(?:seu|meu)\s+primeiro\s+casamento)\b/g,
  notAFinding: /\b(?:prevencao|oficina|formacao|curso|romance|filme|personagem|heroi|heroina|livro|novela|escala\s+de)\b/,
  secondPerson: /\b(?:voce|tu|te|tens|pensas|o\s+senhor|a\s+senhora|ja\s+pensou)\b/,
  affirmative: /^(?:sim|as\s+vezes|nao\s+sei|talvez|muitas\s+vezes|um\s+pouco|todos\s+os\s+dias|claro)/,
  rules: [
    {
      category: "suicidal_ideation",
      specs: [
        { pattern: `\\b${WISH}\\s+(?:[a-z-]+\\s+){0,2}?${SELF_KILL}\\b`, verbal: true, accept: notIdiom },
        {
          pattern:
            "\\b(?:ideacao|ideias?|pensamentos?|comportamentos?|tentativas?|plano|planos|intencao|intencoes)\\s+(?:\\w+\\s+)?suicidas?\\b|\\bsuicid(?:ar|ar-se|ar-me|ou|a|io|ios)\\b",
        },
        {
          pattern:
            "\\bnao\\s+(?:quero|quer)\\s+(?:mais\\s+)?(?:continuar\\s+a\\s+|continuar\\s+)?viver|\\bnao\\s+vejo\\s+(?:mais\\s+)?sentido\\s+(?:em|na)\\s+(?:viver|vida)|\\ba\\s+vida\\s+nao\\s+(?:vale\\s+a\\s+pena|tem\\s+(?:mais\\s+)?sentido)|\\bsem\\s+(?:razao|motivo)\\s+para\\s+viver",
          ownNegation: true,
          verbal: true,
        },
        { pattern: "\\bdormir\\s+e\\s+(?:nao|nunca\\s+mais)\\s+acordar|\\b(?:nao|nunca\\s+mais)\\s+acordar\\b", ownNegation: true },
        { pattern: "\\bmelhor\\s+sem\\s+mim\\b|\\bmelhor\\s+mort[oa]s?\\b", ownNegation: true, patientOnly: false },
        { pattern: "\\bcansad[oa]s?\\s+de\\s+viver|\\bfart[oa]s?\\s+de\\s+viver" },
        {
          pattern: "\\bninguem\\s+(?:ia|iria|vai)\\s+(?:sentir\\s+a\\s+minha\\s+falta|notar|reparar)",
          ownNegation: true,
          patientOnly: false,
        },
        { pattern: "\\bdesejos?\\s+de\\s+(?:morrer|morte)|\\bpensamentos?\\s+de\\s+morte" },
        { pattern: `\\b(?:corda|forca)\\s+para\\s+${CL}\\s+enforcar|\\b${CL}\\s+enforcar|\\benforcar-(?:se|me)` },
        {
          pattern:
            "\\b(?:juntando|guardando|acumulando|juntar|guardar|acumular|junta|guarda|acumula)\\s+(?:[a-z]+\\s+){0,2}?(?:comprimidos|remedios|medicamentos|pilulas|medicacao)\\b",
        },
        {
          pattern: "\\bcartas?\\s+de\\s+despedida|\\bbilhete\\s+de\\s+despedida|\\bcarta\\s+de\\s+suicidio",
          accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION),
        },
        {
          pattern: `\\b(?:pesquis|procur|busc)\\w*\\s+(?:[a-z]+\\s+){0,3}?(?:como\\s+(?:${CL}\\s+matar|${CL}\\s+suicidar|morrer|${CL}\\s+enforcar)|dose\\s+letal|metodos?\\s+de\\s+suicidio)`,
        },
        {
          pattern:
            "\\b(?:deu|doou|distribuiu|dei|doei)\\s+(?:todos\\s+)?(?:os\\s+)?(?:seus|meus)\\s+(?:pertences|bens|objetos|coisas)|\\bdespediu-se\\s+de\\s+todos|\\b(?:se|me)\\s+despedi[u]?\\s+de\\s+todos",
          accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION),
        },
        {
          pattern:
            "\\b(?:pular|saltar|atirar-se|jogar-se|(?:me|se)\\s+(?:atirar|jogar|jogou|atirou))\\s+(?:d[aoe]|de\\s+uma?|na\\s+frente\\s+d[oa]|para\\s+debaixo\\s+d[oa]|sob\\s+o|no|na|pela)\\s+(?:ponte|predio|edificio|janela|varanda|viaduto|penhasco|comboio|trem|metro|carro|onibus|autocarro|linha)",
          verbal: true,
        },
        { pattern: "\\bcontra\\s+(?:si|mim)\\s+mesm[oa]\\b|\\bpara\\s+(?:morrer|se\\s+matar|me\\s+matar)\\b" },
      ],
    },
    {
      category: "self_harm",
      specs: [
        { pattern: "\\b(?:automutil\\w*|auto-?lesi\\w*|autolesiv\\w*|autoinflig\\w*|auto-?agress\\w*)", accept: notAccident },
        {
          pattern: `\\b(?:${CL}\\s+(?:cort|queim|arranh|mord|machuc|fer)\\w*|(?:cortar|queimar|machucar|ferir|arranhar)-?(?:me|se)|(?:cortei|cortou|cortava|queimou|queimei|cortaram)(?:-(?:me|se))?)\\b`,
          verbal: true,
          accept: (m, ctx) =>
            notAccident(m, ctx) && SELF_INJURY_AFTER.test(ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 50)),
        },
        {
          pattern: `\\b(?:vontade\\s+de|quer\\w*|pens\\w*\\s+em|volt\\w*\\s+a|pretende|desejo\\s+de)\\s+${CL}\\s+(?:machucar|cortar|ferir|queimar|magoar)\\b`,
          verbal: true,
        },
        {
          pattern: `\\b(?:fez|faz|fiz|fazendo)\\s+cortes\\s+(?:n[oa]s?|em)\\s+${BODY}|\\b(?:morde|arranha|queima|corta|bate)\\w*\\s+(?:os|as|o|a)\\s+propri[oa]s?\\s+${BODY}`,
        },
        { pattern: "\\bbate\\w*\\s+com\\s+a\\s+cabeca\\s+(?:na|contra\\s+a)\\s+parede" },
        { pattern: "\\b(?:overdose|sobredosagem)\\b", accept: (m, ctx) => notAccident(m, ctx) && !/\bprevencao\b/.test(ctx.clause) },
      ],
    },
    {
      category: "homicidal_ideation",
      specs: [
        { pattern: "\\bideacao\\s+homicida|\\bhomicid\\w*|\\bheteroagress\\w*" },
        {
          pattern:
            "\\b(?:quer\\w*|vontade\\s+de|pens\\w*\\s+(?:em|de)|planej\\w*|planei\\w*|ameac\\w*|vou|vai|ia|intencao\\s+de|fantasi\\w*|desejo\\s+de)\\s+(?:(?:o|a)\\s+)?" +
            "(?:matar|esfaquear|atacar|machucar|ferir|atirar\\s+(?:em|n[oa]s?)|fazer\\s+mal\\s+a[os]?|bater\\s+n[oa]|estrangular|agredir|espancar)\\b" +
            "(?=\\s+(?:o|a|os|as|aquele|aquela|alguem|ninguem|meu|minha|seu|sua|ao|aos|n[oa]s?|um|uma|ele|ela|todos|colegas|vizinho)\\b)",
          verbal: true,
        },
      ],
    },
    {
      category: "abuse",
      specs: [
        {
          pattern:
            "\\bviolencia\\s+(?:domestica|conjugal|familiar|de\\s+genero|sexual|fisica|psicologica|em\\s+casa)|\\bmaus-?\\s?tratos|\\bmaltrat\\w+|\\babus\\w*\\s+sexual\\w*|\\babusad[oa]\\s+sexualmente|\\babusa\\s+(?:sexualmente\\s+)?d[ae]l[ae]|\\bestupr\\w+|\\bviolentad[oa]",
        },
        {
          pattern:
            "\\b(?:me|a|o|nos|lhe)\\s+(?:bate|batia|bateu|espanca\\w*|agride|agrediu|ameaca|ameacou|ameacava|estrangul\\w+|empurr\\w+|estupr\\w+|humilha\\w*|xinga\\w*|tranca\\w*)\\b|\\b(?:bate|bateu|batia)-(?:me|lhe)\\b|\\bbate\\w*\\s+n(?:ela|ele|a\\s+crianca)\\b",
        },
        {
          pattern:
            "\\bameac\\w*\\s+(?:de\\s+)?(?:me\\s+matar|matar-me)|\\bcontrola\\s+(?:o\\s+)?(?:meu|seu)\\s+(?:celular|telemovel|telefone|dinheiro|mensagens)|\\bme\\s+proibe\\s+de|\\bproibe-me\\s+de",
        },
        { pattern: "\\bfica\\s+com\\s+a\\s+(?:pensao|reforma|aposentadoria)\\s+del[ae]" },
        { pattern: "\\bnao\\s+me\\s+sinto\\s+segur[oa]\\s+(?:em\\s+casa|com)", ownNegation: true },
        { pattern: "\\b(?:hematomas|nodoas\\s+negras|manchas\\s+roxas)\\b", accept: (_m, ctx) => ctx.mentions(PERP_MENTION) },
        {
          pattern:
            "\\b(?:deix\\w+|abandon\\w+)\\s+(?:[a-z]+\\s+){0,3}?sozinh[oa]s?\\b(?:\\s+[a-z]+){0,3}?\\s+sem\\s+(?:comida|comer|alimento)|\\bnegligencia\\b",
          ownNegation: true,
        },
      ],
    },
  ],
};
