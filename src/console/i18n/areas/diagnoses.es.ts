/** The console's Spanish strings for recorded diagnoses (our own translations): every English id, so a missing one is a type error. */
import type { enDiagnoses } from "./diagnoses.en";

export const esDiagnoses: Record<keyof typeof enDiagnoses, string> = {
  "diagnoses.heading": "Diagnósticos",
  "diagnoses.none": "Aún no hay ningún diagnóstico registrado.",
  "diagnoses.fromDiagnose": "Registre uno desde un diagnóstico diferencial en la página Diagnóstico.",
  "diagnoses.provisional": "Provisional",
  "diagnoses.differential": "Diferencial",
  "diagnoses.confirmed": "Confirmado",
  "diagnoses.refuted": "Descartado",
  "diagnoses.enteredInError": "Registrado por error",
  "diagnoses.recorded": "Registrado el {when} UTC.",
  "diagnoses.status": "Estado de {condition}",
  "diagnoses.change": "Cambiar el estado",
};
