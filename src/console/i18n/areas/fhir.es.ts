/** The console's Spanish strings for "Download FHIR" (our own translations): every English id, so a missing one is a type error. */
import type { enFhir } from "./fhir.en";

export const esFhir: Record<keyof typeof enFhir, string> = {
  "js.fhir.button": "Descargar FHIR",
  "js.fhir.preparing": "Preparando el archivo FHIR…",
  "js.fhir.failed": "No se pudo descargar el archivo FHIR ({status}).",
  "js.fhir.downloaded":
    "Descargado {name}: un Bundle FHIR R4 para su sistema de historia clínica; vincule allí su paciente no identificado.",
  "js.fhir.connectionLost": "Se perdió la conexión al preparar el archivo FHIR; inténtelo de nuevo.",
};
