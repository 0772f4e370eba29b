/**
 * The steps every grounded answer ends with: assemble the common frame (model usage, sources,
 * safety with the server's risk section first, disclaimer), audit it, and send it as JSON or as
 * Server-Sent Events (`sources`, `delta`…, then `done` with the answer, or `error` with a problem).
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type OpenAI from "openai";
import type { z } from "zod";
import { aiProblem } from "../ai/errors";
import { ClientDisconnected, generateStructured, type StructuredRequest, streamStructured, type Usage } from "../ai/structured";
import { audit } from "../audit/audit";
import type { AuditDetail } from "../audit/audit-detail";
import type { AppEnv } from "../env";
import { log } from "../lib/log";
import { problemBody } from "../lib/problem";
import type { SafetyBlock } from "../safety/crisis";
import { withRiskFirst } from "../safety/risk-section";
import { DISCLAIMER } from "./prompts";
import type { Retrieval } from "./retrieval";

/** The retrieved sources as an answer lists them (and its `sources` event sends them first). */
function retrievedSources(retrieval: Retrieval) {
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

export interface AnswerAudit {
  succeeded(answer: Pick<AnswerFrame, "ai_response" | "retrieved_sources">): void;
  failed(code: string): void;
}

/**
 * A deferred audit event for a clinical AI action: who, outcome, model, tokens, latency, the
 * cited source ids and the sizes of what was asked (`asked`), never the text of either side.
 */
export function auditAnswer<E extends AppEnv>(c: Context<E>, accountId: string, action: string, asked: AuditDetail): AnswerAudit {
  const started = Date.now();
  const write = (outcome: "success" | "failure", answer: Pick<AnswerFrame, "ai_response" | "retrieved_sources"> | null, error?: string) =>
    audit(c, {
      userId: accountId,
      action,
      outcome,
      latencyMs: Date.now() - started,
      model: answer?.ai_response.mode === "llm" ? answer.ai_response.model_used : null,
      promptTokens: answer?.ai_response.prompt_tokens ?? null,
      completionTokens: answer?.ai_response.completion_tokens ?? null,
      detail: {
        ...asked,
        ...(answer ? { mode: answer.ai_response.mode, sources: answer.retrieved_sources.map((s) => s.id) } : {}),
        ...(error ? { error } : {}),
      },
    });
  return { succeeded: (answer) => write("success", answer), failed: (code) => write("failure", null, code) };
}

function wantsEventStream<E extends AppEnv>(c: Context<E>): boolean {
  return /\btext\/event-stream\b/i.test(c.req.header("Accept") ?? "");
}

function sourcesEvent(retrieval: Retrieval) {
  return {
    event: "sources",
    data: JSON.stringify({ mode: retrieval.mode, coverage: retrieval.coverage, sources: retrievedSources(retrieval) }),
  };
}

/** An answer built without the model (offline mode): audited, then sent as JSON or as one-delta SSE. */
export function sendOfflineAnswer<E extends AppEnv>(
  c: Context<E>,
  retrieval: Retrieval,
  answer: AnswerFrame,
  audited: AnswerAudit,
): Response {
  audited.succeeded(answer);
  if (!wantsEventStream(c)) return c.json(answer, 200);
  return streamSSE(c, async (stream) => {
    await stream.writeSSE(sourcesEvent(retrieval));
    await stream.writeSSE({ event: "delta", data: JSON.stringify({ text: answer.ai_response.response }) });
    await stream.writeSSE({ event: "done", data: JSON.stringify(answer) });
  });
}

/**
 * Asks the model (one structured chat completion) and returns the answer `assemble` builds from
 * its validated output, audited; a failure is audited and thrown as a 502/503/504 problem.
 */
export async function generateAnswer<E extends AppEnv, T extends z.ZodType, A extends AnswerFrame>(
  c: Context<E>,
  ai: OpenAI,
  request: StructuredRequest<T>,
  audited: AnswerAudit,
  assemble: (output: z.infer<T>, usage: Usage) => A,
): Promise<A> {
  try {
    const { output, usage } = await generateStructured(ai, c.var.settings.ai, request);
    const answer = assemble(output, usage);
    audited.succeeded(answer);
    return answer;
  } catch (error) {
    const problem = aiProblem(error);
    audited.failed(problem.problem.code);
    throw problem;
  }
}

/**
 * Asks the model (one structured chat completion) and sends the answer `assemble` builds from
 * its validated output, as JSON or streamed as it is written. Failures are audited and answered
 * as 502/503/504 problems (an `error` event once streaming has begun); a client that disconnects
 * aborts the model call.
 */
export async function sendModelAnswer<E extends AppEnv, T extends z.ZodType, A extends AnswerFrame>(
  c: Context<E>,
  ai: OpenAI,
  retrieval: Retrieval,
  request: StructuredRequest<T>,
  audited: AnswerAudit,
  assemble: (output: z.infer<T>, usage: Usage) => A,
): Promise<Response> {
  const settings = c.var.settings.ai;
  if (!wantsEventStream(c)) return c.json(await generateAnswer(c, ai, request, audited, assemble), 200);
  const requestId = c.get("requestId");
  return streamSSE(c, async (stream) => {
    const disconnected = new AbortController();
    stream.onAbort(() => disconnected.abort());
    await stream.writeSSE(sourcesEvent(retrieval));
    try {
      const { output, usage } = await streamStructured(ai, settings, request, {
        signal: disconnected.signal,
        onText: (text) => stream.writeSSE({ event: "delta", data: JSON.stringify({ text }) }),
      });
      const answer = assemble(output, usage);
      audited.succeeded(answer);
      await stream.writeSSE({ event: "done", data: JSON.stringify(answer) });
    } catch (error) {
      if (error instanceof ClientDisconnected) {
        log("info", "client disconnected; upstream call aborted", { request_id: requestId });
        audited.failed("client_disconnected");
        return;
      }
      const problem = aiProblem(error);
      audited.failed(problem.problem.code);
      await stream.writeSSE({ event: "error", data: JSON.stringify(problemBody(problem.status, problem.problem, requestId)) });
    }
  });
}
