/** The console's Spanish strings for the assessments area (our own translations): every English id, so a missing one is a type error. */
import type { enAssessments } from "./assessments.en";

export const esAssessments: Record<keyof typeof enAssessments, string> = {};
