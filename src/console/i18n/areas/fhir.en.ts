/** The console's English strings for "Download FHIR" beside "Export PDF" (downloadFhir in public/app/assets/answer.js). */
export const enFhir = {
  "js.fhir.button": "Download FHIR",
  "js.fhir.preparing": "Preparing the FHIR file…",
  "js.fhir.failed": "The FHIR download failed ({status}).",
  "js.fhir.downloaded": "Downloaded {name}: a FHIR R4 Bundle for your health record system; link its unidentified patient there.",
  "js.fhir.connectionLost": "The connection was lost while preparing the FHIR file; try again.",
} as const;
