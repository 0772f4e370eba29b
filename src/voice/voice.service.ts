/** Transcription and analysis through the openai SDK; stored audio never outlives a failed call. */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { aiProblem } from "../lib/ai-errors";
import { readFormData, readJson } from "../lib/form-data";
import { ProblemError } from "../lib/problem";
import { clampConfidence, generateStructured } from "../rag/generate";
import { modelText } from "../rag/rag.schemas";
import { enforceAiRateLimit } from "../rag/rag.service";
import { type AudioUpload, CONTENT_TYPES, readAudioUpload } from "./audio-input";
import { removeAudio, storeAudio } from "./audio-store";
import type { TimedWord } from "./speech-metrics";

export function requireAi(c: Context<AppEnv>) {
  if (!c.var.ai) {
    throw new ProblemError(503, { code: "ai_not_configured", detail: "Voice features need a transcription model: set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server).", headers: { "Retry-After": "3600" } });
  }
  return c.var.ai;
}

/**
 * Route middleware, so it runs before anything reads the body: a client without a model, or over
 * its AI limit, is answered at once instead of after uploading and parsing up to 36 MiB.
 */
export const voiceReady = createMiddleware<AppEnv>(async (c, next) => {
  requireAi(c);
  await enforceAiRateLimit(c);
  await next();
});

export interface Transcript {
  audioId: string;
  /** The R2 key of the stored recording (removed again if a later step fails). */
  key: string;
  text: string;
  durationSeconds: number;
  words: TimedWord[];
}

/** Validates the upload, stores it, transcribes it; on a failed transcription the audio is removed. */
export async function transcribeUpload(c: Context<AppEnv>, action: string): Promise<Transcript> {
  const ai = requireAi(c);
  const upload: AudioUpload = await readAudioUpload(c.req.raw, () => readJson(c.req.raw), () => readFormData(c.req.raw));
  const user = c.get("user");
  const started = Date.now();
  const stored = await storeAudio(c.var.storage, user.id, upload, c.var.settings.audioRetentionDays);
  try {
    const result = await ai.audio.transcriptions.create({
      file: new File([upload.audio], `${stored.audioId}.${upload.format}`, { type: CONTENT_TYPES[upload.format] }),
      model: c.var.settings.ai.transcriptionModel,
      response_format: "verbose_json",
      timestamp_granularities: ["word"],
    });
    const transcript = { audioId: stored.audioId, key: stored.key, text: result.text, durationSeconds: result.duration ?? 0, words: (result.words ?? []) as TimedWord[] };
    audit(c, { userId: user.id, action, target: `audio:${stored.audioId}`, outcome: "success", latencyMs: Date.now() - started, model: c.var.settings.ai.transcriptionModel, detail: { bytes: upload.audio.size, format: upload.format, duration_seconds: transcript.durationSeconds } });
    return transcript;
  } catch (error) {
    const removed = await removeAudio(c.var.storage, stored.key);
    const problem = aiProblem(error);
    audit(c, { userId: user.id, action, target: `audio:${stored.audioId}`, outcome: "failure", latencyMs: Date.now() - started, detail: { error: problem.problem.code, audio_removed: removed } });
    throw problem;
  }
}

const ModelVoiceAnalysis = z.object({
  sentiment: z.enum(["positive", "negative", "neutral"]),
  emotion: modelText("the dominant emotion, one or two words"),
  tone: z.enum(["calm", "anxious", "depressed", "agitated", "neutral"]),
  // Clamped, not rejected, like a differential's (a retry would cost a chat call).
  confidence: z.number().describe("0 to 1"),
});

export async function analyzeTranscript(c: Context<AppEnv>, text: string) {
  const { output } = await generateStructured(requireAi(c), c.var.settings.ai, {
    name: "voice_analysis",
    schema: ModelVoiceAnalysis,
    messages: [
      { role: "system", content: "You support a licensed clinician. Classify the speaker's overall sentiment, dominant emotion and tone in this session transcript. Base it only on the words; confidence 0-1 reflects how clear the signal is." },
      { role: "user", content: `TRANSCRIPT:\n${text || "(no speech)"}` },
    ],
  });
  return { ...output, confidence: clampConfidence(output.confidence) };
}
