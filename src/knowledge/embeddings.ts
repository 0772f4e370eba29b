/** Embeddings through the openai SDK: one call for a whole batch of texts. */
import type OpenAI from "openai";
import { aiProblem } from "../ai/errors";
import { ProblemError } from "../lib/problem";
import type { Settings } from "../lib/settings";
import { EMBEDDING_DIMENSIONS } from "./knowledge.table";

/** OpenAI caps one embeddings request at 2048 inputs. */
const MAX_INPUTS = 2048;

/** The texts' embeddings, in order. Failures are problems (502/503/504) like every AI call's. */
export async function embedTexts(ai: OpenAI, settings: Settings["ai"], texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  if (texts.length > MAX_INPUTS) throw new Error(`too many texts for one embeddings call: ${texts.length}`);
  const response = await ai.embeddings
    .create({
      model: settings.embeddingModel,
      input: texts,
      // The text-embedding-3 family can return exactly the dimension the index was built for.
      ...(settings.embeddingModel.startsWith("text-embedding-3") ? { dimensions: EMBEDDING_DIMENSIONS } : {}),
      encoding_format: "float",
    })
    .catch((error: unknown) => {
      throw aiProblem(error);
    });
  const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
  if (vectors.length !== texts.length || vectors.some((v) => v.length !== EMBEDDING_DIMENSIONS)) {
    throw new ProblemError(502, {
      code: "ai_invalid_output",
      detail: `The embedding model returned ${vectors[0]?.length ?? 0} dimensions; the index needs ${EMBEDDING_DIMENSIONS}.`,
    });
  }
  return vectors;
}

/** The text embedded for a chunk: its heading (which names the document) and its content. */
export function embeddingText(heading: string | null, content: string): string {
  return [heading, content].filter(Boolean).join("\n");
}
