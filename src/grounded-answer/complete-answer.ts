/**
 * The last step of a grounded answer, for every door: the offline answer, or one structured chat
 * completion. A caller that wants the answer as it is written passes {@link AnswerEvents}: it
 * gets the sources first, then the text (the model's, chunk by chunk; an offline answer's at
 * once). Without them the model is asked for the whole answer (and retried once on invalid output).
 */
import type OpenAI from "openai";
import type { z } from "zod";
import { aiProblem } from "../ai/errors";
import { ClientDisconnected, generateStructured, type StructuredRequest, streamStructured, type Usage } from "../ai/structured";
import type { UseCaseDeps } from "../use-case/deps";
import { type AnswerFrame, retrievedSources } from "./answer-frame";
import type { Retrieval } from "./retrieval";

export interface SourcesEvent {
  mode: Retrieval["mode"];
  coverage: Retrieval["coverage"];
  sources: ReturnType<typeof retrievedSources>;
}

/** How a streaming door hears an answer being written. */
export interface AnswerEvents {
  /** The retrieved sources, before any text. */
  sources(event: SourcesEvent): void;
  /** A piece of the answer's text. */
  text(chunk: string): void;
  /** Aborted when the client went away: the model call is aborted too. */
  signal: AbortSignal;
}

export type Completion<T extends z.ZodType, A extends AnswerFrame> =
  | { offline: A }
  | { ai: OpenAI; request: StructuredRequest<T>; assemble: (output: z.infer<T>, usage: Usage) => A };

export async function completeAnswer<T extends z.ZodType, A extends AnswerFrame>(
  deps: Pick<UseCaseDeps, "settings">,
  retrieval: Retrieval,
  completion: Completion<T, A>,
  events?: AnswerEvents,
): Promise<A> {
  events?.sources({ mode: retrieval.mode, coverage: retrieval.coverage, sources: retrievedSources(retrieval) });
  if ("offline" in completion) {
    events?.text(completion.offline.ai_response.response);
    return completion.offline;
  }
  const { ai, request, assemble } = completion;
  try {
    const { output, usage } = events
      ? await streamStructured(ai, deps.settings.ai, request, { signal: events.signal, onText: async (text) => events.text(text) })
      : await generateStructured(ai, deps.settings.ai, request);
    return assemble(output, usage);
  } catch (error) {
    if (error instanceof ClientDisconnected) throw error;
    throw aiProblem(error);
  }
}
