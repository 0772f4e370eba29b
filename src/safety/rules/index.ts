/** The rule lexicon, compiled once per isolate, in a fixed order (the engine's tie-breaks depend on it). */
import type { CrisisCategory } from "../types";
import { ABUSE } from "./abuse";
import { ABUSE_DISCLOSURES } from "./abuse-disclosures";
import { HOMICIDAL_IDEATION } from "./homicidal-ideation";
import { PSYCHOSIS_WITH_DANGER } from "./psychosis";
import type { CategoryRules, Rule, RuleSpec } from "./rule";
import { SELF_HARM } from "./self-harm";
import { SELF_POISONING } from "./self-poisoning";
import { SUICIDAL_IDEATION } from "./suicidal-ideation";
import { SUICIDE_PREPARATION } from "./suicide-preparation";
import { SUICIDE_WARNING_SIGNS } from "./suicide-warning-signs";

export { DANGER } from "./psychosis";
export type { Rule, RuleContext } from "./rule";

export const RULE_SETS: CategoryRules[] = [
  SUICIDAL_IDEATION,
  SUICIDE_WARNING_SIGNS,
  SUICIDE_PREPARATION,
  SELF_HARM,
  SELF_POISONING,
  HOMICIDAL_IDEATION,
  ABUSE,
  ABUSE_DISCLOSURES,
  PSYCHOSIS_WITH_DANGER,
];

function compile(category: CrisisCategory, spec: RuleSpec): Rule {
  return {
    category,
    re: new RegExp(spec.pattern, spec.caseSensitive ? "g" : "gi"),
    verbal: spec.verbal ?? false,
    // A relative's suicide or self-harm is family history; abuse and psychosis count whoever's they are.
    patientOnly: spec.patientOnly ?? (category !== "abuse" && category !== "psychosis_with_danger"),
    accept: spec.accept,
  };
}

export const RULES: Rule[] = RULE_SETS.flatMap(({ category, specs }) => specs.map((spec) => compile(category, spec)));
