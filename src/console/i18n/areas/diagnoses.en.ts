/** The console's English strings for the diagnoses recorded in a client's record. */
export const enDiagnoses = {
  "diagnoses.heading": "Diagnoses",
  "diagnoses.none": "No diagnosis recorded yet.",
  "diagnoses.fromDiagnose": "Record one from a differential on the Diagnose page.",
  "diagnoses.provisional": "Provisional",
  "diagnoses.differential": "Differential",
  "diagnoses.confirmed": "Confirmed",
  "diagnoses.refuted": "Refuted",
  "diagnoses.enteredInError": "Entered in error",
  "diagnoses.recorded": "Recorded {when} UTC.",
  "diagnoses.status": "Status of {condition}",
  "diagnoses.change": "Change status",
} as const;
