/** The console's Spanish strings for downloading a client's record as FHIR (docs/api.md §13). */
import type { enClientFhir } from "./client-fhir.en";

export const esClientFhir: Record<keyof typeof enClientFhir, string> = {
  "clientFhir.download": "Descargar FHIR",
  "clientFhir.hint":
    "El expediente completo como Bundle FHIR R4 (JSON) para importarlo en una historia clínica electrónica; el cliente sigue sin nombre.",
};
