/**
 * The OpenAI client, configured once per request from settings: base URL (a local
 * OpenAI-compatible server works), timeout and retries. `null` means offline mode.
 */
import OpenAI from "openai";
import { timed } from "./request-scope";
import type { Settings } from "./settings";

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
