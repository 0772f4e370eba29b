/**
 * Structured chat completions, the one way every feature asks the model for an answer: the
 * answer's zod schema validates the output and, converted, is the strict JSON schema the model
 * follows. One retry when the output is invalid, then a 502. Streaming variant for answers sent
 * as Server-Sent Events. Usage (model, tokens) is accounted for every call.
 */
import type OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import { ProblemError } from "../lib/problem";
import type { Settings } from "../lib/settings";
import { aiProblem, aiTimeout, isAbort } from "./errors";

export interface Usage {
  model: string;
  promptTokens: number;
  completionTokens: number;
}

export interface StructuredRequest<T extends z.ZodType> {
  name: string;
  /** Validates the answer; converted, it is also the strict JSON schema the model follows. */
  schema: T;
  messages: ChatCompletionMessageParam[];
}

/**
 * Non-empty model text. A refinement rather than `.min(1)`: strict structured outputs accept no
 * string-length keywords, so this check stays on our side and out of the schema sent to the model.
 */
export const modelText = (description?: string) => {
  const text = z.string().refine((value) => value.length > 0, "must not be empty");
  return description ? text.describe(description) : text;
};

/** A model's confidence, held to 0..1 (schemas describe the range but do not reject outside it). */
export const clampConfidence = (value: number) => Math.min(1, Math.max(0, value));

const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();

/**
 * The strict JSON schema the model follows, generated from the zod schema that validates its
 * answer, once per schema and isolate. (zod's own converter: the SDK's `zodResponseFormat` gives
 * the same output here but adds ~29 KiB gzip to the bundle.) Strict mode wants every property
 * required, so model schemas use `.nullable()`, never `.optional()`.
 */
function strictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  let jsonSchema = jsonSchemas.get(schema);
  if (!jsonSchema) {
    jsonSchema = z.toJSONSchema(schema, { target: "draft-7", io: "output" });
    jsonSchemas.set(schema, jsonSchema);
  }
  return jsonSchema;
}

function chatParams(settings: Settings["ai"], request: StructuredRequest<z.ZodType>) {
  return {
    model: settings.chatModel,
    temperature: settings.temperature,
    messages: request.messages,
    response_format: {
      type: "json_schema" as const,
      json_schema: { name: request.name, strict: true, schema: strictJsonSchema(request.schema) },
    },
  };
}

/** Parses and validates model output; null when it is not valid for the schema. */
function parseModelOutput<T extends z.ZodType>(schema: T, text: string | null | undefined): z.infer<T> | null {
  if (!text) return null;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

const invalidOutput = () =>
  new ProblemError(502, { code: "ai_invalid_output", detail: "The AI model returned an answer that failed validation; try again." });

/** One structured answer: validated output and the usage of every attempt, or a 502/503/504 problem. */
export async function generateStructured<T extends z.ZodType>(
  ai: OpenAI,
  settings: Settings["ai"],
  request: StructuredRequest<T>,
): Promise<{ output: z.infer<T>; usage: Usage }> {
  const usage: Usage = { model: settings.chatModel, promptTokens: 0, completionTokens: 0 };
  for (let attempt = 0; attempt < 2; attempt++) {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await ai.chat.completions.create(chatParams(settings, request));
    } catch (error) {
      throw aiProblem(error);
    }
    usage.model = completion.model || usage.model;
    usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
    usage.completionTokens += completion.usage?.completion_tokens ?? 0;
    const output = parseModelOutput(request.schema, completion.choices[0]?.message?.content);
    if (output) return { output, usage };
  }
  throw invalidOutput();
}

/** The caller went away: the upstream call was aborted on purpose, nothing to answer. */
export class ClientDisconnected extends Error {}

/**
 * A structured answer streamed: `onText` gets each chunk of text as the model writes it, then
 * the validated output is returned. A stream cannot be retried invisibly once text has been sent,
 * so invalid output is a 502 at once. The SDK's timeout ends once the response headers arrive; a
 * stream that then goes quiet for as long as that timeout is abandoned and answered as a 504.
 * `signal` aborting (a client that disconnected) rejects with {@link ClientDisconnected}.
 */
export async function streamStructured<T extends z.ZodType>(
  ai: OpenAI,
  settings: Settings["ai"],
  request: StructuredRequest<T>,
  { signal, onText }: { signal: AbortSignal; onText: (text: string) => Promise<void> },
): Promise<{ output: z.infer<T>; usage: Usage }> {
  const upstream = new AbortController();
  const disconnected = () => upstream.abort();
  signal.addEventListener("abort", disconnected);
  let stalled = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const awaitNextChunk = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      upstream.abort();
    }, settings.timeoutMs);
  };
  const usage: Usage = { model: settings.chatModel, promptTokens: 0, completionTokens: 0 };
  let text = "";
  try {
    const chunks = await ai.chat.completions.create(
      { ...chatParams(settings, request), stream: true, stream_options: { include_usage: true } },
      { signal: upstream.signal },
    );
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
        await onText(delta);
      }
    }
    // An abort can also end the stream quietly instead of throwing.
    if (stalled) throw aiTimeout();
  } catch (error) {
    if (isAbort(error) && signal.aborted && !stalled) throw new ClientDisconnected();
    throw stalled ? aiTimeout(error) : aiProblem(error);
  } finally {
    clearTimeout(idle);
    signal.removeEventListener("abort", disconnected);
  }
  const output = parseModelOutput(request.schema, text);
  if (!output) throw invalidOutput();
  return { output, usage };
}
