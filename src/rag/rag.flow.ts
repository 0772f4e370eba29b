/**
 * One flow for both RAG routes, as JSON or as Server-Sent Events (`sources`, `delta`…, then
 * `done` with the validated answer, or `error` with a problem). A client that disconnects
 * aborts the upstream model call.
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type OpenAI from "openai";
import type { z } from "zod";
import type { AuditDetail } from "../audit/audit-detail";
import type { UserRow } from "../auth/auth.schema";
import type { AppEnv } from "../env";
import type { KnowledgeType } from "../knowledge/knowledge.schema";
import { aiProblem, aiTimeout, isAbort } from "../lib/ai-errors";
import { log } from "../lib/log";
import { problemBody } from "../lib/problem";
import { assessCrisis, type SafetyBlock } from "../safety/crisis";
import { chatParams, generateStructured, invalidOutput, parseModelOutput, type StructuredRequest, type Usage } from "./generate";
import { answerFrame, auditAnswer, type AuditedAnswer, enforceAiRateLimit, type Retrieval, retrieve } from "./rag.service";
import { withRiskFirst } from "./risk-section";

export interface RagSpec<Input, Output extends z.ZodType, Part extends object> {
  action: string;
  query(input: Input): Record<string, string | null>;
  /** What the audit trail keeps of the input: sizes, never the text. */
  auditFacts(input: Input): AuditDetail;
  retrievalText(input: Input): string;
  /** Restrict retrieval to one document type (treatment plans draw on treatment guidelines). */
  retrievalType?: KnowledgeType;
  structured(input: Input, retrieval: Retrieval, safety: SafetyBlock, user: UserRow): StructuredRequest<Output>;
  fromModel(output: z.infer<Output>, retrieval: Retrieval, user: UserRow): { part: Part; response: string };
  offline(retrieval: Retrieval, user: UserRow): { part: Part; response: string };
}

export function wantsEventStream(c: Context<AppEnv>): boolean {
  return /\btext\/event-stream\b/i.test(c.req.header("Accept") ?? "");
}

export async function answer<Input extends Record<string, string | undefined>, Output extends z.ZodType, Part extends object>(c: Context<AppEnv>, spec: RagSpec<Input, Output, Part>, input: Input) {
  const started = Date.now();
  await enforceAiRateLimit(c);
  const safety = assessCrisis(input);
  const retrieval = await retrieve(c, spec.retrievalText(input), spec.retrievalType);
  const user = c.get("user");
  const query = spec.query(input);
  const asked = spec.auditFacts(input);

  const finish = (part: Part, response: string, usage: Usage | null) => ({ query, ...part, ...answerFrame(retrieval, safety, withRiskFirst(response, safety), usage) });

  const ai = c.var.ai;
  if (!ai) {
    const { part, response } = spec.offline(retrieval, user);
    const body = finish(part, response, null);
    auditAnswer(c, spec.action, started, asked, body);
    return wantsEventStream(c) ? streamOffline(c, retrieval, body) : c.json(body, 200);
  }

  const request = spec.structured(input, retrieval, safety, user);
  if (wantsEventStream(c)) return streamModel(c, ai, spec, request, retrieval, (part, response, usage) => finish(part, response, usage), started, asked);

  try {
    const { output, usage } = await generateStructured(ai, c.var.settings.ai, request);
    const { part, response } = spec.fromModel(output, retrieval, user);
    const body = finish(part, response, usage);
    auditAnswer(c, spec.action, started, asked, body);
    return c.json(body, 200);
  } catch (error) {
    const problem = aiProblem(error);
    auditAnswer(c, spec.action, started, asked, null, "failure", problem.problem.code);
    throw problem;
  }
}

function sourcesEvent(retrieval: Retrieval) {
  return { event: "sources", data: JSON.stringify({ mode: retrieval.mode, sources: retrieval.hits.map(({ id, title, type, dsm5_code, icd11_code, score }) => ({ id, title, type, dsm5_code, icd11_code, score })) }) };
}

function streamOffline(c: Context<AppEnv>, retrieval: Retrieval, body: { ai_response: { response: string } }) {
  return streamSSE(c, async (stream) => {
    await stream.writeSSE(sourcesEvent(retrieval));
    await stream.writeSSE({ event: "delta", data: JSON.stringify({ text: body.ai_response.response }) });
    await stream.writeSSE({ event: "done", data: JSON.stringify(body) });
  });
}

function streamModel<Input, Output extends z.ZodType, Part extends object>(
  c: Context<AppEnv>,
  ai: OpenAI,
  spec: RagSpec<Input, Output, Part>,
  request: StructuredRequest<Output>,
  retrieval: Retrieval,
  finish: (part: Part, response: string, usage: Usage) => object & AuditedAnswer,
  started: number,
  asked: AuditDetail,
) {
  const requestId = c.get("requestId");
  const upstream = new AbortController();
  // The SDK's timeout ends once the response headers arrive; a stream that then goes quiet for
  // as long as that timeout is abandoned here and answered as a 504.
  let stalled = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const awaitNextChunk = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      upstream.abort();
    }, c.var.settings.ai.timeoutMs);
  };
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => upstream.abort());
    await stream.writeSSE(sourcesEvent(retrieval));
    const usage: Usage = { model: c.var.settings.ai.chatModel, promptTokens: 0, completionTokens: 0 };
    let text = "";
    try {
      const chunks = await ai.chat.completions.create({ ...chatParams(c.var.settings.ai, request), stream: true, stream_options: { include_usage: true } }, { signal: upstream.signal });
      awaitNextChunk();
      for await (const chunk of chunks) {
        awaitNextChunk();
        usage.model = chunk.model || usage.model;
        if (chunk.usage) {
          usage.promptTokens = chunk.usage.prompt_tokens;
          usage.completionTokens = chunk.usage.completion_tokens;
        }
        const delta = chunk.choices[0]?.delta?.content;
        if (delta) {
          text += delta;
          await stream.writeSSE({ event: "delta", data: JSON.stringify({ text: delta }) });
        }
      }
      const output = parseModelOutput(request.schema, text);
      // A stream cannot be retried invisibly once text has been sent: invalid output ends with an error event.
      if (!output) throw invalidOutput();
      const { part, response } = spec.fromModel(output, retrieval, c.get("user"));
      const body = finish(part, response, usage);
      auditAnswer(c, spec.action, started, asked, body);
      await stream.writeSSE({ event: "done", data: JSON.stringify(body) });
    } catch (error) {
      if (isAbort(error) && upstream.signal.aborted && !stalled) {
        log("info", "client disconnected; upstream call aborted", { request_id: requestId });
        auditAnswer(c, spec.action, started, asked, null, "failure", "client_disconnected");
        return;
      }
      const problem = stalled ? aiTimeout(error) : aiProblem(error);
      auditAnswer(c, spec.action, started, asked, null, "failure", problem.problem.code);
      await stream.writeSSE({ event: "error", data: JSON.stringify(problemBody(problem.status, problem.problem, requestId)) });
    } finally {
      clearTimeout(idle);
    }
  });
}
