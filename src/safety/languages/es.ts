/**
 * Spanish: suicidal ideation and plans, self-harm, harm to others and abuse disclosed, with the
 * cues the engine reads around them. Patterns match folded text (no accents, lower case): "tomárselas"
 * is read as "tomarselas". Idioms of dying and killing ("me muero de risa", "me mata de
 * aburrimiento", "matar el tiempo") are not findings.
 */
import type { ForeignRuleContext, LanguagePack } from "./pack";

/** Reflexive and object clitics: "me", "te", "se". */
const CL = "(?:me|te|se)";
/** Ways of killing oneself, as infinitives with their clitic: "matarme", "quitarse la vida". */
const SELF_KILL = `(?:morir${CL}?|estar\\s+muert[oa]|matar${CL}|suicidar${CL}|quitar${CL}\\s+la\\s+vida|ahorcar${CL}|colgar${CL}|tirar${CL}|lanzar${CL}|arrojar${CL}|acabar\\s+con\\s+(?:todo|mi\\s+vida|su\\s+vida|tu\\s+vida)|dejar\\s+de\\s+vivir|desaparecer\\s+para\\s+siempre|no\\s+despertar${CL}?)`;
/** "Morirse de risa / de vergüenza / de hambre": the idiom, not a wish. */
const IDIOM_AFTER =
  /^\s+(?:de|del)\s+(?:la\s+|el\s+)?(?:risa|verguenza|hambre|sed|frio|calor|ganas|pena|miedo|aburrimiento|cansancio|sueno|envidia|amor|celos|curiosidad|nervios|asco|tristeza|dolor|gusto|alegria|placer)\b/;
const notIdiom = (m: RegExpExecArray, ctx: ForeignRuleContext) =>
  !IDIOM_AFTER.test(ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 30));
/** An accident is not self-harm: "se cortó el dedo cocinando sin querer". */
const ACCIDENT =
  /\b(?:sin\s+querer|por\s+accidente|accidental\w*|por\s+error|cocinando|jugando|entrenando|afeitando|el\s+pelo|el\s+cabello|las\s+unas)\b/;
const notAccident = (_m: RegExpExecArray, ctx: ForeignRuleContext) => !ctx.mentions(ACCIDENT);
/** Leaving a job or a place, or a death: the occasion for an ordinary farewell. */
const FAREWELL_OCCASION = /\b(?:jubila\w*|trabajo|companeros|mudanza|mud\w+|viaje|emigr\w+|funeral|entierro|velorio)\b/;
const HEIGHT = "(?:puente|edificio|ventana|balcon|azotea|tejado|terraza|acantilado|tren|vias|metro|coche|camion|autobus|piso|planta)";
const BODY = "(?:brazos?|munecas?|piernas?|muslos?|antebrazos?|piel|cabeza|barriga|abdomen|vientre|cuerpo|cara|manos?)";
/** Whom someone may abuse or be abused by. */
const PERP =
  "(?:marido|esposo|esposa|mujer|pareja|expareja|ex|novio|novia|exnovi[oa]|padre|madre|papa|mama|padrastro|madrastra|padres|tio|tia|abuelo|abuela|hermano|hermana|hijo|hija|primo|prima|cuidador\\w*|suegr[oa])";

/** What makes "se corta" self-injury: a body part, blood, a blade, a purpose. */
const SELF_INJURY_AFTER = new RegExp(
  `^\\s+(?:(?:los|las|el|la|sus|mis)\\s+)?${BODY}|hasta\\s+(?:sangrar|hacer)|a\\s+proposito|con\\s+(?:una?\\s+)?(?:cuchill\\w+|navaja|cigarr\\w+|mechero|vidrio|cristal|tijeras)|contra\\s+la\\s+pared|^\\s+(?:esta|la|otra)\\s+(?:semana|vez)|^\\s+(?:de\\s+nuevo|otra\\s+vez)`,
);
const PERP_MENTION = new RegExp(`\\b${PERP}\\b|\\bse\\s+los\\s+hizo\\b`);

export const SPANISH: LanguagePack = {
  language: "es",
  stopwords: (
    "el la los las del al y en con por para que de un una unos unas es esta estan estoy estaba tengo tiene tenia quiero quiere queria pero " +
    "muy mas ya yo mi mis su sus se lo le les hace desde cuando como dice porque tambien sin sobre hoy ayer nunca nadie paciente refiere " +
    "niega ha he han hay eso esto todo todos nada algo vez veces siempre ahora despues antes mismo otra otro ni donde ella ellos " +
    "me te no a morir morirme vivir viviendo matar matarme siento alguien semana dia dias anos casa vida muerte ganas pienso dijo " +
    "volvi hizo hecho soy eres son fue era estar ser sido pueda puedo podria seguir nadie nino nina madre padre hermano hermana marido aqui eso ese esa porque hijo hija usted dijo fue hay puede hacer cosas todos estaba tambien entonces ideacion suicidio intento"
  ).split(" "),
  letters: /[ñÑ¿¡]/g,
  clauseBreak: /;|\b(?:pero|aunque|sin\s+embargo|excepto|salvo|mientras\s+que|no\s+obstante|si\s+bien)\b/g,
  negation:
    /\b(?:no(?:\s+(?:refiere|reporta|presenta|expresa|manifiesta|verbaliza|admite|describe))?|nunca|jamas|ni|sin|niega|niegan|negaba|nego|negando|descarta|descartan|descartad[oa]|tampoco|ningun[oa]?|ausencia\s+de|nada\s+de)\b/g,
  postNegation:
    /^\s*(?:[:=-]\s*|\s)(?:es\s+|fue\s+|esta\s+)?(?:negativ[oa]s?|ausentes?|nul[oa]s?|niega|negad[oa]s?|descartad[oa]s?|no(?=\s*(?:[.,;)]|$)))/,
  scopeEnd:
    /\b(?:pero|aunque|refiere|reporta|admite|reconoce|expresa|manifiesta|verbaliza|afirma|dice|presenta|y\s+(?:quiere|tiene|ha|esta|dice|se|me|ahora|hoy))\b/,
  kin:
    "(?:madre|padre|mama|papa|hermanos?|hermanas?|hij[oa]s?|abuel[oa]s?|ti[oa]s?|prim[oa]s?|sobrin[oa]s?|marido|esposo|esposa|(?:mi|su|tu)\\s+mujer|pareja|expareja|" +
    "novio|novia|exnovi[oa]|amig[oa]s?|companer[oa]s?|colegas?|vecin[oa]s?|cunad[oa]s?|suegr[oa]s?|padrastro|madrastra|conocid[oa]s?)",
  familyHistory: /\b(?:antecedentes?\s+familiares|historia\s+familiar|historial\s+familiar)\b/,
  firstPerson: /\b(?:yo|me|quiero|tengo|estoy|pienso|siento|voy|intente|necesito)\b/,
  current:
    /\b(?:actualmente|ahora(?:\s+mismo)?|hoy|en\s+este\s+momento|esta\s+noche|este\s+fin\s+de\s+semana|desde\s+hace\s+(?:\w+\s+)?(?:dias?|semanas?|mes(?:es)?|anos?)|todos\s+los\s+dias|cada\s+dia|a\s+diario|persistentes?|activ[oa]s?)\b/g,
  recent:
    /\b(?:ayer|anoche|anteayer|antier|esta\s+(?:manana|semana|tarde)|este\s+mes|la\s+(?:semana|noche)\s+pasada|el\s+(?:mes|fin\s+de\s+semana|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\s+pasado|(?:la\s+)?ultima\s+semana|(?:los\s+)?ultimos\s+(?:dias|meses)|hace\s+(?:\w+\s+)?(?:horas?|dias?|semanas?)|hace\s+(?:un|1|dos|2|tres|3)\s+mes(?:es)?|recientemente|ultimamente|de\s+\w+\s+dias\s+de\s+evolucion)\b/g,
  historical:
    /\b(?:hace\s+(?:anos|mucho(?:\s+tiempo)?|tiempo|(?:\w+\s+){1,2}anos|decadas)|antecedentes?(?:\s+personales)?\s+de|en\s+el\s+pasado|anteriormente|previamente|de\s+(?:nin[oa]|pequen[oa]|adolescente|joven|chic[oa])|cuando\s+(?:era|eramos|tenia|estaba)\s+(?:\w+\s+)?(?:nin[oa]|pequen[oa]|adolescente|joven|chic[oa]|estudiante|\d+)|(?:en|durante)\s+(?:la|su|mi)\s+(?:infancia|ninez|adolescencia|juventud)|a\s+los\s+\w+\s+anos|en\s+(?:19|20)\d\d|en\s+(?:su|mi)\s+(?:primer|anterior)\s+(?:matrimonio|relacion|pareja))\b/g,
  notAFinding: /\b(?:prevencion|taller|curso|formacion|novela|pelicula|personaje|cuento|escala\s+de|cribado)\b/,
  secondPerson: /\b(?:tu|te|usted|tienes|piensas|sientes|quieres|has\s+pensado|ha\s+pensado)\b/,
  affirmative: /^(?:si|claro|a\s+veces|no\s+se|tal\s+vez|quizas?|puede\s+ser|bastante|mucho|todos\s+los\s+dias|alguna\s+vez)\b/,
  rules: [
    {
      category: "suicidal_ideation",
      specs: [
        // Wish, intent, plan: "quiero morirme", "tengo ganas de morir", "planea lanzarse", "decidido a matarse".
        {
          pattern: `\\b(?:quier[oe]s?|queria|quisiera|desear?i?a|dese[oa]s?|prefier[oe]s?|preferiria|ganas\\s+de|necesit[oa]|pens(?:ar|ando|ado|o|e|aba)?|plane[oa]|planeado|planea(?:ndo)?|plan\\s+(?:para|de)|intencion\\s+de|decidid[oa]\\s+a|intent(?:o|a|e|aba|ado)|trat(?:o|a|e)\\s+de)\\s+(?:(?:en|de)\\s+)?${SELF_KILL}\\b`,
          verbal: true,
          accept: notIdiom,
        },
        // "Me quiero matar", "se va a matar": the clitic before the verb.
        {
          pattern:
            "\\b(?:me\\s+(?:quiero|queria|quisiera|voy\\s+a|iba\\s+a|pienso)|se\\s+(?:quiere|queria|quisiera|va\\s+a|iba\\s+a)|te\\s+(?:quieres|vas\\s+a))\\s+(?:matar|morir|suicidar|tirar|ahorcar)\\b",
          verbal: true,
          accept: notIdiom,
        },
        // Thoughts and ideas of death or suicide.
        {
          pattern:
            "\\b(?:pensamientos?|ideas?|ideacion|deseos?|fantasias?)\\s+(?:\\w+\\s+)?(?:de|sobre|con)\\s+(?:la\\s+|el\\s+)?(?:muerte|morir|suicidio|suicidarse|matarse|quitarse\\s+la\\s+vida)\\b",
          accept: (m, ctx) => !/^\s+de\s/.test(ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 5)),
        },
        {
          pattern:
            "\\b(?:ideacion|ideas?|pensamientos?|conductas?|intentos?|tentativas?|gestos?|planes?|plan|intencion)\\s+(?:\\w+\\s+)?(?:suicidas?|autoliticas?)\\b",
        },
        { pattern: "\\b(?:suicid(?:ar|arme|arse|arte|o|a|e|aste|ado|ada)|autolitic[oa]s?)\\b" },
        {
          pattern: `\\b(?:quitar${CL}|quitarle|quitar\\s+(?:mi|su)\\s+propia)\\s+la\\s+vida\\b|\\bponer\\s+fin\\s+a\\s+(?:mi|su)\\s+vida\\b`,
          verbal: true,
        },
        { pattern: "\\bacabar\\s+con\\s+(?:todo|mi\\s+vida|su\\s+vida)\\b|\\bdesaparecer\\s+para\\s+siempre\\b", verbal: true },
        // Better off dead, or without me.
        { pattern: "\\bmejor\\s+muert[oa]s?\\b|\\bmejor\\s+sin\\s+mi\\b(?!\\s+[a-z])", patientOnly: false, ownNegation: true },
        {
          pattern:
            "\\b(?:no|ya\\s+no)\\s+(?:le\\s+)?(?:veo|ve|encuentro|encuentra|tengo|tiene)\\s+(?:ningun\\s+|mucho\\s+)?(?:sentido|razon|razones|motivos?)\\s+(?:a\\s+|en\\s+|para\\s+)?(?:la\\s+vida|vivir|seguir)",
          ownNegation: true,
        },
        {
          pattern:
            "\\b(?:no|ya\\s+no)\\s+(?:quiero|quiere|deseo|desea|puedo\\s+seguir)\\s+(?:seguir\\s+)?(?:vivir|viviendo|existir|despertar(?:me)?|estar\\s+viv[oa])\\b",
          ownNegation: true,
          verbal: true,
        },
        {
          pattern: "\\b(?:la\\s+vida\\s+no\\s+(?:tiene\\s+sentido|vale\\s+la\\s+pena)|sin\\s+(?:razones|motivos?)\\s+para\\s+vivir)\\b",
          ownNegation: true,
        },
        { pattern: "\\bcansad[oa]s?\\s+de\\s+(?:vivir|la\\s+vida|existir|estar\\s+viv[oa])\\b" },
        {
          pattern:
            "\\bojala\\s+(?:me\\s+|se\\s+)?(?:muriera|muera|muriese|estuviera\\s+muert[oa]|no\\s+despertara|no\\s+hubiera\\s+nacido|desapareciera)\\b|\\b(?:desearia|quisiera|quiero|querria)\\s+no\\s+(?:despertar(?:me)?|existir|haber\\s+nacido)\\b",
          ownNegation: true,
        },
        {
          pattern: "\\bnadie\\s+(?:me|le|la|lo)\\s+(?:echaria|echara|extranaria|notaria)\\b|\\bnadie\\s+notaria\\s+si\\b",
          ownNegation: true,
          patientOnly: false,
        },
        // Preparation: a rope, pills saved up, a farewell letter, a method searched, things given away.
        { pattern: "\\b(?:cuerda|soga)\\s+para\\s+(?:ahorcar\\w*|colgar\\w*)\\b" },
        {
          pattern: `\\b(?:guard|acumul|junt|almacen|reun)\\w*\\s+(?:\\w+\\s+){0,2}?(?:pastillas|medicamentos|comprimidos|pildoras|farmacos|medicacion)\\b`,
        },
        {
          pattern: "\\bcartas?\\s+de\\s+despedida\\b|\\bnotas?\\s+(?:de\\s+suicidio|suicidas?|de\\s+despedida)\\b",
          accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION),
        },
        {
          pattern:
            "\\b(?:busc|investig|consult|mir|googl)\\w*\\s+(?:\\w+\\s+){0,3}?(?:como\\s+(?:suicidar\\w*|matar(?:me|se)|quitar(?:me|se)\\s+la\\s+vida|morir|ahorcar\\w*)|dosis\\s+letal\\w*|metodos?\\s+(?:de\\s+|para\\s+)?suicid\\w*)\\b",
        },
        {
          pattern:
            "\\b(?:regal|don|reparti)\\w*\\s+(?:todas?\\s+)?(?:sus|mis)\\s+(?:cosas|pertenencias|objetos|bienes)\\b|\\bdespedid[oa]\\s+de\\s+todos\\b|\\bdespid\\w*\\s+de\\s+todos\\b",
          accept: (_m, ctx) => !ctx.mentions(FAREWELL_OCCASION),
        },
        {
          pattern: `\\b${CL}\\s+(?:tir|lanz|arroj)\\w*\\s+(?:desde|de|por|a|al|bajo|delante\\s+de)\\s+(?:(?:un|una|el|la|los|las)\\s+)?${HEIGHT}\\b`,
        },
        { pattern: "\\bcontra\\s+(?:si|mi)\\s+mism[oa]\\b" },
        { pattern: "\\b(?:con\\s+(?:la\\s+)?intencion\\s+de|para)\\s+(?:morir|matarse|suicidarse|quitarse\\s+la\\s+vida)\\b" },
      ],
    },
    {
      category: "self_harm",
      specs: [
        {
          pattern: "\\b(?:autolesi\\w*|auto-?lesi\\w*|autoinfligid\\w*|auto-?infligid\\w*|automutila\\w*|autodano\\w*|autoagresi\\w*)",
          accept: notAccident,
        },
        {
          pattern: `\\b(?:${CL}\\s+(?:(?:ha|han|he|habia)\\s+)?(?:cort|quem|golpe|aran|rasc|arranc|mord|pinch|lastim|hiri)\\w*|(?:cortar|quemar|golpear|aranar|rascar|lastimar|herir|morder)${CL})\\b`,
          verbal: true,
          accept: (m, ctx) =>
            notAccident(m, ctx) && SELF_INJURY_AFTER.test(ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 50)),
        },
        // "Volví a cortarme", "se cortaba": the act named on its own, with nothing accidental about it.
        { pattern: "\\b(?:volv\\w+\\s+a\\s+cortarme|me\\s+corto|se\\s+corta(?:ba)?|me\\s+cortaba)\\b", verbal: true, accept: notAccident },
        {
          pattern: `\\b(?:hacer${CL}|${CL}\\s+(?:hice|hizo|hago|hace|haga|hiciera|ha\\s+hecho|he\\s+hecho|hacia))\\s+(?:\\w+\\s+)?(?:dano|cortes|heridas|quemaduras)\\b`,
          verbal: true,
          accept: notAccident,
        },
        { pattern: "\\bsobredosis\\b", accept: (m, ctx) => notAccident(m, ctx) && !/\b(?:prevencion|naloxona)\b/.test(ctx.clause) },
      ],
    },
    {
      category: "homicidal_ideation",
      specs: [
        {
          pattern:
            "\\b(?:ideacion|ideas?|pensamientos?|impulsos?)\\s+(?:homicidas?|heteroagresiv\\w*|de\\s+matar\\s+a)\\b|\\bheteroagresiv\\w*|\\bhomicidas?\\b",
        },
        {
          pattern:
            "\\b(?:quier\\w*|quisiera|dese\\w*|ganas\\s+de|pens\\w*(?:\\s+(?:en|de))?|plane\\w*(?:\\s+como)?|va\\s+a|voy\\s+a|iba\\s+a|amenaz\\w*\\s+(?:con|de)|intencion\\s+de|ideas?\\s+de|fantase\\w*\\s+con|podria|capaz\\s+de|impulsos?\\s+de|decidid[oa]\\s+a|dan\\s+ganas\\s+de)\\s+" +
            "(?:como\\s+)?(?:matar|asesinar|apunalar|acuchillar|estrangular|herir|atacar|disparar|hacer(?:le|les)?\\s+dano|pegar(?:le|les)?\\s+un\\s+tiro)(?:lo|la|los|las|le|les)?(?:\\s+(?:a|al)\\s+|\\b(?=\\s+(?:con|si|cuando|ya)\\b))",
          verbal: true,
        },
        { pattern: "\\bpegar(?:le|les)\\s+un\\s+tiro\\b|\\b(?:matar|asesinar|apunalar)(?:lo|la|los|las)\\b", verbal: true },
      ],
    },
    {
      category: "abuse",
      specs: [
        {
          pattern:
            "\\bviolencia\\s+(?:de\\s+genero|domestica|familiar|intrafamiliar|machista|en\\s+(?:la\\s+)?pareja|conyugal|en\\s+(?:el\\s+hogar|casa))\\b",
        },
        { pattern: "\\bmalos?\\s+tratos?\\b|\\bmaltrat\\w+" },
        {
          pattern: "\\babus(?:o|os|a|an|aba|ado|ada|ador)?\\b(?:\\s+(?:sexual\\w*|fisic\\w*|psicologic\\w*|emocional\\w*))?",
          accept: (m, ctx) =>
            !/^\s+de\s+(?:sustancias|alcohol|drogas|toxicos|benzodiacepinas|cannabis|cocaina|medicamentos|opiaceos)/.test(
              ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 30),
            ),
        },
        {
          pattern:
            "\\b(?:me|la|le|nos|lo)\\s+(?:pega|pegan|pegaba|pego|golpea|golpeaba|golpeo|empuja|empujo|empujaba|viol[oa]|violaba|estrangul\\w+|ahorc[oa]|asfixi\\w+|insulta|insultaba|humilla|humillaba|amenaza|amenazo|amenazaba|encierra|encerro|quema|quemo|patea|pateo|abofete\\w+|manose\\w+|toca\\s+por\\s+la\\s+noche)\\b",
          accept: (m, ctx) =>
            !/^\s+(?:un\s+susto|un\s+grito|el\s+sol|la\s+gripe|un\s+resfriado)/.test(
              ctx.clause.slice(m.index + m[0].length, m.index + m[0].length + 20),
            ),
        },
        { pattern: "\\b(?:me|la|le|nos)\\s+(?:mate|matara|mataria|va\\s+a\\s+matar|quiere\\s+matar)\\b" },
        {
          pattern:
            "\\bamenaz\\w*\\s+con\\s+(?:matarme|matarla|matarnos|pegarme|pegarle|hacerme\\s+dano|quitarme\\s+(?:a\\s+)?(?:los|mis)\\s+hijos)\\b",
        },
        {
          pattern:
            "\\b(?:le|me|la)\\s+quita\\s+(?:la\\s+pension|el\\s+dinero|el\\s+sueldo)\\b|\\b(?:me|la|le)\\s+(?:controla|vigila|revisa)\\s+(?:el\\s+|la\\s+|los\\s+)?(?:movil|telefono|celular|mensajes|dinero|cuentas|redes)\\b",
        },
        { pattern: "\\bno\\s+(?:me|la|le)\\s+deja\\s+(?:ver|salir|hablar|trabajar|tener)\\b", ownNegation: true },
        {
          pattern:
            "\\bno\\s+me\\s+siento\\s+(?:segur[oa]|a\\s+salvo|tranquil[oa])\\s+(?:en\\s+(?:mi\\s+|la\\s+)?casa|con\\s+(?:mi|el|ella)\\b)",
          ownNegation: true,
        },
        {
          pattern: "\\b(?:moratones|moretones|hematomas|morados|marcas\\s+de\\s+golpes)\\b",
          accept: (_m, ctx) => ctx.mentions(PERP_MENTION),
        },
        {
          pattern:
            "\\b(?:dej\\w+|abandon\\w+)\\s+(?:\\w+\\s+){0,3}?sol[oa]s?\\b(?:\\s+\\w+){0,3}?\\s+sin\\s+(?:comida|comer|alimento)\\b|\\bnegligencia\\b|\\bdesatendid[oa]s?\\b",
          ownNegation: true,
        },
      ],
    },
  ],
};
