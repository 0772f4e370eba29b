/**
 * Diagnose: a ranked differential grounded in retrieved diagnostic criteria. One use case for
 * every door (the REST route, the console, the MCP tool): policy, AI limit, risk screen,
 * retrieval, then the offline answer or one model call, all inside one audit event.
 */
import type { z } from "zod";
import { answerAuditFacts, answerFrame } from "../grounded-answer/answer-frame";
import { type AnswerEvents, completeAnswer } from "../grounded-answer/complete-answer";
import { groundDifferential } from "../grounded-answer/grounding";
import { coverageNoteFor, riskNoteFor, sourcesBlock } from "../grounded-answer/prompt-parts";
import { retrieveSources } from "../grounded-answer/retrieval";
import { assessCrisis } from "../safety/crisis";
import { clinicalAiAction } from "../use-case/clinical-action";
import type { UseCaseDeps } from "../use-case/deps";
import { offlineDifferential } from "./offline";
import { diagnosisMessages } from "./prompts";
import { type DiagnoseAnswer, type DiagnoseInput, type DifferentialItem, ModelDiagnosis } from "./rag.schemas";

export interface AnswerOptions {
  /** The audit action; each door has its own name (`rag.diagnose`, `mcp.differential_diagnosis`). */
  action: string;
  /** For a door that shows the answer as it is written. */
  events?: AnswerEvents;
}

export function diagnose(
  deps: UseCaseDeps,
  input: z.infer<typeof DiagnoseInput>,
  { action, events }: AnswerOptions,
): Promise<DiagnoseAnswer> {
  const asked = { symptoms_chars: input.symptoms.length, context_chars: input.patient_context?.length ?? 0 };
  return clinicalAiAction(
    deps,
    { action, asked },
    async () => {
      const safety = assessCrisis({ symptoms: input.symptoms, patient_context: input.patient_context }, deps.country);
      const retrieval = await retrieveSources(deps, [input.symptoms, input.patient_context].filter(Boolean).join("\n"));

      const query = { symptoms: input.symptoms, patient_context: input.patient_context ?? null };
      const assemble = (
        differential: Array<z.infer<typeof DifferentialItem>>,
        response: string,
        usage: Parameters<typeof answerFrame>[3],
      ) => ({
        query,
        differential,
        ...answerFrame(retrieval, safety, response, usage),
      });

      if (!deps.ai) {
        const offline = offlineDifferential(retrieval.hits, retrieval.coverage);
        return completeAnswer(deps, retrieval, { offline: assemble(offline.differential, offline.response, null) }, events);
      }
      const request = {
        name: "differential_diagnosis",
        schema: ModelDiagnosis,
        messages: diagnosisMessages(
          input.symptoms,
          input.patient_context,
          sourcesBlock(retrieval.hits),
          riskNoteFor(safety.indicators),
          coverageNoteFor(retrieval.coverage),
        ),
      };
      return completeAnswer(
        deps,
        retrieval,
        {
          ai: deps.ai,
          request,
          assemble: (output, usage) => assemble(groundDifferential(output.differential, retrieval.ids), output.response, usage),
        },
        events,
      );
    },
    answerAuditFacts,
  );
}
