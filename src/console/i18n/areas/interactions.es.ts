/** The console's Spanish strings for the interactions area (our own translations): every English id, so a missing one is a type error. */
import type { enInteractions } from "./interactions.en";

export const esInteractions: Record<keyof typeof enInteractions, string> = {
  "interactions.title": "Interacciones farmacológicas",
  "interactions.form": "Comprobar interacciones farmacológicas",
  "interactions.medications": "Medicamentos",
  "interactions.hint":
    "De 2 a {max} nombres, uno por línea o separados por comas: comercial o genérico, con o sin la dosis. Incluya medicamentos sin receta, suplementos, alcohol y otras sustancias.",
  "interactions.submit": "Comprobar interacciones",
  "interactions.tooFew": "indique al menos 2 medicamentos para comprobar (como máximo {max})",
  "interactions.tooMany": "indique como máximo {max} medicamentos por comprobación",
  "interactions.nameTooLong": "el nombre de un medicamento tiene como máximo {max} caracteres",
  "interactions.result": "Resultado",
  "interactions.notChecked": "Sin comprobar: {names}",
  "interactions.notCheckedOne":
    "Este nombre no está en nuestra tabla de interacciones, así que no se comprobó nada para él: consulte otra fuente (un farmacéutico o una referencia completa de interacciones) y revise la ortografía.",
  "interactions.notCheckedMany":
    "Estos nombres no están en nuestra tabla de interacciones, así que no se comprobó nada para ellos: consulte otra fuente (un farmacéutico o una referencia completa de interacciones) y revise la ortografía.",
  "interactions.sameDrugTwo": "El mismo fármaco dos veces: {names} son ambos {generic}.",
  "interactions.sameDrugMany": "El mismo fármaco dos veces: {names} son todos {generic}.",
  "interactions.duplicatedDose": "Compruebe que el paciente no esté tomando una dosis duplicada.",
  "interactions.noneRecognised": "No se reconoció ningún medicamento, así que no se pudo comprobar ningún par.",
  "interactions.oneRecognised": "Solo se reconoció un medicamento, así que no se pudo comprobar ningún par.",
  "interactions.noneFound": "No se encontraron interacciones entre los {recognised} medicamentos reconocidos.",
  "interactions.oneFound": "Se encontró 1 interacción entre los {recognised} medicamentos reconocidos.",
  "interactions.manyFound": "Se encontraron {count} interacciones entre los {recognised} medicamentos reconocidos.",
  "interactions.matching": "Cómo se identificó cada nombre",
  "interactions.entered": "Introducido",
  "interactions.matchedAs": "Identificado como",
  "interactions.checked": "Comprobado",
  "interactions.notInTable": "(no está en la tabla)",
  "interactions.yes": "sí",
  "interactions.notCheckedCell": "sin comprobar",
  "interactions.severity.contraindicated": "Contraindicada",
  "interactions.severity.major": "Grave",
  "interactions.severity.moderate": "Moderada",
  "interactions.severity.minor": "Leve",
  "interactions.effect": "Efecto",
  "interactions.mechanism": "Mecanismo",
  "interactions.management": "Manejo",
  "interactions.reference": "Referencia",
  "interactions.disclaimer":
    "Apoyo a la decisión a partir de una tabla de interacciones frecuentes y graves: que una interacción no figure aquí no prueba que una combinación sea segura.",
};
