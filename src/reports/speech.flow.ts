/**
 * Spoken summaries: text-to-speech through the model provider, the audio kept in R2 under the
 * caller like session audio (same prefix, same expiry, so the daily purge removes it too).
 */
import { requireAi } from "../ai/client";
import { aiProblem } from "../ai/errors";
import { audit } from "../audit/audit";
import type { SignedInContext } from "../auth/guard";
import { ProblemError } from "../lib/problem";
import { enforceAiRateLimit } from "../lib/rate-limits";
import { detectAudioFormat } from "../voice/audio-input";
import { storeAudio } from "../voice/voice.data";

export async function speakSummary(c: SignedInContext, text: string): Promise<Response> {
  const { account, settings } = c.var;
  const ai = requireAi(c.var.ai, "Spoken summaries");
  await enforceAiRateLimit(c, account.id);
  const started = Date.now();
  const fail = (code: string) =>
    audit(c, {
      userId: account.id,
      action: "report.audio",
      outcome: "failure",
      latencyMs: Date.now() - started,
      model: settings.ai.speechModel,
      detail: { text_chars: text.length, error: code },
    });
  let audio: Uint8Array;
  try {
    const speech = await ai.audio.speech.create({
      model: settings.ai.speechModel,
      voice: settings.ai.speechVoice,
      input: text,
      response_format: "mp3",
    });
    audio = new Uint8Array(await speech.arrayBuffer());
  } catch (error) {
    const problem = aiProblem(error);
    fail(problem.problem.code);
    throw problem;
  }
  // Whatever the provider sent is stored and served as audio/mpeg, so it must be MPEG audio.
  if (detectAudioFormat(audio) !== "mp3") {
    fail("ai_invalid_output");
    throw new ProblemError(502, { code: "ai_invalid_output", detail: "The speech model did not return MPEG audio; try again." });
  }
  const stored = await storeAudio(c.var.storage, account.id, { audio: new Blob([audio]), format: "mp3" }, settings.audioRetentionDays);
  audit(c, {
    userId: account.id,
    action: "report.audio",
    target: `audio:${stored.audioId}`,
    outcome: "success",
    latencyMs: Date.now() - started,
    model: settings.ai.speechModel,
    detail: { text_chars: text.length, bytes: audio.length, format: "mp3" },
  });
  return new Response(audio, {
    status: 200,
    headers: {
      "Content-Type": "audio/mpeg",
      "Content-Length": String(audio.length),
      "Audio-Id": stored.audioId,
      "Audio-Expires-At": stored.expiresAt,
    },
  });
}
