/**
 * The voice use cases, for the REST routes and the console. The door reads the upload
 * (readVoiceUpload) after {@link voiceReady} has checked the model and counted the AI use, so
 * these do not count it again; each call is one audit event with the stored audio as its target.
 */
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { requireAi } from "../ai/client";
import { aiProblem } from "../ai/errors";
import { clampConfidence, generateStructured, modelText } from "../ai/structured";
import { audited } from "../audit/audited";
import type { SignedIn } from "../auth/guard";
import type { AppEnv } from "../env";
import { enforceAiRateLimit } from "../lib/rate-limits";
import { assertMay } from "../policy/policy";
import { assessCrisis } from "../safety/crisis";
import type { UseCaseDeps } from "../use-case/deps";
import type { AudioUpload } from "./audio-input";
import { speechMetrics } from "./speech-metrics";
import { storedTranscript } from "./transcription";
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

/** The audit facts of an upload: its size and format, never its content. */
const asked = (upload: AudioUpload) => ({ bytes: upload.audio.size, format: upload.format });

/** A transcript of the recording, which stays stored (its audio_id) for a note. */
export function transcribeRecording(deps: UseCaseDeps, upload: AudioUpload, { action }: { action: string }) {
  return audited(deps, { action, asked: asked(upload) }, async (note) => {
    assertMay(deps.account, "clinical");
    const transcript = await storedTranscript(deps, upload, note);
    return { transcription: transcript.text, duration_seconds: transcript.durationSeconds, audio_id: transcript.audioId };
  });
}

const ModelVoiceAnalysis = z.object({
  sentiment: z.enum(["positive", "negative", "neutral"]),
  emotion: modelText("the dominant emotion, one or two words"),
  tone: z.enum(["calm", "anxious", "depressed", "agitated", "neutral"]),
  // Clamped, not rejected, like a differential's (a retry would cost a chat call).
  confidence: z.number().describe("0 to 1"),
});

/** Transcribe → measure speech → screen for risk → classify tone and sentiment → assemble; one audit event. */
export function analyzeRecording(deps: UseCaseDeps, upload: AudioUpload, { action }: { action: string }) {
  return audited(deps, { action, asked: asked(upload) }, async (note) => {
    assertMay(deps.account, "clinical");
    const ai = requireAi(deps.ai, "Voice analysis");
    const transcript = await storedTranscript(deps, upload, note);
    const metrics = speechMetrics(transcript.words, transcript.durationSeconds);
    const safety = assessCrisis({ transcript: transcript.text }, deps.country);
    let analysis: z.infer<typeof ModelVoiceAnalysis>;
    try {
      ({ output: analysis } = await generateStructured(ai, deps.settings.ai, {
        name: "voice_analysis",
        schema: ModelVoiceAnalysis,
        messages: voiceAnalysisMessages(transcript.text),
      }));
    } catch (error) {
      // The client gets no audio_id for a failed analysis, so the recording must not stay behind.
      note({ detail: { stage: "analysis", audio_removed: await removeAudio(deps.storage, transcript.key) } });
      throw aiProblem(error);
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
  });
}
