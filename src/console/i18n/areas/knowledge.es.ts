/** The console's Spanish strings for the knowledge area (our own translations): every English id, so a missing one is a type error. */
import type { enKnowledge } from "./knowledge.en";

export const esKnowledge: Record<keyof typeof enKnowledge, string> = {
  "knowledge.searchLabel": "Buscar en la base de conocimiento",
  "knowledge.search": "Buscar",
  "knowledge.queryHint": "Palabras, un trastorno o un código como F41.1 o 6B00.",
  "knowledge.type": "Tipo",
  "knowledge.anyType": "Cualquier tipo",
  "knowledge.type.dsm5_criteria": "criterios DSM-5",
  "knowledge.type.treatment_guideline": "guía de tratamiento",
  "knowledge.type.clinical_guideline": "guía clínica",
  "knowledge.type.assessment_tool": "instrumento de evaluación",
  "knowledge.type.reference": "referencia",
  "knowledge.results": "Resultados",
  "knowledge.resultsOne": "{count} resultado",
  "knowledge.resultsMany": "{count} resultados",
  "knowledge.summaryLexical": "{results} (búsqueda de texto completo).",
  "knowledge.summaryHybrid": "{results} (búsqueda de texto completo y semántica).",
  "knowledge.lowCoverage":
    "Cobertura baja: nada en la base de conocimiento se ajusta bien a esta búsqueda; los resultados siguientes son los más cercanos, no una coincidencia.",
  "knowledge.notFound": "Ningún documento de conocimiento tiene ese id.",
};
