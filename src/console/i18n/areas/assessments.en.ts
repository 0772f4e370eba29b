/**
 * The console's English (US spelling) strings for the assessments area, keyed by message id.
 * Only what the console itself writes: the instruments' names, items, answers, bands,
 * interpretations and scoring rules are clinical content from their definitions and stay in English.
 */
export const enAssessments = {
  "assessments.intro":
    "{count} validated questionnaires, scored with their published bands and cut-offs. A positive self-harm item (PHQ-9 item 9, EPDS item 10, any C-SSRS yes) brings the crisis banner.",
  "assessments.instruments": "Instruments",
  "assessments.askOnlyIf": "(ask only if item {item} is {answer})",
  "assessments.shaded": "shaded",
  "assessments.alert.phq9":
    "Item 9 is positive: the patient reports thoughts of being better off dead or of self-harm. Complete a risk assessment today.",
  "assessments.alert.epds":
    "Item 10 is positive: the thought of self-harm has occurred in the past week. Complete a risk assessment today.",
  "assessments.alert.cssrs": "A C-SSRS answer is yes: complete a risk assessment today and act on the screener's risk level.",
  "assessments.alert.other": "{name}: a self-harm item is positive. Complete a risk assessment today.",
  "assessments.submit": "Score {name}",
  "assessments.source": "Source: {source}",
  "assessments.result": "Result",
  "assessments.score": "Score {score} of {max}: {severity}",
  "assessments.positiveScreen": " — a positive screen",
  "assessments.cutoff": "Cut-off: {rule}",
  "assessments.subscale": "{name}: {score} of {max}",
  "assessments.met": "Met",
  "assessments.notMet": "Not met",
  "assessments.unanswered": "Answer every item before scoring; unanswered: {items}.",
  "js.assessments.score": "Score {score} of {max}: {severity}.",
  "js.assessments.scoreSoFar": "Score so far {score} of {max} ({answered} of {items} items answered): {severity}.",
  "assessments.administeredOn": "Date completed",
} as const;
