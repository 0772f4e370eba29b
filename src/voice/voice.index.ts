import type { RouteHandler } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/openapi";
import type { ProblemError } from "../lib/problem";
import { assessCrisis } from "../safety/crisis";
import { AUDIO_FORMATS, MAX_AUDIO_BYTES } from "./audio-input";
import { removeAudio } from "./audio-store";
import { speechMetrics } from "./speech-metrics";
import { analyzeTranscript, transcribeUpload } from "./voice.service";
import { analyze, transcribe, voiceHealth } from "./voice.routes";

const transcribeHandler: RouteHandler<typeof transcribe, AppEnv> = async (c) => {
  const transcript = await transcribeUpload(c, "voice.transcribe");
  return c.json({ transcription: transcript.text, duration_seconds: transcript.durationSeconds, audio_id: transcript.audioId }, 200);
};

const analyzeHandler: RouteHandler<typeof analyze, AppEnv> = async (c) => {
  const transcript = await transcribeUpload(c, "voice.analyze");
  const metrics = speechMetrics(transcript.words, transcript.durationSeconds);
  let analysis: Awaited<ReturnType<typeof analyzeTranscript>>;
  try {
    analysis = await analyzeTranscript(c, transcript.text);
  } catch (error) {
    // The client gets no audio_id for a failed analysis, so the recording must not stay behind.
    const removed = await removeAudio(c.var.storage, transcript.key);
    audit(c, { userId: c.get("user").id, action: "voice.analyze", target: `audio:${transcript.audioId}`, outcome: "failure", detail: { stage: "analysis", error: (error as ProblemError).problem?.code ?? "error", audio_removed: removed } });
    throw error;
  }
  return c.json(
    {
      transcription: transcript.text,
      sentiment: analysis.sentiment,
      emotion: analysis.emotion,
      tone: analysis.tone,
      speechRate: metrics.speechRate,
      pauseFrequency: metrics.pauseFrequency,
      confidence: analysis.confidence,
      safety: assessCrisis({ transcript: transcript.text }),
      audio_id: transcript.audioId,
      duration_seconds: transcript.durationSeconds,
    },
    200,
  );
};

const healthHandler: RouteHandler<typeof voiceHealth, AppEnv> = (c) => {
  const configured = c.var.ai !== null;
  return c.json(
    {
      status: configured ? ("available" as const) : ("not_configured" as const),
      transcription: configured ? ("configured" as const) : ("not_configured" as const),
      model: c.var.settings.ai.transcriptionModel,
      features: configured ? ["transcribe", "analyze"] : [],
      formats: [...AUDIO_FORMATS],
      max_bytes: MAX_AUDIO_BYTES,
    },
    200,
  );
};

export const voiceRouter = createRouter().openapi(transcribe, transcribeHandler).openapi(analyze, analyzeHandler).openapi(voiceHealth, healthHandler);
