/** The console's English strings for "Save to client…" under answers (public/app/assets/save-to-client.js). */
export const enSaveToClient = {
  "js.save.heading": "Save to client…",
  "js.save.client": "Client",
  "js.save.diagnosis": "Diagnosis to record (provisional)",
  "js.save.button": "Save to client",
  "js.save.saving": "Saving…",
  "js.save.savedDiagnosis": "Recorded as a provisional diagnosis for {client}.",
  "js.save.savedNote": "Saved as a draft note for {client}.",
  "js.save.savedPlan": "Saved as the treatment plan of {client}.",
  "js.save.replacesPlan": "Saving replaces the client's current plan; goals it leaves out are kept, marked discontinued.",
  "js.save.noteDraft": "Saved as a draft in the record: review it there, then sign it.",
  "js.save.open": "Open the record",
  "js.save.failed": "Saving failed ({status}).",
  "js.save.connectionLost": "The connection was lost while saving; try again.",
  "js.save.noClients": "You have no active clients yet.",
  "js.save.addClient": "Add a client",
} as const;
