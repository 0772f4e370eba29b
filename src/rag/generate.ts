/**
 * One structured chat completion per answer: JSON-schema output validated with zod, source ids
 * checked against what was retrieved, one retry when the output is invalid, then a 502.
 */
import type OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import { aiProblem } from "../lib/ai-errors";
import { ProblemError } from "../lib/problem";
import type { Settings } from "../lib/settings";

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

const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();

/**
 * The strict JSON schema the model follows, generated from the zod schema that validates its
 * answer, once per schema and isolate. (zod's own converter: the SDK's `zodResponseFormat` gives
 * the same output here but adds ~29 KiB gzip to the bundle.) Strict mode wants every property
 * required, so model schemas use `.nullable()`, never `.optional()`.
 */
function strictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  let jsonSchema = jsonSchemas.get(schema);
  if (!jsonSchema) jsonSchemas.set(schema, (jsonSchema = z.toJSONSchema(schema, { target: "draft-7", io: "output" })));
  return jsonSchema;
}

export function chatParams(settings: Settings["ai"], request: StructuredRequest<z.ZodType>) {
  return {
    model: settings.chatModel,
    temperature: settings.temperature,
    messages: request.messages,
    response_format: { type: "json_schema" as const, json_schema: { name: request.name, strict: true, schema: strictJsonSchema(request.schema) } },
  };
}

/** Parses and validates model output; null when it is not valid for the schema. */
export function parseModelOutput<T extends z.ZodType>(schema: T, text: string | null | undefined): z.infer<T> | null {
  if (!text) return null;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export const invalidOutput = () => new ProblemError(502, { code: "ai_invalid_output", detail: "The AI model returned an answer that failed validation twice; try again." });

export async function generateStructured<T extends z.ZodType>(ai: OpenAI, settings: Settings["ai"], request: StructuredRequest<T>): Promise<{ output: z.infer<T>; usage: Usage }> {
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

/** A model's confidence, held to 0..1 (schemas describe the range but do not reject outside it). */
export const clampConfidence = (value: number) => Math.min(1, Math.max(0, value));

/** Differential items as answered: confidence clamped, citations limited to what was retrieved. */
export function groundDifferential<Item extends { confidence: number; supporting_sources: string[] }>(items: Item[], retrieved: Set<string>): Item[] {
  return items.map((item) => ({ ...item, confidence: clampConfidence(item.confidence), supporting_sources: keepRetrieved(item.supporting_sources, retrieved) }));
}

/** Keeps only source ids that were retrieved; a model citing anything else is not trusted on it. */
export function keepRetrieved(ids: string[], retrieved: Set<string>): string[] {
  return [...new Set(ids.filter((id) => retrieved.has(id)))];
}
