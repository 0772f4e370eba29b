/**
 * Diagnose: a ranked differential grounded in retrieved diagnostic criteria. The route's
 * `licensed` guard has already checked the account and licence (one query), so nothing below
 * runs for a caller without access.
 */
import type { z } from "zod";
import type { SignedInContext } from "../auth/guard";
import { enforceAiRateLimit } from "../lib/rate-limits";
import { assessCrisis } from "../safety/crisis";
import { answerFrame, auditAnswer, sendModelAnswer, sendOfflineAnswer } from "./answer";
import { groundDifferential } from "./grounding";
import { offlineDifferential } from "./offline";
import { diagnosisMessages, riskNoteFor, sourcesBlock } from "./prompts";
import { type DiagnoseInput, type DifferentialItem, ModelDiagnosis } from "./rag.schemas";
import { retrieveSources } from "./retrieval";

export async function diagnose(c: SignedInContext, input: z.infer<typeof DiagnoseInput>): Promise<Response> {
  const { account, ai } = c.var;
  const audited = auditAnswer(c, account.id, "rag.diagnose", {
    symptoms_chars: input.symptoms.length,
    context_chars: input.patient_context?.length ?? 0,
  });
  await enforceAiRateLimit(c, account.id);

  const safety = assessCrisis({ symptoms: input.symptoms, patient_context: input.patient_context });
  const retrieval = await retrieveSources(c, [input.symptoms, input.patient_context].filter(Boolean).join("\n"));

  const query = { symptoms: input.symptoms, patient_context: input.patient_context ?? null };
  const assemble = (differential: Array<z.infer<typeof DifferentialItem>>, response: string, usage: Parameters<typeof answerFrame>[3]) => ({
    query,
    differential,
    ...answerFrame(retrieval, safety, response, usage),
  });

  if (!ai) {
    const offline = offlineDifferential(retrieval.hits);
    return sendOfflineAnswer(c, retrieval, assemble(offline.differential, offline.response, null), audited);
  }
  const request = {
    name: "differential_diagnosis",
    schema: ModelDiagnosis,
    messages: diagnosisMessages(input.symptoms, input.patient_context, sourcesBlock(retrieval.hits), riskNoteFor(safety.indicators)),
  };
  return sendModelAnswer(c, ai, retrieval, request, audited, (output, usage) =>
    assemble(groundDifferential(output.differential, retrieval.ids), output.response, usage),
  );
}
