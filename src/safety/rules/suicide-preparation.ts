/**
 * Acts that prepare for suicide, and attempts told by their purpose. The C-SSRS counts "preparatory
 * acts or behavior" (collecting pills, getting a means, giving valuables away, writing a will or a
 * suicide note) and interrupted or aborted attempts; the 988 Lifeline, AFSP and SAMHSA warning-sign
 * lists add saying goodbye, putting affairs in order and searching online for a way to die. Here:
 * possessions given away, final goodbyes, a will or note out of the blue, arrangements for the
 * children or pets, a method researched, pills saved up or bought in several shops, a rehearsal at
 * a height or with a ligature, and any act done "to die". Wording is ours; checked 2026-12.
 *
 * Each pattern keeps the act whole enough that its everyday twin does not match: "gave away the
 * ending", "said goodbye at the airport", "updated her will with her solicitor", "collecting her
 * prescription from the pharmacy", "stood on the edge of the cliff for a photo".
 */
import { HEIGHT, MEDS, POSS, REFLEX, SUBJECT as SUBJ } from "../lexicon";
import { AWAY, FICTION, notBereavement, notLeaving } from "./ordinary-occasions";
import { after, before, type CategoryRules, notTeaching, type RuleSpec, selfDirected } from "./rule";

/** A will drawn up as estate planning, or after a birth or a marriage. */
const ESTATE_PLANNING =
  /\b(?:solicitor|lawyer|attorney|notary|estate\s+plan\w*|retir\w*|wedding|married|marriage|divorc\w*|newborn|birth|grandchild\w*|mortgage|probate|executor)\b/i;
/**
 * What a search for a method asks for. Searches are often phrased "how to kill yourself": the rules
 * that use this read it in a lookahead, so "yourself" stays out of the match, where the engine
 * would take it for a clinician's question.
 */
const METHOD_SOUGHT = `(?:ways?|how|methods?|means)\\s+(?:to|of)\\s+(?:die|dying|kill(?:ing)?\\s+(?:${REFLEX}|yourself|urself|oneself)|hang(?:ing)?\\s+(?:${REFLEX}|yourself)|end(?:ing)?\\s+(?:it(?:\\s+all)?|(?:my|your|his|her|their|one's)\\s+life)|overdos(?:e|ing)|commit(?:ting)?\\s+suicide|suicide|OD)\\b`;
const GIVE = "(?:giv(?:e|es|ing|en)|gave)";
/** What one gives away before dying: belongings, something prized, a pet. Not old books or clothes: that is clearing out. */
const KEEPSAKES =
  "(?:possessions|belongings|things|stuff|valuables|savings|treasures|(?:prized|treasured|favou?rite|cherished|beloved|precious|most\\s+valued)\\s+[\\w-]+|dog|cat|pets?|jewel(?:le)?ry|medals)";
/** Photographs, views and fires: standing at an edge or jumping from a window for another reason. */
const OTHER_REASON = /\b(?:photo\w*|pictures?|selfie|view|hik\w+|tour\w*|fire|escap\w*|flood|keep\s+warm|warm\s+up)\b/i;

const SPECS: RuleSpec[] = [
  // Giving possessions away.
  {
    pattern: `\\b${GIVE}\\s+(?:away\\s+(?:[\\w'-]+\\s+){0,5}?)?(?:(?:all|most|some|many|the\\s+rest)\\s+(?:of\\s+)?)?${POSS}\\s+(?:[\\w'-]+\\s+){0,2}?${KEEPSAKES}\\b(?:\\s+away\\b)?`,
    // "gave her guitar lessons", "giving his car a wash": without "away", the thing must go to someone.
    accept: (m, ctx) => (/\baway\b/i.test(m[0]) || /^\s+(?:to|away)\b/i.test(after(m, ctx))) && notLeaving(m, ctx),
  },
  {
    pattern: `\\b${GIVE}\\s+(?:all|most)\\s+(?:of\\s+)?${POSS}\\s+(?!(?:love|time|attention|effort|energy|heart|best|support|focus)\\b)[\\w'-]+(?:\\s+[\\w'-]+)?\\s+(?:to|away)\\b|\\b${GIVE}\\s+away\\s+(?:[\\w'-]+\\s+){0,6}?(?:possessions|belongings|valuables|savings)\\b`,
    accept: notLeaving,
  },
  // Goodbyes that are final.
  {
    pattern:
      "\\b(?:say(?:s|ing)?|said)\\s+(?:his|her|my|their)\\s+(?:final\\s+|last\\s+)?(?:goodbyes|good-byes|farewells)\\b|\\b(?:final|last|one\\s+last)\\s+(?:goodbyes?|good-byes?|farewells?)\\b",
    accept: notBereavement,
  },
  {
    pattern:
      "\\b(?:say(?:s|ing)?|said)\\s+goodbye\\s+to\\s+(?:everyone|everybody|each\\s+of|all\\s+(?:of\\s+)?(?:his|her|my|their)\\s+\\w+)\\b|\\b(?:visit\\w*|call\\w*|ring\\w*|rang|phon\\w*|contact\\w*|text\\w*|messag\\w*|went\\s+round)\\s+(?:[\\w'-]+\\s+){0,4}?to\\s+say\\s+goodbye\\b",
    accept: (m, ctx) => notLeaving(m, ctx) && !ctx.mentions(AWAY) && !ctx.mentions(FICTION),
  },
  {
    pattern:
      "\\b(?:goodbye|good-bye|farewell)s?\\s+(?:notes?|letters?|messages?|texts?|posts?|videos?|emails?|voicemails?)\\b|\\b(?:goodbye|good-bye|farewell)\\s+(?:for\\s+(?:good|ever|the\\s+last\\s+time)|forever)\\b",
    accept: (m, ctx) => notLeaving(m, ctx) && !ctx.mentions(FICTION),
  },
  {
    pattern:
      // Starts at the verb, so "texted her friends goodbye" does not read as the friends' goodbye.
      "\\b(?:(?:said|say(?:s|ing)?|text(?:ed|s|ing)?|messag(?:ed|es|ing)|call(?:ed|s|ing)|wav(?:ed|es|ing)|hugg(?:ed|ing))\\s+(?:[\\w']+\\s+){0,3}?)?(?:goodbye|good-bye|farewell)s?\\b[^.;]{0,40}?\\b(?:as\\s+if|like)\\s+(?:for\\s+the\\s+last\\s+time|(?:it\\s+(?:was|were)|it's)\\s+the\\s+last|(?:he|she|they|I)\\s+(?:would|will|'d)\\s+(?:never|not)\\s+see)",
    accept: notBereavement,
  },
  // A will or one's affairs put in order, out of the blue.
  {
    pattern:
      "\\b(?:wr(?:ote|ites?|iting|itten)|draft(?:s|ed|ing)?|dr(?:ew|aws?|awn|awing)\\s+up|ma(?:de|kes?|king)(?:\\s+out)?|updat(?:e|es|ed|ing)|chang(?:e|es|ed|ing)|finali[sz](?:e|es|ed|ing)|redid|redo(?:ne)?|sort(?:s|ed|ing)?\\s+out)\\s+(?:a|an|her|his|my|their)\\s+(?:new\\s+|last\\s+)?will\\b(?!\\s+(?:clear|known|felt|power|be|to|and\\s+(?:determination|desire)))",
    accept: (_m, ctx) => !ctx.mentions(ESTATE_PLANNING),
  },
  {
    pattern:
      "\\b(?:put(?:s|ting)?|get(?:s|ting)?|got|gotten|sort(?:s|ed|ing)?|set(?:s|ting)?)\\s+(?:(?:his|her|my|their)\\s+)?affairs\\s+in\\s+order\\b",
    accept: notBereavement,
  },
  {
    pattern:
      "\\b(?:made\\s+sure|making\\s+sure|arrang(?:ed|ing|es)\\s+for)\\s+(?:that\\s+)?(?:[\\w'-]+\\s+){0,3}?(?:will|would|are\\s+going\\s+to|to)\\s+(?:be\\s+)?(?:looked\\s+after|taken\\s+care\\s+of|cared\\s+for|provided\\s+for|look\\s+after|take\\s+care\\s+of|take\\s+(?:the|her|his|my)\\s+(?:dog|cat|pets?|kids|children))\\b",
    // Childcare for a shift, a stay in hospital or a holiday is ordinary planning.
    accept: (_m, ctx) =>
      !ctx.mentions(AWAY) && !/\b(?:while|during|shift|hospital|admission|appointment|work|school|operation|surgery)\b/i.test(ctx.clause),
  },
  {
    pattern:
      "\\b(?:life\\s+)?(?:insurance|policy)\\s+(?:\\w+\\s+)?(?:pays?\\s+out|covers?|would\\s+(?:pay|cover))\\s+(?:for\\s+|on\\s+|after\\s+|in\\s+(?:the\\s+)?case\\s+of\\s+)?(?:a\\s+)?suicide\\b",
  },
  {
    pattern:
      "\\b(?:at\\s+peace|calm|relieved)\\s+(?:now\\s+)?(?:with|about|since|after)\\s+(?:(?:his|her|my|their|the)\\s+)?(?:decision\\s+to\\s+(?:die|end|go)|deciding\\s+to\\s+(?:die|end|go)|(?:having\\s+)?(?:made|making)\\s+(?:up\\s+)?(?:his|her|my)\\s+mind\\s+to\\s+(?:die|end|go))\\b",
  },
  {
    pattern:
      "\\b(?:won't|wont|will\\s+not|(?:am|is|'m|'s)\\s+not\\s+going\\s+to)\\s+be\\s+a\\s+burden\\s+(?:(?:to|on)\\s+\\w+\\s+)?(?:any\\s?more|any\\s+longer)\\b",
  },
  {
    pattern:
      "\\b(?:won't|wouldn't|will\\s+not|would\\s+not|doesn't|don't|does\\s+not|do\\s+not)\\s+need\\s+(?:it|them|these|those|this|that|any\\s+of\\s+(?:it|this|them|these))\\s+(?:any\\s?more|any\\s+longer)\\b",
    // Only about things given away: "gave his guitar to a friend and said he wouldn't need it any more".
    accept: (_m, ctx) => /\b(?:gave|giv\w+|handed|left\s+(?:it|them|his|her))\b/i.test(ctx.clause) && !ctx.mentions(AWAY),
  },
  // A note to the family, written to be found.
  {
    pattern:
      "\\b(?:notes?|letters?)\\s+(?:(?:to|for)\\s+(?:his|her|my|their|the)\\s+(?:family|kids|children|parents|wife|husband|partner|mum|mom|mother|dad|father|friends|loved\\s+ones|sons?|daughters?)\\s+)?(?:apologi[sz](?:ing|es)|saying\\s+(?:sorry|goodbye)|explaining\\s+why|asking\\s+(?:them\\s+)?(?:for\\s+forgiveness|to\\s+forgive))\\b",
    accept: (m, ctx) =>
      !/^\s+for\s+(?:missing|being\s+late|the\s+(?:mess|delay|noise|inconvenience|misunderstanding)|cancel\w*|not\s+(?:coming|attending|being\s+able))\b/i.test(
        after(m, ctx),
      ),
  },
  {
    pattern:
      "\\b(?:wr(?:ote|ites?|iting|itten)|left|leaves|leaving)\\s+(?:(?:a|an)\\s+)?(?:notes?|letters?|cards?)\\s+(?:to|for)\\s+(?:each\\s+of\\s+|all\\s+(?:of\\s+)?)(?:his|her|my|their)\\s+(?:family|kids|children|friends|loved\\s+ones|sons|daughters|parents|grandchildren)\\b|" +
      "\\btell\\s+(?:my|her|his)\\s+(?:mum|mom|mother|dad|father|family|kids|children|wife|husband|parents|partner|sister|brother)\\s+(?:that\\s+)?(?:I'm|I\\s+am|I\\s+was)\\s+(?:so\\s+)?sorry(?=\\s*(?:[.!,;\"']|$|for\\s+everything))|" +
      "\\btell\\s+(?:my|her|his)\\s+(?:mum|mom|mother|dad|father|family|kids|children|wife|husband|parents|partner|sister|brother)\\s+(?:that\\s+)?I\\s+love(?:d)?\\s+(?:her|him|them)(?=\\s*(?:[.!,;\"']|$))",
    accept: notLeaving,
  },
  {
    pattern: "\\b(?:goodbye|good-bye|farewell)\\b",
    // "I love you all, goodbye": the farewell is read from what comes before it, "you" left out of the match.
    accept: (m, ctx) =>
      /\b(?:love\s+(?:you|y'?all)\s+all|sorry\s+for\s+everything|forgive\s+me|I'm\s+sorry)[\s,.!-]*$/i.test(before(m, ctx)) &&
      notLeaving(m, ctx),
  },
  // Researching a method or the means.
  {
    pattern: `\\b(?:painless|quick|quickest|easy|easiest|best|surest|fastest|most\\s+(?:effective|reliable|painless|lethal))\\s+(?:ways?|methods?|means)\\s+(?:to|of)\\s+(?:die|dying|kill(?:ing)?\\s+${REFLEX}|end(?:ing)?\\s+(?:it(?:\\s+all)?|${POSS}\\s+(?:own\\s+)?life)|commit(?:ting)?\\s+suicide|suicide|overdos(?:e|ing))\\b`,
  },
  {
    pattern:
      "\\b(?:look(?:s|ed|ing)?\\s+up|research(?:es|ed|ing)?|googl(?:e|es|ed|ing)|search(?:es|ed|ing)?|ask(?:s|ed|ing)?|found\\s+out|measur(?:e|es|ed|ing))\\s+(?:[\\w']+\\s+){0,2}?(?:how\\s+(?:high|tall|far\\s+down|long\\s+the\\s+drop)|which)\\s+(?:[\\w']+\\s+){0,2}?(?:bridge|building|cliff|roof|car\\s+park|parking\\s+garage|tower|balcony|drop|overpass|viaduct)\\b",
  },
  {
    pattern:
      `\\bask(?:s|ed|ing)?\\s+(?:[\\w']+\\s+){0,3}?(?:about\\s+)?(?:(?:the|a)\\s+)?(?:lethal|fatal|deadly)\\s+(?:doses?|amounts?|quantit(?:y|ies))\\b|` +
      `\\bhow\\s+(?:many|much)\\s+(?:[\\w'-]+\\s+){0,4}?(?:would|will|'d|could)\\s+(?:it\\s+)?(?:kill\\s+(?:me|him|her|them|${REFLEX})|be\\s+(?:lethal|fatal|deadly|enough\\s+to\\s+die))\\b|` +
      `\\bhow\\s+(?:many|much)\\s+(?:[\\w'-]+\\s+){0,4}?(?:it\\s+)?(?:would|will|does)\\s+(?:it\\s+)?take\\s+to\\s+(?:die|kill\\s+(?:me|him|her|${REFLEX})|overdose|end\\s+it)\\b`,
  },
  {
    pattern: `\\b(?:research(?:es|ed|ing)?|googl(?:e|es|ed|ing)|look(?:s|ed|ing)?\\s+up|search(?:es|ed|ing)?|read(?:s|ing)?\\s+(?:up\\s+)?(?:about|on)|ask(?:s|ed|ing)?|watch(?:es|ed|ing)?\\s+(?:videos?|clips?)\\s+(?:on|about)|search\\s+history\\s+(?:showed|shows|included|includes|revealed|contained))\\s+(?:[\\w'-]+\\s+){0,3}?["']?(?=(?:(?:painless|quick|easy|best|quickest|easiest|surest)\\s+)?${METHOD_SOUGHT})`,
  },
  // Saving up the means: pills collected, bought in several shops, kept in a stash.
  {
    pattern: `\\b(?:stockpil\\w*|hoard(?:s|ed|ing)?|collect(?:s|ed|ing)?|sav(?:e|es|ed|ing)(?:\\s+up)?|stash(?:es|ed|ing)?)\\s+(?:(?:up|all|some|of|the|his|her|my|their|extra|spare|leftover|old|unused|prescribed)\\s+){0,3}(?:[\\w-]+\\s+)?${MEDS}\\b`,
    // "collecting her lithium prescription from the pharmacy" is a routine errand.
    accept: (m, ctx) =>
      !/^\s+(?:from|at|prescriptions?|scripts?|refills?|levels?|orders?|deliver\w*|box|dosette|pack)\b/i.test(after(m, ctx)),
  },
  {
    pattern: `\\b(?:a\\s+|her\\s+|his\\s+|my\\s+)?(?:stash|stockpile|hoard|secret\\s+supply)\\s+of\\s+(?:[\\w-]+\\s+)?${MEDS}\\b`,
  },
  {
    pattern: `\\b(?:keep(?:s|ing)?|kept|sav(?:e|es|ed|ing)|hid(?:es|ing|den)?|stor(?:e|es|ed|ing)|putting|puts|put)\\s+(?:(?:his|her|my|their|the)\\s+)?(?:[\\w-]+\\s+)?${MEDS}\\s+(?:aside\\b|instead\\s+of\\s+taking|rather\\s+than\\s+taking|(?:hidden\\s+)?in\\s+(?:a|her|his|my)\\s+(?:drawer|sock|shoebox|box|bag|wardrobe)\\s+(?:instead|rather))`,
  },
  {
    pattern: `\\b(?:bought|buying|buys|purchas(?:ed|ing|es))\\s+(?:[\\w-]+\\s+){0,3}?${MEDS}\\s+(?:(?:from|at|in)\\s+)?(?:(?:several|multiple|many|different|various|two|three|four|five|\\d+)\\s+)+(?:shops|stores|pharmacies|chemists|supermarkets|places)\\b`,
  },
  {
    pattern: `\\b(?:thoughts?|think(?:s|ing)?|urges?|tempted|want(?:s|ed)?|going|gonna|plan(?:s|ned|ning)?|intend(?:s|ing)?|considering|contemplating)\\s+(?:of\\s+|about\\s+|to\\s+)?(?:tak(?:e|ing)|swallow(?:ing)?|down(?:ing)?)\\s+(?:all|the\\s+(?:whole|entire|lot)|a\\s+(?:whole\\s+)?(?:bottle|box|handful|packet))\\s+(?:of\\s+)?(?:(?:my|his|her|their|the|those|these)\\s+)?(?:[\\w'-]+\\s+)?${MEDS}\\b(?!\\s+(?:with|as\\s+prescribed|at\\s+(?:the\\s+)?(?:right|same)|in\\s+the\\s+morning|every|each|daily)\\b)`,
    verbal: true,
  },
  {
    pattern: `\\benough\\s+(?:[\\w-]+\\s+)?${MEDS}\\s+(?:saved|stored|hidden|put\\s+away|stockpiled|collected|to\\s+(?:do\\s+it|kill|end\\s+it|die|overdose))\\b`,
  },
  {
    pattern:
      "\\b(?:driv(?:e|es|ing)|drove|crash(?:es|ed|ing)?|steer(?:s|ed|ing)?|swerv(?:e|es|ed|ing))\\s+(?:(?:his|her|my|their|the)\\s+(?:car|van|truck)\\s+)?(?:into|off)\\s+(?:(?:a|an|the)\\s+)?(?:oncoming\\s+traffic|wall|tree|lorry|truck|river|sea|barrier|cliff|bridge)\\b",
    // "Drove into a tree on the icy road" is a crash; it takes intent to make it an attempt.
    accept: (_m, ctx) =>
      /\b(?:deliberate(?:ly)?|on\s+purpose|intentional(?:ly)?|thoughts?|urges?|want\w*|plan\w*|tempted|think\w*|to\s+die|kill\s+\w+self|end\s+it)\b/i.test(
        ctx.clause,
      ),
  },
  {
    pattern: `\\bset\\s+(?:fire\\s+to\\s+)?${REFLEX}(?:\\s+(?:on\\s+fire|alight|ablaze))?\\b|\\bpour(?:ed|s|ing)?\\s+(?:petrol|gasoline|lighter\\s+fluid|fuel|kerosene)\\s+(?:over|on)\\s+${REFLEX}\\b|\\bself-?immolat\\w+`,
    accept: (m) => /fire|alight|ablaze|pour|immolat/i.test(m[0]),
  },
  // Rehearsal and aborted attempts: at a height, on the tracks, a ligature, a blade held to the wrist.
  {
    pattern: `\\b(?:stood|standing|stands|sat|sitting|sits|climbed|climbing|climbs)\\s+(?:(?:out\\s+)?on(?:to)?|at|up|over)\\s+(?:the\\s+|a\\s+)?(?:(?:edge|side)\\s+of\\s+(?:(?:a|the|his|her|my)\\s+)?${HEIGHT}|(?:ledge|parapet|railings?)\\b)|\\b(?:stood|standing|lay|laid|lying|lies|sat|sitting)\\s+(?:down\\s+)?(?:on|onto)\\s+(?:the\\s+)?(?:train\\s+tracks|railway\\s+(?:line|tracks)|rail(?:way)?\\s+tracks|tracks)\\b`,
    accept: (_m, ctx) => !ctx.mentions(OTHER_REASON),
  },
  {
    pattern: `\\b(?:held|holds|holding|put|puts|putting|pressed|presses|pressing|placed|pointed|points|pointing)\\s+(?:a|the|his|her|my)\\s+(?:[\\w-]+\\s+)?(?:knife|blade|razor|gun|pistol|handgun|revolver|shotgun|rifle|scissors|shard)\\s+(?:to|against|at|on|under)\\s+(?:his|her|my|their)\\s+(?:own\\s+)?(?:wrists?|throat|neck|head|temple|chest|heart|mouth|chin)\\b`,
    accept: selfDirected,
  },
  {
    pattern: `\\b(?:put|puts|putting|tied|ties|tying|placed|wrapped|wrapping|fastened|tightened|with)\\s+(?:a|an|the|his|her|my)\\s+(?:[\\w-]+\\s+)?(?:belt|rope|cord|cable|sheet|bedsheet|shoelaces?|ligature|wire|flex|plastic\\s+bag)\\s+(?:a?round|over)\\s+(?:his|her|my|their)\\s+(?:own\\s+)?(?:neck|head|throat)\\b`,
    accept: selfDirected,
  },
  {
    pattern: "\\bligatures?\\b",
    accept: (m, ctx) =>
      !/^\s*(?:points?|anchors?|risks?|free|cutters?|audits?|-?\s*resistant|safe)\b/i.test(after(m, ctx)) &&
      !/\banti-?\s*$/i.test(before(m, ctx)),
  },
  {
    pattern:
      "\\b(?:sat|sitting|sits|found)\\s+in\\s+(?:the|his|her|my|a)\\s+(?:closed\\s+|locked\\s+)?garage\\s+with\\s+the\\s+(?:car\\s+)?(?:engine|motor|car)\\s+running\\b|\\b(?:car|engine)\\s+running\\s+in\\s+(?:the|a)\\s+(?:closed\\s+|locked\\s+|shut\\s+)?garage\\b|\\bhose(?:pipe)?\\s+(?:from|attached\\s+to|connected\\s+to|into)\\s+(?:the|his|her|my)\\s+(?:exhaust|car)\\b",
  },
  {
    pattern: `\\b(?:ran|runs|running|walked|walks|walking|stepped|steps|stepping|jumped|jumps|jumping)\\s+(?:out\\s+into|into\\s+(?:oncoming|moving)|in\\s+front\\s+of\\s+(?:oncoming|moving))\\s+(?:traffic|(?:a|the)\\s+(?:car|bus|lorry|truck|train|vehicle))\\b|\\bjump(?:s|ed|ing)?\\s+(?:off|from|out\\s+of)\\s+(?:(?:a|the|his|her|my|their)\\s+)?(?:[\\w-]+\\s+)?${HEIGHT}\\b`,
    verbal: true,
    accept: (_m, ctx) => !ctx.mentions(OTHER_REASON),
  },
  {
    pattern:
      "\\b(?:attempted|tried|aborted|interrupted|failed)\\s+(?:(?:suicide|self-?harm)\\s+)?(?:by\\s+)?(?:hanging|strangulation|self-strangulation|drowning|asphyxiation|suffocation|self-poisoning|overdose|jumping|self-immolation)\\b(?!\\s+of\\b)|\\b(?:aborted|interrupted|self-interrupted)\\s+(?:suicide\\s+)?attempts?\\b",
  },
  // An act done "to die", "to sleep forever", "so she wouldn't wake up": a suicide attempt.
  {
    pattern: `\\b(?:took|take|takes|taking|swallowed|swallow|ingested|drank|overdosed|OD'?d|cut|slit|slashed|jumped|hanged|hung|tried|attempted|crashed|drove|walked|stepped|lay|stood|ran|injected|shot)\\b[^.;]{0,60}?\\b(?:(?:(?:in\\s+order|so\\s+as)\\s+)?to\\s+(?:die\\b(?!\\s+for\\b)|drown\\b(?!\\s+out\\b)|sleep\\s+forever|never\\s+wake\\s+up|not\\s+wake\\s+up|end\\s+(?:it\\s+all|(?:it|things|everything)(?!\\s+(?:with|between)\\b)|${POSS}\\s+(?:own\\s+)?life)|kill\\s+${REFLEX})|so\\s+(?:that\\s+)?${SUBJ}\\s+(?:wouldn't|would\\s+not|won't|would\\s+never|will\\s+never|could\\s+never)\\s+wake\\s+up|so\\s+(?:that\\s+)?${SUBJ}\\s+(?:could|would|might)\\s+die)`,
  },
];

export const SUICIDE_PREPARATION: CategoryRules = {
  category: "suicidal_ideation",
  // Safety planning and teaching name these acts without anyone doing them.
  specs: SPECS.map((spec) => ({ ...spec, accept: (m, ctx) => notTeaching(m, ctx) && (spec.accept?.(m, ctx) ?? true) })),
};
