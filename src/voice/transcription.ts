/** The transcription step of both voice flows; stored audio never outlives a failed call. */
import type OpenAI from "openai";
import { requireAi } from "../ai/client";
import { aiProblem } from "../ai/errors";
import type { NoteFacts } from "../audit/audited";
import { readFormData, readJson } from "../lib/form-data";
import type { UseCaseDeps } from "../use-case/deps";
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

/** Reads and validates the upload (JSON or multipart, the body parsed once): the door's part, before any use case runs. */
export function readVoiceUpload(request: Request): Promise<AudioUpload> {
  return readAudioUpload(
    request,
    () => readJson(request),
    () => readFormData(request),
  );
}

/**
 * Stores the recording under the account and transcribes it with word timestamps, noting the
 * stored audio's id for the audit event. A failed transcription removes the audio again.
 */
export async function storedTranscript(deps: UseCaseDeps, upload: AudioUpload, note: NoteFacts): Promise<Transcript> {
  const ai = requireAi(deps.ai, "Voice transcription");
  const model = deps.settings.ai.transcriptionModel;
  const stored = await storeAudio(deps.storage, deps.account.id, upload, deps.settings.audioRetentionDays);
  note({ target: `audio:${stored.audioId}`, model });
  try {
    const transcript = { audioId: stored.audioId, key: stored.key, ...(await transcribeAudio(ai, model, stored.audioId, upload)) };
    note({ detail: { duration_seconds: transcript.durationSeconds } });
    return transcript;
  } catch (error) {
    note({ detail: { stage: "transcription", audio_removed: await removeAudio(deps.storage, stored.key) } });
    throw aiProblem(error);
  }
}
