import { createRoute, z } from "@hono/zod-openapi";
import { licensed } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { SafetySchema } from "../rag/rag.schemas";
import { AUDIO_FORMATS } from "./audio-input";

const tags = ["Voice"];

const audioBody = {
  content: {
    "application/json": { schema: z.object({ audio_data: z.string().openapi({ description: "base64 audio, ≤ 25 MiB decoded" }), format: z.string().optional().openapi({ enum: [...AUDIO_FORMATS] }) }) },
    "multipart/form-data": { schema: z.object({ file: z.any().optional().openapi({ type: "string", format: "binary" }), format: z.string().optional() }) },
  },
};
const errors = problemResponses(400, 401, 403, 413, 415, 429, 502, 503, 504);

export const transcribe = createRoute({
  method: "post",
  path: "/transcribe",
  tags,
  security: bearerSecurity,
  summary: "Transcribe session audio (wav, mp3, m4a, webm, ogg, flac; ≤ 25 MiB); the audio is kept in R2 under the caller",
  middleware: licensed,
  request: { body: audioBody },
  responses: { 200: jsonContent(z.object({ transcription: z.string(), duration_seconds: z.number(), audio_id: z.uuid() }), "The transcript"), ...errors },
});

export const analyze = createRoute({
  method: "post",
  path: "/analyze",
  tags,
  security: bearerSecurity,
  summary: "Transcribe and analyse: speech rate and pauses from word timestamps, sentiment/emotion/tone from the model, risk screening",
  middleware: licensed,
  request: { body: audioBody },
  responses: {
    200: jsonContent(
      z.object({
        transcription: z.string(),
        sentiment: z.enum(["positive", "negative", "neutral"]),
        emotion: z.string(),
        tone: z.enum(["calm", "anxious", "depressed", "agitated", "neutral"]),
        speechRate: z.number().openapi({ description: "words per minute" }),
        pauseFrequency: z.number().openapi({ description: "pauses of 0.5 s or more per minute" }),
        confidence: z.number(),
        safety: SafetySchema,
        audio_id: z.uuid(),
        duration_seconds: z.number(),
      }),
      "The analysis",
    ),
    ...errors,
  },
});

export const voiceHealth = createRoute({
  method: "get",
  path: "/health",
  tags,
  summary: "Which voice features are available and whether transcription is configured",
  responses: {
    200: jsonContent(
      z.object({ status: z.enum(["available", "not_configured"]), transcription: z.enum(["configured", "not_configured"]), model: z.string(), features: z.array(z.string()), formats: z.array(z.string()), max_bytes: z.number().int() }),
      "Voice status",
    ),
  },
});
