import type { AppRouteHandler } from "../lib/openapi";
import { AUDIO_FORMATS, MAX_AUDIO_BYTES } from "./audio-input";
import { analyzeRecording, transcribeRecording } from "./voice.flow";
import type { analyze, transcribe, voiceHealth } from "./voice.routes";

export const transcribeHandler: AppRouteHandler<typeof transcribe> = async (c) => c.json(await transcribeRecording(c), 200);

export const analyzeHandler: AppRouteHandler<typeof analyze> = async (c) => c.json(await analyzeRecording(c), 200);

export const healthHandler: AppRouteHandler<typeof voiceHealth> = (c) => {
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
