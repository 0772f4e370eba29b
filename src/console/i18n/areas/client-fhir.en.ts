/** The console's English strings for downloading a client's record as FHIR (docs/api.md §13). */
export const enClientFhir = {
  "clientFhir.download": "Download FHIR",
  "clientFhir.hint": "The whole record as a FHIR R4 Bundle (JSON) to import into an electronic health record; the client stays unnamed.",
} as const;
