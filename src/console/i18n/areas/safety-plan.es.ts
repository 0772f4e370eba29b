/** The console's Spanish strings for the safety-plan area (our own translations): every English id, so a missing one is a type error. */
import type { enSafetyPlan } from "./safety-plan.en";

export const esSafetyPlan: Record<keyof typeof enSafetyPlan, string> = {
  "safetyPlan.title": "Plan de seguridad",
  "safetyPlan.intro":
    "Un borrador con los pasos de la Intervención de Planificación de Seguridad de Stanley y Brown. Cada paso contiene solo lo que dice el texto de origen; los demás pasos quedan para que usted los complete con el cliente.",
  "safetyPlan.source": "Texto de origen",
  "safetyPlan.language": "Idioma del cliente",
  "safetyPlan.submit": "Redactar el plan de seguridad",
  "safetyPlan.heading": "Borrador",
  "js.safetyPlan.offline": "Modo sin conexión: no hay ningún modelo de IA configurado, así que los pasos citan frases del texto de origen.",
  "js.safetyPlan.crisisLines": "Líneas de crisis",
  "js.safetyPlan.required": "Introduzca el texto de origen: lo que dijo el cliente, una nota de sesión o una transcripción.",
  "js.safetyPlan.drafting": "Redactando el plan de seguridad…",
  "js.safetyPlan.ready": "Borrador listo: complete con el cliente los pasos vacíos.",
  "js.safetyPlan.connectionLost": "Se perdió la conexión; inténtelo de nuevo.",
};
