/**
 * Treatment: an evidence-graded plan grounded in retrieved treatment guidelines. Medication
 * considerations are for prescribers (psychiatrists and admins) only, online and offline. The
 * route's `licensed` guard has already checked the account and licence.
 */
import type { z } from "zod";
import type { UserRow } from "../auth/auth.table";
import type { SignedInContext } from "../auth/guard";
import { enforceAiRateLimit } from "../lib/rate-limits";
import { assessCrisis } from "../safety/crisis";
import { answerFrame, auditAnswer, sendModelAnswer, sendOfflineAnswer } from "./answer";
import { keepRetrieved } from "./grounding";
import { offlineTreatmentPlan } from "./offline";
import { reviewDate } from "./plan-template";
import { coverageNoteFor, riskNoteFor, sourcesBlock, treatmentMessages } from "./prompts";
import { ModelTreatment, ModelTreatmentWithoutMedication, type TreatmentInput, type TreatmentPlan } from "./rag.schemas";
import { retrieveSources } from "./retrieval";

type Plan = z.infer<typeof TreatmentPlan>;

/** Prescribing considerations are for prescribers: psychiatrists, and admins. */
export const canSeeMedication = (account: Pick<UserRow, "role">) => account.role === "psychiatrist" || account.role === "admin";

function visibleTo(account: UserRow, plan: Plan): Plan {
  if (canSeeMedication(account)) return plan;
  const { medication_considerations: _hidden, ...rest } = plan;
  return rest;
}

export async function recommendTreatment(c: SignedInContext, input: z.infer<typeof TreatmentInput>): Promise<Response> {
  const { account, ai } = c.var;
  const audited = auditAnswer(c, account.id, "rag.treatment", {
    diagnosis_chars: input.diagnosis.length,
    context_chars: input.patient_context?.length ?? 0,
  });
  await enforceAiRateLimit(c, account.id);

  const safety = assessCrisis({ diagnosis: input.diagnosis, patient_context: input.patient_context });
  const retrieval = await retrieveSources(c, [input.diagnosis, input.patient_context].filter(Boolean).join("\n"), "treatment_guideline");

  const query = { diagnosis: input.diagnosis, patient_context: input.patient_context ?? null };
  const assemble = (plan: Plan, response: string, usage: Parameters<typeof answerFrame>[3]) => ({
    query,
    treatment_plan: visibleTo(account, plan),
    ...answerFrame(retrieval, safety, response, usage),
  });

  if (!ai) {
    const offline = offlineTreatmentPlan(retrieval.hits, input.diagnosis, retrieval.coverage);
    return sendOfflineAnswer(c, retrieval, assemble(offline.treatment_plan, offline.response, null), audited);
  }
  const request = {
    name: "treatment_plan",
    schema: canSeeMedication(account) ? ModelTreatment : ModelTreatmentWithoutMedication,
    messages: treatmentMessages(
      input.diagnosis,
      input.patient_context,
      sourcesBlock(retrieval.hits),
      riskNoteFor(safety.indicators),
      canSeeMedication(account),
      coverageNoteFor(retrieval.coverage),
    ),
  };
  return sendModelAnswer(c, ai, retrieval, request, audited, (output, usage) => {
    const { review_after_weeks, ...plan } = output.treatment_plan;
    const cited = <T>(items: T[], key: keyof T) =>
      items.map((item) => ({ ...item, [key]: keepRetrieved(item[key] as string[], retrieval.ids) }));
    return assemble(
      {
        ...plan,
        modalities: cited(plan.modalities, "supporting_sources"),
        problems: cited(plan.problems, "supporting_sources"),
        interventions: cited(plan.interventions, "citations"),
        review_date: reviewDate(review_after_weeks),
      },
      output.response,
      usage,
    );
  });
}
