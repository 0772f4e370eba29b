/** The console's Spanish strings for the safety-plan area (our own translations): every English id, so a missing one is a type error. */
import type { enSafetyPlan } from "./safety-plan.en";

export const esSafetyPlan: Record<keyof typeof enSafetyPlan, string> = {};
