/**
 * The voice flows. The route's guard (`licensed` plus {@link voiceReady}) has checked the account,
 * the model and the AI limit before the body is read.
 */

import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { requireAi } from "../ai/client";
import { clampConfidence, generateStructured, modelText } from "../ai/structured";
import { audit } from "../audit/audit";
import type { HasAccount, SignedIn, SignedInContext } from "../auth/guard";
import type { AppEnv } from "../env";
import type { ProblemError } from "../lib/problem";
import { enforceAiRateLimit } from "../lib/rate-limits";
import { assessCrisis } from "../safety/crisis";
import { speechMetrics } from "./speech-metrics";
import { transcribeUpload } from "./transcription";
import { removeAudio } from "./voice.data";
import { voiceAnalysisMessages } from "./voice.prompts";

/**
 * Route middleware, so it runs before anything reads the body: a client without a model, or over
 * its AI limit, is answered at once instead of after uploading and parsing up to 36 MiB.
 */
export const voiceReady = createMiddleware<AppEnv & SignedIn>(async (c, next) => {
  requireAi(c.var.ai, "Voice transcription");
  await enforceAiRateLimit(c, c.var.account.id);
  await next();
});

export async function transcribeRecording(c: SignedInContext) {
  const transcript = await transcribeUpload(c, c.var.account.id, "voice.transcribe");
  return { transcription: transcript.text, duration_seconds: transcript.durationSeconds, audio_id: transcript.audioId };
}

const ModelVoiceAnalysis = z.object({
  sentiment: z.enum(["positive", "negative", "neutral"]),
  emotion: modelText("the dominant emotion, one or two words"),
  tone: z.enum(["calm", "anxious", "depressed", "agitated", "neutral"]),
  // Clamped, not rejected, like a differential's (a retry would cost a chat call).
  confidence: z.number().describe("0 to 1"),
});

/** Transcribe → measure speech → screen for risk → classify tone and sentiment → assemble. */
export async function analyzeRecording<E extends HasAccount>(c: Context<E>) {
  const { account, settings } = c.var;
  const ai = requireAi(c.var.ai, "Voice analysis");
  const transcript = await transcribeUpload(c, account.id, "voice.analyze");
  const metrics = speechMetrics(transcript.words, transcript.durationSeconds);
  const safety = assessCrisis({ transcript: transcript.text });
  let analysis: z.infer<typeof ModelVoiceAnalysis>;
  try {
    ({ output: analysis } = await generateStructured(ai, settings.ai, {
      name: "voice_analysis",
      schema: ModelVoiceAnalysis,
      messages: voiceAnalysisMessages(transcript.text),
    }));
  } catch (error) {
    // The client gets no audio_id for a failed analysis, so the recording must not stay behind.
    const removed = await removeAudio(c.var.storage, transcript.key);
    audit(c, {
      userId: account.id,
      action: "voice.analyze",
      target: `audio:${transcript.audioId}`,
      outcome: "failure",
      detail: { stage: "analysis", error: (error as ProblemError).problem?.code ?? "error", audio_removed: removed },
    });
    throw error;
  }
  return {
    transcription: transcript.text,
    sentiment: analysis.sentiment,
    emotion: analysis.emotion,
    tone: analysis.tone,
    speechRate: metrics.speechRate,
    pauseFrequency: metrics.pauseFrequency,
    confidence: clampConfidence(analysis.confidence),
    safety,
    audio_id: transcript.audioId,
    duration_seconds: transcript.durationSeconds,
  };
}
