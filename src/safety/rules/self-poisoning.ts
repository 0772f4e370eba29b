/**
 * Self-poisoning and swallowing objects: an overdose told by its size ("took 30 paracetamol", "the
 * whole box"), a household poison or an object swallowed (bleach, batteries, razor blades), or an
 * ingestion called deliberate. NICE CG16/CG133 count self-poisoning as self-harm whatever the
 * intent. Wording is ours; checked 2026-12.
 *
 * A small child's ingestion, or one called accidental, is an accident, not self-harm.
 */
import { MEDS, POSS, TOXIC } from "../lexicon";
import { type Accept, after, type CategoryRules } from "./rule";

const ACCIDENTAL_INGESTION =
  /\b(?:accident\w*|unintentional\w*|inadvertent\w*|by\s+mistake|mistook|mistaken(?:ly)?|thought\s+it\s+was|thinking\s+it\s+was|toddler|infant|baby|crawling|exploratory|unlabel+ed|[1-4][-\s]?(?:year|yr)s?[-\s]old|aged\s+[1-4]\b)/i;
const notAccidental: Accept = (_m, ctx) => !ctx.mentions(ACCIDENTAL_INGESTION);

/** How much: "a handful", "the whole box", "30", "two packets". Digits are tablets, not milligrams. */
const AMOUNT =
  "(?:a\\s+(?:whole\\s+)?(?:handful|bottle|box|pack|packet|strip|blister\\s+pack|tub|jar)|(?:an?\\s+|the\\s+|her\\s+|his\\s+|my\\s+|their\\s+)?(?:entire|whole|full)\\s+(?:bottle|box|pack|packet|strip|tub|jar|supply|prescription|blister\\s+pack)|" +
  "(?:a|her|his|my|their)\\s+(?:month's|week's)\\s+supply|\\d{2,}(?!\\s*(?:mg|mcg|g|ml|mls|units?|iu|milligrams?|micrograms?|grams?|%|days?|weeks?|hours?|minutes?|mins?|years?)\\b)|" +
  "twenty|thirty|forty|fifty|sixty|dozens?|handfuls|(?:a\\s+)?(?:large|huge|massive|excessive)\\s+(?:number|amount|quantity)|(?:several|two|three|four|five|\\d)\\s+(?:boxes|packs|packets|bottles|strips))";

export const SELF_POISONING: CategoryRules = {
  category: "self_harm",
  specs: [
    {
      pattern: `\\b(?:took|ingested|swallowed|downed)\\s+${AMOUNT}\\s+(?:of\\s+)?(?:[\\w'-]+\\s+){0,3}?${MEDS}\\b`,
      verbal: true,
      // "took 12 tablets a day" is a regimen.
      accept: (m, ctx) => !/^\s+(?:a|per|each|every)\s+(?:day|week)\b|^\s+(?:daily|weekly|as\s+prescribed)\b/i.test(after(m, ctx)),
    },
    {
      pattern: `\\btook\\s+all\\s+(?:of\\s+)?${POSS}\\s+(?:[\\w'-]+\\s+)?${MEDS}\\s+(?:at\\s+once|in\\s+one\\s+go|together|at\\s+the\\s+same\\s+time)\\b`,
      verbal: true,
    },
    {
      pattern: `\\b(?:drank|drink(?:s|ing)?|drunk|swallow(?:s|ed|ing)?|ingest(?:s|ed|ing)?|ate|eat(?:s|ing)?|consum(?:e|es|ed|ing)|took|taken)\\s+(?:[\\w'-]+\\s+){0,3}?${TOXIC}\\b`,
      verbal: true,
      accept: notAccidental,
    },
    {
      pattern: `\\b${TOXIC}\\s+(?:ingestion|poisoning|overdose)\\b|\\bingestion\\s+of\\s+(?:[\\w'-]+\\s+){0,3}?${TOXIC}\\b`,
      accept: notAccidental,
    },
    {
      pattern:
        // Starts at the state, not the finder: "roommate found him..." must not read as the roommate's overdose.
        "\\b(?:unconscious|unresponsive|collapsed|drowsy|semi-?conscious)\\s+(?:with|beside|next\\s+to|surrounded\\s+by)\\s+(?:an?\\s+)?(?:empty|open)\\s+(?:pill|tablet|medication|medicine|paracetamol)\\s+(?:bottles?|packets?|boxes|blister\\s+packs?|containers?)\\b|" +
        "\\bempty\\s+(?:pill|tablet|medication|medicine|paracetamol)\\s+(?:bottles?|packets?|boxes|blister\\s+packs?)\\s+(?:found\\s+)?(?:beside|next\\s+to|around|near)\\s+(?:him|her|them|the\\s+bed)\\b",
    },
    {
      pattern:
        "\\b(?:intentional|deliberate|purposeful|non-?accidental)\\s+(?:self-?poisoning|poisoning|overdose|OD|ingestion|ingestions)\\b|\\b(?:deliberately|intentionally|purposely|purposefully)\\s+(?:overdosed|swallowed|ingested|drank|took\\s+(?:an?\\s+)?overdose)\\b",
    },
    {
      pattern: `\\b(?:swallowed|ingested|took|drank)\\s+(?:[\\w'-]+\\s+){0,4}?(?:on\\s+purpose|deliberately|intentionally)\\b`,
      // Only what can poison or injure: "took the last biscuit on purpose" is not self-harm.
      accept: (m) => new RegExp(`${MEDS}|${TOXIC}|\\boverdose\\b`, "i").test(m[0]),
    },
  ],
};
