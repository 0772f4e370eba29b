/** Psychosis with danger: command hallucinations, and paranoia or delusions alongside a weapon or a plan to act. */
import { REFLEX } from "../lexicon";
import type { CategoryRules } from "./rule";

/** A weapon, or a plan to act: what turns paranoia into danger when it is in the same sentence. */
export const DANGER = new RegExp(
  "\\b(?:guns?|firearms?|rifles?|pistols?|handguns?|shotguns?|revolvers?|knife|knives|machete|weapons?|armed|arming|ammunition|ammo|baseball\\s+bat|" +
    "(?:plan(?:s|ned|ning)?|going|intends?|intending|wants?|threaten(?:s|ed|ing)?|prepared|ready|preparing)\\s+to\\s+(?:confront|attack|kill|hurt|harm|shoot|stab|retaliate|get\\s+(?:them|him|her)|defend|protect|strike|fight|burn)|" +
    `get\\s+(?:them|him|her)\\s+(?:first|before)|retaliat(?:e|ion|ing)|(?:defend|protect)\\s+${REFLEX})\\b`,
  "gi",
);

export const PSYCHOSIS_WITH_DANGER: CategoryRules = {
  category: "psychosis_with_danger",
  specs: [
    // Command hallucinations are flagged whatever they command: the content is rarely benign and is
    // the clinician's to establish.
    { pattern: "\\bcommand(?:ing)?\\s+(?:type\\s+)?(?:auditory\\s+)?(?:hallucinations?|AH|voices?)\\b" },
    {
      pattern:
        "\\b(?:voices?|AH|auditory\\s+hallucinations?|hallucinations?|(?:hears?|hearing|heard|believes|convinced)\\s+(?:that\\s+)?(?:god|the\\s+devil|satan|demons?|angels?|spirits?))\\b[^.;]{0,40}?\\b(?:tell(?:s|ing)?|told|say(?:s|ing)?|said|command(?:s|ed|ing)?|order(?:s|ed|ing)?|instruct(?:s|ed|ing)?|urg(?:e|es|ed|ing)|direct(?:s|ed|ing)?|want(?:s|ed)?|encourag(?:e|es|ed|ing))\\b[^.;]{0,40}?\\b(?:to|should|must|deserves?\\s+to|has\\s+to|have\\s+to|needs?\\s+to|ought\\s+to)\\s+(?:(?:go|just|really)\\s+)?(?:hurt|harm|kill|stab|shoot|attack|murder|strangle|poison|jump|cut|burn|hang|die|drown|end|sacrifice)\\b",
    },
    // Paranoia or delusions only count with a weapon or a plan to act in the same sentence.
    {
      pattern:
        "\\b(?:paranoi(?:a|d)|persecutory|delusion(?:s|al)?|believes\\s+(?:that\\s+)?(?:\\w+\\s+){0,4}?(?:is|are)\\s+(?:poisoning|following|watching|spying|plotting|after\\s+(?:him|her|them)|out\\s+to\\s+get|trying\\s+to\\s+(?:kill|hurt|harm|poison)))\\b",
      accept: (_m, ctx) => ctx.dangerInSentence,
    },
  ],
};
