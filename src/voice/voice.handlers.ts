import type { AppRouteHandler } from "../lib/openapi";
import { useCaseDeps } from "../use-case/deps";
import { AUDIO_FORMATS, MAX_AUDIO_BYTES } from "./audio-input";
import { readVoiceUpload } from "./transcription";
import { analyzeRecording, transcribeRecording } from "./voice.flow";
import type { analyze, transcribe, voiceHealth } from "./voice.routes";

export const transcribeHandler: AppRouteHandler<typeof transcribe> = async (c) =>
  c.json(await transcribeRecording(useCaseDeps(c), await readVoiceUpload(c.req.raw), { action: "voice.transcribe" }), 200);

export const analyzeHandler: AppRouteHandler<typeof analyze> = async (c) =>
  c.json(await analyzeRecording(useCaseDeps(c), await readVoiceUpload(c.req.raw), { action: "voice.analyze" }), 200);

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
