/**
 * The console's English (US spelling) strings for the interactions area, keyed by message id.
 * (The API's `recognised` field keeps its contract spelling; its sentences are US spelling.) The
 * interactions' effect, mechanism, management and reference are clinical content, in English.
 */
export const enInteractions = {
  "interactions.title": "Drug interactions",
  "interactions.form": "Check drug interactions",
  "interactions.medications": "Medications",
  "interactions.hint":
    "2 to {max} names, one per line or separated by commas: brand or generic, with or without the dose. Include over-the-counter medicines, supplements, alcohol and other substances.",
  "interactions.submit": "Check interactions",
  "interactions.tooFew": "list at least 2 medications to check (at most {max})",
  "interactions.tooMany": "list at most {max} medications per check",
  "interactions.nameTooLong": "a medication name has at most {max} characters",
  "interactions.result": "Result",
  "interactions.notChecked": "Not checked: {names}",
  "interactions.notCheckedOne":
    "This name is not in our interaction table, so nothing was checked for it: check another source (a pharmacist or a full interaction reference), and check the spelling.",
  "interactions.notCheckedMany":
    "These names are not in our interaction table, so nothing was checked for them: check another source (a pharmacist or a full interaction reference), and check the spelling.",
  "interactions.sameDrugTwo": "Same drug twice: {names} are both {generic}.",
  "interactions.sameDrugMany": "Same drug twice: {names} are all {generic}.",
  "interactions.duplicatedDose": "Check that the patient is not taking a duplicated dose.",
  "interactions.noneRecognised": "No medication was recognized, so no pair could be checked.",
  "interactions.oneRecognised": "Only one medication was recognized, so no pair could be checked.",
  "interactions.noneFound": "No interactions found among the {recognised} recognized medications.",
  "interactions.oneFound": "1 interaction found among the {recognised} recognized medications.",
  "interactions.manyFound": "{count} interactions found among the {recognised} recognized medications.",
  "interactions.matching": "How each name was matched",
  "interactions.entered": "Entered",
  "interactions.matchedAs": "Matched as",
  "interactions.checked": "Checked",
  "interactions.notInTable": "(not in the table)",
  "interactions.yes": "yes",
  "interactions.notCheckedCell": "not checked",
  "interactions.severity.contraindicated": "Contraindicated",
  "interactions.severity.major": "Major",
  "interactions.severity.moderate": "Moderate",
  "interactions.severity.minor": "Minor",
  "interactions.effect": "Effect",
  "interactions.mechanism": "Mechanism",
  "interactions.management": "Management",
  "interactions.reference": "Reference",
  "interactions.disclaimer":
    "Decision support from a table of common and serious interactions: an interaction not listed here is not proof that a combination is safe.",
} as const;
