/** The console's Spanish strings for the notes area (our own translations): every English id, so a missing one is a type error. */
import type { enNotes } from "./notes.en";

export const esNotes: Record<keyof typeof enNotes, string> = {
  "notes.format": "Formato",
  "notes.text": "Texto de la sesión o transcripción",
  "notes.clientContext": "Contexto del cliente",
  "notes.generate": "Generar la nota",
  "notes.heading": "Nota",
  "js.notes.offline": "Modo sin conexión: no hay ningún modelo de IA configurado, así que las secciones citan el texto de origen.",
  "js.notes.section.subjective": "Subjetivo",
  "js.notes.section.objective": "Objetivo",
  "js.notes.section.assessment": "Evaluación",
  "js.notes.section.plan": "Plan",
  "js.notes.section.data": "Datos",
  "js.notes.section.behavior": "Conducta",
  "js.notes.section.intervention": "Intervención",
  "js.notes.section.response": "Respuesta",
  "js.notes.risk": "Riesgo",
  "js.notes.unsupported": "Afirmaciones sin respaldo",
  "js.notes.unsupportedNote":
    "Ninguna parte del texto de origen respalda estas afirmaciones, así que no están en la nota. Añada una solo si sabe que es cierta.",
  "js.notes.sourceText": "Texto de origen",
  "js.notes.sourceHint": "Pase el puntero por una afirmación o enfóquela para marcar las palabras del texto de origen en que se basa.",
  "js.notes.statementSource": "Origen: {quote}",
  "js.notes.codes": "Códigos sugeridos",
  "js.notes.required": "Introduzca el texto de la sesión o una transcripción.",
  "js.notes.writing": "Redactando la nota…",
  "js.notes.ready": "Nota lista.",
  "js.notes.connectionLost": "Se perdió la conexión; inténtelo de nuevo.",
  "notes.yourTemplates": "Sus plantillas",
};
