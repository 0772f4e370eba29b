import { createRoute, z } from "@hono/zod-openapi";
import { licensed } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { SafetySchema } from "../safety/safety.schemas";
import { AUDIO_FORMATS, MAX_BASE64_CHARS } from "./audio-input";
import { voiceReady } from "./voice.flow";

const tags = ["Voice"];

/**
 * Described, not validated by the router: its validators would parse the JSON (and buffer the
 * multipart body) before the handler parses it again. The handler reads the body once, after
 * the auth and AI-limit middleware, and enforces these bounds itself (413 for oversize audio).
 */
const format = { type: "string" as const, maxLength: 100, description: `one of ${AUDIO_FORMATS.join(", ")} (or its MIME type)` };
const audioBody = {
  content: {
    "application/json": {
      schema: {
        type: "object" as const,
        required: ["audio_data"],
        properties: {
          audio_data: { type: "string" as const, maxLength: MAX_BASE64_CHARS, description: "base64 audio, ≤ 25 MiB decoded" },
          format,
        },
      },
    },
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        required: ["file"],
        properties: { file: { type: "string" as const, format: "binary", description: "≤ 25 MiB" }, format },
      },
    },
  },
};
/** Licensed, with a model configured and AI quota left, all before the body is read. */
const voiceGuard: [...typeof licensed, typeof voiceReady] = [...licensed, voiceReady];
const errors = problemResponses(400, 401, 403, 413, 415, 429, 502, 503, 504);

export const transcribe = createRoute({
  method: "post",
  path: "/transcribe",
  tags,
  security: bearerSecurity,
  summary: "Transcribe session audio (wav, mp3, m4a, webm, ogg, flac; ≤ 25 MiB); the audio is kept in R2 under the caller",
  middleware: voiceGuard,
  request: { body: audioBody },
  responses: {
    200: jsonContent(z.object({ transcription: z.string(), duration_seconds: z.number(), audio_id: z.uuid() }), "The transcript"),
    ...errors,
  },
});

export const analyze = createRoute({
  method: "post",
  path: "/analyze",
  tags,
  security: bearerSecurity,
  summary: "Transcribe and analyse: speech rate and pauses from word timestamps, sentiment/emotion/tone from the model, risk screening",
  middleware: voiceGuard,
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
      z.object({
        status: z.enum(["available", "not_configured"]),
        transcription: z.enum(["configured", "not_configured"]),
        model: z.string(),
        features: z.array(z.string()),
        formats: z.array(z.string()),
        max_bytes: z.number().int(),
      }),
      "Voice status",
    ),
  },
});
