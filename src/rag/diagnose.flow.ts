/**
 * Diagnose: a ranked differential grounded in retrieved diagnostic criteria. The route's
 * `licensed` guard has already checked the account and licence (one query), so nothing below
 * runs for a caller without access.
 */

import type { Context } from "hono";
import type { z } from "zod";
import type { HasAccount, SignedInContext } from "../auth/guard";
import { enforceAiRateLimit } from "../lib/rate-limits";
import { assessCrisis } from "../safety/crisis";
import { answerFrame, auditAnswer, generateAnswer, sendModelAnswer, sendOfflineAnswer } from "./answer";
import { groundDifferential } from "./grounding";
import { offlineDifferential } from "./offline";
import { coverageNoteFor, diagnosisMessages, riskNoteFor, sourcesBlock } from "./prompts";
import { type DiagnoseAnswer, type DiagnoseInput, type DifferentialItem, ModelDiagnosis } from "./rag.schemas";
import { retrieveSources } from "./retrieval";

/** Everything up to the answer itself: audit, AI limit, risk screen, retrieval; then an offline answer or a model request. */
async function prepareDiagnosis<E extends HasAccount>(c: Context<E>, input: z.infer<typeof DiagnoseInput>, action: string) {
  const { account, ai } = c.var;
  const audited = auditAnswer(c, account.id, action, {
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
    const offline = offlineDifferential(retrieval.hits, retrieval.coverage);
    return { audited, retrieval, offline: assemble(offline.differential, offline.response, null) } as const;
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
  const fromModel = (output: z.infer<typeof ModelDiagnosis>, usage: NonNullable<Parameters<typeof answerFrame>[3]>) =>
    assemble(groundDifferential(output.differential, retrieval.ids), output.response, usage);
  return { audited, retrieval, offline: null, ai, request, fromModel } as const;
}

/** The REST route: JSON, or Server-Sent Events when the client asks for them. */
export async function diagnose(c: SignedInContext, input: z.infer<typeof DiagnoseInput>): Promise<Response> {
  const prepared = await prepareDiagnosis(c, input, "rag.diagnose");
  if (prepared.offline) return sendOfflineAnswer(c, prepared.retrieval, prepared.offline, prepared.audited);
  return sendModelAnswer(c, prepared.ai, prepared.retrieval, prepared.request, prepared.audited, prepared.fromModel);
}

/** The same flow for callers that need the answer itself, never a stream (the MCP tool), audited as `action`. */
export async function diagnosisAnswer<E extends HasAccount>(
  c: Context<E>,
  input: z.infer<typeof DiagnoseInput>,
  action: string,
): Promise<DiagnoseAnswer> {
  const prepared = await prepareDiagnosis(c, input, action);
  if (prepared.offline) {
    prepared.audited.succeeded(prepared.offline);
    return prepared.offline;
  }
  return generateAnswer(c, prepared.ai, prepared.request, prepared.audited, prepared.fromModel);
}
