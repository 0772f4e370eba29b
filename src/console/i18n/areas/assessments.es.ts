/** The console's Spanish strings for the assessments area (our own translations): every English id, so a missing one is a type error. */
import type { enAssessments } from "./assessments.en";

export const esAssessments: Record<keyof typeof enAssessments, string> = {
  "assessments.intro":
    "{count} cuestionarios validados, puntuados con sus rangos y puntos de corte publicados. Un ítem de autolesión positivo (ítem 9 del PHQ-9, ítem 10 de la EPDS, cualquier «sí» en la C-SSRS) muestra el aviso de crisis.",
  "assessments.instruments": "Instrumentos",
  "assessments.askOnlyIf": "(pregunte solo si el ítem {item} es {answer})",
  "assessments.shaded": "sombreada",
  "assessments.alert.phq9":
    "El ítem 9 es positivo: el paciente refiere pensamientos de que estaría mejor muerto o de hacerse daño. Complete hoy una evaluación del riesgo.",
  "assessments.alert.epds":
    "El ítem 10 es positivo: la idea de hacerse daño se ha presentado en la última semana. Complete hoy una evaluación del riesgo.",
  "assessments.alert.cssrs":
    "Una respuesta de la C-SSRS es «sí»: complete hoy una evaluación del riesgo y actúe según el nivel de riesgo del cribado.",
  "assessments.alert.other": "{name}: un ítem de autolesión es positivo. Complete hoy una evaluación del riesgo.",
  "assessments.submit": "Puntuar {name}",
  "assessments.source": "Fuente: {source}",
  "assessments.result": "Resultado",
  "assessments.score": "Puntuación {score} de {max}: {severity}",
  "assessments.positiveScreen": " — cribado positivo",
  "assessments.cutoff": "Punto de corte: {rule}",
  "assessments.subscale": "{name}: {score} de {max}",
  "assessments.met": "Cumplido",
  "assessments.notMet": "No cumplido",
  "assessments.unanswered": "Responda todos los ítems antes de puntuar; sin responder: {items}.",
  "js.assessments.score": "Puntuación {score} de {max}: {severity}.",
  "js.assessments.scoreSoFar": "Puntuación parcial {score} de {max} ({answered} de {items} ítems respondidos): {severity}.",
  "assessments.administeredOn": "Fecha de realización",
};
