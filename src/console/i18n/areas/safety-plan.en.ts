/** The console's English (US spelling) strings for the safety-plan area, keyed by message id. */
export const enSafetyPlan = {
  "safetyPlan.title": "Safety plan",
  "safetyPlan.intro":
    "A draft in the steps of the Stanley–Brown Safety Planning Intervention. Each step holds only what the source text says; every other step is left for you to complete with the client.",
  "safetyPlan.source": "Source text",
  "safetyPlan.language": "Client's language",
  "safetyPlan.submit": "Draft safety plan",
  "safetyPlan.heading": "Draft",
  "js.safetyPlan.offline": "Offline mode: no AI model is configured, so the steps quote sentences of the source text.",
  "js.safetyPlan.crisisLines": "Crisis lines",
  "js.safetyPlan.required": "Enter the source text: what the client said, a session note or a transcript.",
  "js.safetyPlan.drafting": "Drafting the safety plan…",
  "js.safetyPlan.ready": "Draft ready: complete the empty steps with the client.",
  "js.safetyPlan.connectionLost": "The connection was lost; try again.",
} as const;
