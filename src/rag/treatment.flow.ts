/**
 * Treatment: an evidence-graded plan grounded in retrieved treatment guidelines, one use case for
 * every door. Medication considerations are for prescribers (policy `medication`), online and
 * offline: the model is not even asked for them otherwise.
 */
import type { z } from "zod";
import type { UserRow } from "../auth/auth.table";
import { answerAuditFacts, answerFrame } from "../grounded-answer/answer-frame";
import { completeAnswer } from "../grounded-answer/complete-answer";
import { keepRetrieved } from "../grounded-answer/grounding";
import { coverageNoteFor, riskNoteFor, sourcesBlock } from "../grounded-answer/prompt-parts";
import { retrieveSources } from "../grounded-answer/retrieval";
import { may } from "../policy/policy";
import { assessCrisis } from "../safety/crisis";
import { clinicalAiAction } from "../use-case/clinical-action";
import type { UseCaseDeps } from "../use-case/deps";
import type { AnswerOptions } from "./diagnose.flow";
import { offlineTreatmentPlan } from "./offline";
import { reviewDate } from "./plan-template";
import { treatmentMessages } from "./prompts";
import {
  ModelTreatment,
  ModelTreatmentWithoutMedication,
  type TreatmentAnswer,
  type TreatmentInput,
  type TreatmentPlan,
} from "./rag.schemas";

type Plan = z.infer<typeof TreatmentPlan>;

function visibleTo(account: UserRow, plan: Plan): Plan {
  if (may(account, "medication")) return plan;
  const { medication_considerations: _hidden, ...rest } = plan;
  return rest;
}

export function recommendTreatment(
  deps: UseCaseDeps,
  input: z.infer<typeof TreatmentInput>,
  { action, events }: AnswerOptions,
): Promise<z.infer<typeof TreatmentAnswer>> {
  const { account } = deps;
  const asked = { diagnosis_chars: input.diagnosis.length, context_chars: input.patient_context?.length ?? 0 };
  return clinicalAiAction(
    deps,
    { action, asked },
    async () => {
      const safety = assessCrisis({ diagnosis: input.diagnosis, patient_context: input.patient_context }, deps.country);
      const question = [input.diagnosis, input.patient_context].filter(Boolean).join("\n");
      const retrieval = await retrieveSources(deps, question, "treatment_guideline");

      const query = { diagnosis: input.diagnosis, patient_context: input.patient_context ?? null };
      const assemble = (plan: Plan, response: string, usage: Parameters<typeof answerFrame>[3]) => ({
        query,
        treatment_plan: visibleTo(account, plan),
        ...answerFrame(retrieval, safety, response, usage),
      });

      if (!deps.ai) {
        const offline = offlineTreatmentPlan(retrieval.hits, input.diagnosis, retrieval.coverage);
        return completeAnswer(deps, retrieval, { offline: assemble(offline.treatment_plan, offline.response, null) }, events);
      }
      const prescriber = may(account, "medication");
      const request = {
        name: "treatment_plan",
        schema: prescriber ? ModelTreatment : ModelTreatmentWithoutMedication,
        messages: treatmentMessages(
          input.diagnosis,
          input.patient_context,
          sourcesBlock(retrieval.hits),
          riskNoteFor(safety.indicators),
          prescriber,
          coverageNoteFor(retrieval.coverage),
        ),
      };
      const cited = <T>(items: T[], key: keyof T) =>
        items.map((item) => ({ ...item, [key]: keepRetrieved(item[key] as string[], retrieval.ids) }));
      return completeAnswer(
        deps,
        retrieval,
        {
          ai: deps.ai,
          request,
          assemble: (output, usage) => {
            const { review_after_weeks, ...plan } = output.treatment_plan;
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
          },
        },
        events,
      );
    },
    answerAuditFacts,
  );
}
