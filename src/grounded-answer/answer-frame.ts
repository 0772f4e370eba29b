/**
 * The fields every grounded answer has: model usage, the retrieved sources, coverage, the safety
 * block with the server's risk section first, the disclaimer; and what its audit event records.
 */
import type { Usage } from "../ai/structured";
import type { AuditFacts } from "../audit/audited";
import type { SafetyBlock } from "../safety/crisis";
import { withRiskFirst } from "../safety/risk-section";
import { DISCLAIMER } from "./prompt-parts";
import type { Retrieval } from "./retrieval";

/** The retrieved sources as an answer lists them (and its `sources` event sends them first). */
export function retrievedSources(retrieval: Retrieval) {
  return retrieval.hits.map(({ id, title, type, dsm5_code, icd11_code, score }) => ({ id, title, type, dsm5_code, icd11_code, score }));
}

/** The fields every answer has; the model's (or the offline) `response` gets the risk section first. */
export function answerFrame(retrieval: Retrieval, safety: SafetyBlock, response: string, usage: Usage | null) {
  return {
    status: "success" as const,
    ai_response: {
      response: withRiskFirst(response, safety),
      model_used: usage?.model ?? "retrieval-only",
      prompt_tokens: usage?.promptTokens ?? 0,
      completion_tokens: usage?.completionTokens ?? 0,
      mode: usage ? ("llm" as const) : ("offline" as const),
    },
    retrieved_sources: retrievedSources(retrieval),
    coverage: retrieval.coverage,
    safety,
    disclaimer: DISCLAIMER,
  };
}

export type AnswerFrame = ReturnType<typeof answerFrame>;

/** A grounded answer's audit facts: model, tokens, mode and the cited source ids, never the text of either side. */
export function answerAuditFacts(answer: Pick<AnswerFrame, "ai_response" | "retrieved_sources">): AuditFacts {
  const { ai_response: usage } = answer;
  return {
    model: usage.mode === "llm" ? usage.model_used : null,
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    detail: { mode: usage.mode, sources: answer.retrieved_sources.map((source) => source.id) },
  };
}
