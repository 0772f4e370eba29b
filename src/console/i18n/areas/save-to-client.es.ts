/** The console's Spanish strings for "Save to client…" (our own translations): every English id, so a missing one is a type error. */
import type { enSaveToClient } from "./save-to-client.en";

export const esSaveToClient: Record<keyof typeof enSaveToClient, string> = {
  "js.save.heading": "Guardar en un cliente…",
  "js.save.client": "Cliente",
  "js.save.diagnosis": "Diagnóstico que registrar (provisional)",
  "js.save.button": "Guardar en el cliente",
  "js.save.saving": "Guardando…",
  "js.save.savedDiagnosis": "Registrado como diagnóstico provisional de {client}.",
  "js.save.savedNote": "Guardada como nota en borrador de {client}.",
  "js.save.savedPlan": "Guardado como plan de tratamiento de {client}.",
  "js.save.replacesPlan":
    "Guardar sustituye el plan actual del cliente; los objetivos que no incluya se conservan, marcados como interrumpidos.",
  "js.save.noteDraft": "Se guarda como borrador en el expediente: revísela allí y luego fírmela.",
  "js.save.open": "Abrir el expediente",
  "js.save.failed": "No se pudo guardar ({status}).",
  "js.save.connectionLost": "Se perdió la conexión al guardar; inténtelo de nuevo.",
  "js.save.noClients": "Aún no tiene clientes activos.",
  "js.save.addClient": "Añadir un cliente",
};
