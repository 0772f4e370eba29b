/**
 * The diagnose and treatment flows: the route's guard has already checked the caller's account
 * and licence (one query), so no AI call is made for a caller without access; then embed the query
 * (one AI call), retrieve (one query), then one structured chat completion, or an extractive
 * answer offline. Every answer carries the safety block and is audited.
 */
import type { Context } from "hono";
import { audit } from "../audit/audit";
import type { AuditDetail } from "../audit/audit-detail";
import type { AppEnv } from "../env";
import type { KnowledgeType } from "../knowledge/knowledge.schema";
import { queryEmbedding } from "../knowledge/query-embedding";
import { type SearchHit, searchStatement, toSearchHits } from "../knowledge/search";
import { enforceRateLimit } from "../lib/rate-limit";
import type { SafetyBlock } from "../safety/crisis";
import type { Usage } from "./generate";
import { DISCLAIMER } from "./prompts";

const SOURCES_PER_ANSWER = 8;

export interface Retrieval {
  hits: SearchHit[];
  ids: Set<string>;
  mode: "hybrid" | "lexical";
}

/** Snippets are only shown by offline answers; a model-backed answer quotes whole passages. */
export async function retrieve(c: Context<AppEnv>, text: string, type?: KnowledgeType): Promise<Retrieval> {
  const embedding = await queryEmbedding(c, text);
  const result = await searchStatement(c.var.db, { query: text, embedding, type, limit: SOURCES_PER_ANSWER, snippets: !c.var.ai, documentText: !c.var.ai && type === "treatment_guideline" });
  const hits = toSearchHits(result);
  return { hits, ids: new Set(hits.map((hit) => hit.id)), mode: embedding ? "hybrid" : "lexical" };
}

/** The AI routes' per-user limit (shared/API.md §2: 10/min), keyed by the token's subject. */
export function enforceAiRateLimit(c: Context<AppEnv>) {
  return enforceRateLimit(c.env.AI_LIMITER, `ai:${c.get("claims").sub}`, "AI");
}

export function answerFrame(retrieval: Retrieval, safety: SafetyBlock, response: string, usage: Usage | null) {
  return {
    status: "success" as const,
    ai_response: {
      response,
      model_used: usage?.model ?? "retrieval-only",
      prompt_tokens: usage?.promptTokens ?? 0,
      completion_tokens: usage?.completionTokens ?? 0,
      mode: usage ? ("llm" as const) : ("offline" as const),
    },
    retrieved_sources: retrieval.hits.map(({ id, title, type, dsm5_code, icd11_code, score }) => ({ id, title, type, dsm5_code, icd11_code, score })),
    safety,
    disclaimer: DISCLAIMER,
  };
}

export interface AuditedAnswer {
  ai_response: { model_used: string; prompt_tokens: number; completion_tokens: number; mode: "llm" | "offline" };
  retrieved_sources: Array<{ id: string }>;
}

/**
 * A deferred audit event for a clinical AI action: who, outcome, model, tokens, latency, the
 * cited source ids and the sizes of what was asked (`request`), never the text of either side.
 */
export function auditAnswer(c: Context<AppEnv>, action: string, started: number, request: AuditDetail, answer: AuditedAnswer | null, outcome: "success" | "failure" = "success", error?: string) {
  audit(c, {
    userId: c.get("claims").sub,
    action,
    outcome,
    latencyMs: Date.now() - started,
    model: answer?.ai_response.mode === "llm" ? answer.ai_response.model_used : null,
    promptTokens: answer?.ai_response.prompt_tokens ?? null,
    completionTokens: answer?.ai_response.completion_tokens ?? null,
    detail: { ...request, ...(answer ? { mode: answer.ai_response.mode, sources: answer.retrieved_sources.map((s) => s.id) } : {}), ...(error ? { error } : {}) },
  });
}
