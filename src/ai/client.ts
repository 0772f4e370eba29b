/**
 * The OpenAI client: built once per isolate from settings (base URL, so a local
 * OpenAI-compatible server works; timeout; retries). `null` means offline mode.
 */
import OpenAI from "openai";
import { ProblemError } from "../lib/problem";
import { timed } from "../lib/request-scope";
import type { Settings } from "../lib/settings";

export function createAiClient(settings: Settings["ai"]): OpenAI | null {
  if (!settings.apiKey) return null;
  return new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: 2,
    fetch: (input, init) => timed("ai", () => fetch(input, init)),
  });
}

/** For features that have no offline mode (transcription, speech): the client, or a 503. */
export function requireAi(ai: OpenAI | null, feature: string): OpenAI {
  if (!ai) {
    throw new ProblemError(503, {
      code: "ai_not_configured",
      detail: `${feature} needs an AI model: set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server).`,
      headers: { "Retry-After": "3600" },
    });
  }
  return ai;
}
