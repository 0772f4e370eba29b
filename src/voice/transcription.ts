/** The transcription step of both voice flows; stored audio never outlives a failed call. */
import type { Context } from "hono";
import type OpenAI from "openai";
import { requireAi } from "../ai/client";
import { aiProblem } from "../ai/errors";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { readFormData, readJson } from "../lib/form-data";
import { type AudioUpload, CONTENT_TYPES, readAudioUpload } from "./audio-input";
import type { TimedWord } from "./speech-metrics";
import { removeAudio, storeAudio } from "./voice.data";

export interface Transcript {
  audioId: string;
  /** The R2 key of the stored recording (removed again if a later step fails). */
  key: string;
  text: string;
  durationSeconds: number;
  words: TimedWord[];
}

/** One transcription call with word timestamps; errors are the SDK's (callers map them to problems). */
export async function transcribeAudio(ai: OpenAI, model: string, audioId: string, upload: AudioUpload) {
  const result = await ai.audio.transcriptions.create({
    file: new File([upload.audio], `${audioId}.${upload.format}`, { type: CONTENT_TYPES[upload.format] }),
    model,
    response_format: "verbose_json",
    timestamp_granularities: ["word"],
  });
  return { text: result.text, durationSeconds: result.duration ?? 0, words: (result.words ?? []) as TimedWord[] };
}

/**
 * Reads and validates the upload (JSON or multipart, body parsed once), stores it under the
 * account, transcribes it with word timestamps. A failed transcription removes the audio.
 */
export async function transcribeUpload<E extends AppEnv>(c: Context<E>, accountId: string, action: string): Promise<Transcript> {
  const ai = requireAi(c.var.ai, "Voice transcription");
  const upload = await readAudioUpload(
    c.req.raw,
    () => readJson(c.req.raw),
    () => readFormData(c.req.raw),
  );
  const started = Date.now();
  const stored = await storeAudio(c.var.storage, accountId, upload, c.var.settings.audioRetentionDays);
  try {
    const transcript = {
      audioId: stored.audioId,
      key: stored.key,
      ...(await transcribeAudio(ai, c.var.settings.ai.transcriptionModel, stored.audioId, upload)),
    };
    audit(c, {
      userId: accountId,
      action,
      target: `audio:${stored.audioId}`,
      outcome: "success",
      latencyMs: Date.now() - started,
      model: c.var.settings.ai.transcriptionModel,
      detail: { bytes: upload.audio.size, format: upload.format, duration_seconds: transcript.durationSeconds },
    });
    return transcript;
  } catch (error) {
    const removed = await removeAudio(c.var.storage, stored.key);
    const problem = aiProblem(error);
    audit(c, {
      userId: accountId,
      action,
      target: `audio:${stored.audioId}`,
      outcome: "failure",
      latencyMs: Date.now() - started,
      detail: { error: problem.problem.code, audio_removed: removed },
    });
    throw problem;
  }
}
