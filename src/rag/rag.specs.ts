/** What differs between the diagnose and the treatment answer. */
import type { UserRow } from "../auth/auth.schema";
import { groundDifferential, keepRetrieved } from "./generate";
import { offlineDifferential, offlineTreatmentPlan } from "./offline";
import { diagnosisMessages, riskNoteFor, sourcesBlock, treatmentMessages } from "./prompts";
import type { z } from "zod";
import { type DiagnoseInput as DiagnoseInputSchema, ModelDiagnosis, ModelTreatment, type TreatmentInput as TreatmentInputSchema, type TreatmentPlan } from "./rag.schemas";
import type { RagSpec } from "./rag.flow";

type DiagnoseInput = z.infer<typeof DiagnoseInputSchema>;
type TreatmentInput = z.infer<typeof TreatmentInputSchema>;

/** Prescribing considerations are for prescribers: psychiatrists, and admins. */
export const canSeeMedication = (user: Pick<UserRow, "role">) => user.role === "psychiatrist" || user.role === "admin";

export const diagnoseSpec: RagSpec<DiagnoseInput, typeof ModelDiagnosis, { differential: ReturnType<typeof offlineDifferential>["differential"] }> = {
  action: "rag.diagnose",
  query: (input) => ({ symptoms: input.symptoms, patient_context: input.patient_context ?? null }),
  auditFacts: (input) => ({ symptoms_chars: input.symptoms.length, context_chars: input.patient_context?.length ?? 0 }),
  retrievalText: (input) => [input.symptoms, input.patient_context].filter(Boolean).join("\n"),
  structured: (input, retrieval, safety) => ({
    name: "differential_diagnosis",
    schema: ModelDiagnosis,
    messages: diagnosisMessages(input.symptoms, input.patient_context, sourcesBlock(retrieval.hits), riskNoteFor(safety.indicators)),
  }),
  fromModel: (output, retrieval) => ({
    response: output.response,
    part: {
      differential: groundDifferential(output.differential, retrieval.ids),
    },
  }),
  offline: (retrieval) => {
    const { differential, response } = offlineDifferential(retrieval.hits);
    return { part: { differential }, response };
  },
};

type Plan = z.infer<typeof TreatmentPlan>;

function withoutMedication(plan: Plan, user: UserRow): Plan {
  if (canSeeMedication(user)) return plan;
  const { medication_considerations: _hidden, ...rest } = plan;
  return rest;
}

export const treatmentSpec: RagSpec<TreatmentInput, typeof ModelTreatment, { treatment_plan: Plan }> = {
  action: "rag.treatment",
  retrievalType: "treatment_guideline",
  query: (input) => ({ diagnosis: input.diagnosis, patient_context: input.patient_context ?? null }),
  auditFacts: (input) => ({ diagnosis_chars: input.diagnosis.length, context_chars: input.patient_context?.length ?? 0 }),
  retrievalText: (input) => [input.diagnosis, input.patient_context].filter(Boolean).join("\n"),
  structured: (input, retrieval, safety, user) => ({
    name: "treatment_plan",
    schema: ModelTreatment,
    messages: treatmentMessages(input.diagnosis, input.patient_context, sourcesBlock(retrieval.hits), riskNoteFor(safety.indicators), canSeeMedication(user)),
  }),
  fromModel: (output, retrieval, user) => ({
    response: output.response,
    part: {
      treatment_plan: withoutMedication(
        { ...output.treatment_plan, modalities: output.treatment_plan.modalities.map((m) => ({ ...m, supporting_sources: keepRetrieved(m.supporting_sources, retrieval.ids) })) },
        user,
      ),
    },
  }),
  offline: (retrieval, user) => {
    const { treatment_plan, response } = offlineTreatmentPlan(retrieval.hits);
    return { part: { treatment_plan: withoutMedication(treatment_plan, user) }, response };
  },
};
