/**
 * Upstream AI failures as problems: rate limited → 503 with Retry-After,
 * timeout → 504, anything else from the provider → 502. The SDK has already retried with backoff.
 */
import OpenAI from "openai";
import { ProblemError } from "../lib/problem";

export const aiTimeout = (cause?: unknown) =>
  new ProblemError(504, { code: "ai_timeout", detail: "The AI model did not answer in time; try again." }, { cause });

export function aiProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError || (error as Error)?.name === "TimeoutError") return aiTimeout(error);
  if (error instanceof OpenAI.RateLimitError) {
    const retryAfter = Number(error.headers?.get?.("retry-after")) || 30;
    return new ProblemError(
      503,
      {
        code: "ai_rate_limited",
        detail: "The AI provider is rate limiting requests; retry later.",
        headers: { "Retry-After": String(Math.ceil(retryAfter)) },
      },
      { cause: error },
    );
  }
  if (error instanceof OpenAI.APIError) {
    return new ProblemError(
      502,
      { code: "ai_upstream_error", detail: `The AI provider failed${error.status ? ` (HTTP ${error.status})` : ""}; try again.` },
      { cause: error },
    );
  }
  return new ProblemError(502, { code: "ai_upstream_error", detail: "The AI provider could not be reached; try again." }, { cause: error });
}

export function isAbort(error: unknown): boolean {
  return error instanceof OpenAI.APIUserAbortError || (error as Error)?.name === "AbortError";
}
