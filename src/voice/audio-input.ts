/**
 * Audio as clients send it: base64 JSON `{audio_data, format?}` or a multipart `file`. Sizes are
 * checked before decoding where possible; the format comes from the bytes' signature and must
 * agree with any declared format. Nothing here touches storage, so a rejection writes nothing.
 */
import { Buffer } from "node:buffer";
import { bodyKind } from "../lib/form-data";
import { ProblemError } from "../lib/problem";

export const AUDIO_FORMATS = ["wav", "mp3", "m4a", "webm", "ogg", "flac"] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
/** base64 of the largest accepted audio, plus room for a `data:` URL prefix and line breaks. */
export const MAX_BASE64_CHARS = Math.ceil(MAX_AUDIO_BYTES / 3) * 4 + 64 * 1024;

export const CONTENT_TYPES: Record<AudioFormat, string> = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  webm: "audio/webm",
  ogg: "audio/ogg",
  flac: "audio/flac",
};

/** Declared names clients use for the same formats. */
const ALIASES: Record<string, AudioFormat> = {
  wav: "wav",
  wave: "wav",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  mp3: "mp3",
  mpeg: "mp3",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  m4a: "m4a",
  mp4: "m4a",
  "audio/mp4": "m4a",
  "audio/m4a": "m4a",
  "audio/x-m4a": "m4a",
  webm: "webm",
  "audio/webm": "webm",
  ogg: "ogg",
  oga: "ogg",
  opus: "ogg",
  "audio/ogg": "ogg",
  flac: "flac",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
};

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The container format from the file signature, or null when it is none of the accepted ones. */
export function detectAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (bytes.length < 12) return null;
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WAVE") return "wav";
  if (ascii(bytes, 0, 4) === "fLaC") return "flac";
  if (ascii(bytes, 0, 4) === "OggS") return "ogg";
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "webm";
  if (ascii(bytes, 4, 8) === "ftyp") return "m4a";
  if (ascii(bytes, 0, 3) === "ID3" || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)) return "mp3";
  return null;
}

function normalizeDeclaredFormat(declared: string | null | undefined): AudioFormat | null | undefined {
  if (!declared) return undefined;
  return ALIASES[declared.trim().toLowerCase()] ?? null;
}

const bad = (status: 400 | 413 | 415, code: string, detail: string, path = "body.audio_data") =>
  new ProblemError(status, { code, detail, errors: [{ path, message: detail }] });

function decodeBase64Audio(data: string): Uint8Array {
  const payload = data.replace(/^data:[\w/+.-]+;base64,/, "").replace(/\s+/g, "");
  if (!payload) throw bad(400, "empty_audio", "audio_data is empty.");
  // The decoded size is known from the length alone: refuse before decoding 25+ MiB.
  const decodedSize = Math.floor((payload.length * 3) / 4) - (payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0);
  if (decodedSize > MAX_AUDIO_BYTES) throw bad(413, "audio_too_large", "The audio is larger than 25 MiB.");
  if (payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload))
    throw bad(400, "invalid_base64", "audio_data is not valid base64.");
  // Straight into one byte array (atob would first build a binary string of the same size).
  return Buffer.from(payload, "base64");
}

/** The one in-memory copy of the audio: R2 and the transcription call both read this Blob. */
export interface AudioUpload {
  audio: Blob;
  format: AudioFormat;
}

/** Checks size, emptiness and the format (signature vs declaration) from the first bytes. */
async function checkAudio(audio: Blob, declared: string | null | undefined, path: string): Promise<AudioUpload> {
  if (audio.size === 0) throw bad(400, "empty_audio", "The audio is empty.", path);
  if (audio.size > MAX_AUDIO_BYTES) throw bad(413, "audio_too_large", "The audio is larger than 25 MiB.", path);
  const declaredFormat = normalizeDeclaredFormat(declared);
  if (declaredFormat === null)
    throw bad(415, "unsupported_audio_format", `Unsupported format "${declared}"; send one of ${AUDIO_FORMATS.join(", ")}.`, path);
  const detected = detectAudioFormat(new Uint8Array(await audio.slice(0, 16).arrayBuffer()));
  if (!detected)
    throw bad(415, "unsupported_audio_format", `The data is not audio in a supported format (${AUDIO_FORMATS.join(", ")}).`, path);
  if (declaredFormat && declaredFormat !== detected)
    throw bad(415, "audio_format_mismatch", `The data is ${detected} audio but was declared as ${declaredFormat}.`, path);
  return { audio, format: detected };
}

/**
 * Reads the request's audio, JSON or multipart, parsing the body once and keeping one copy of
 * the audio; every rejection is a 4xx problem. The readers are the raw request's (not Hono's
 * cached ones), so no parsed or buffered copy of the body outlives this call.
 */
export async function readAudioUpload(request: Request, json: () => Promise<unknown>, form: () => Promise<FormData>): Promise<AudioUpload> {
  const kind = bodyKind(request.headers.get("content-type"));
  if (kind !== "multipart" && kind !== "json") {
    throw bad(415, "unsupported_media_type", "Send audio as JSON {audio_data, format} or as a multipart `file` upload.", "body");
  }
  if (kind === "multipart") {
    const data = await form();
    const file = data.get("file");
    if (!(file instanceof File)) throw bad(400, "missing_file", "Send the audio as a multipart field named `file`.", "body.file");
    if (file.size > MAX_AUDIO_BYTES) throw bad(413, "audio_too_large", "The audio is larger than 25 MiB.", "body.file");
    // An explicit `format` field is a declaration; the file name's extension and the part's type
    // only count when they name an audio format (a name without one, e.g. "blob", is not a
    // declaration: the bytes decide).
    const field = data.get("format");
    const extension = /\.([^./]+)$/.exec(file.name)?.[1];
    const hint = [extension, file.type].find((candidate) => candidate && normalizeDeclaredFormat(candidate));
    const declared = typeof field === "string" && field ? field : hint;
    if (typeof field === "string" && field.length > 100)
      throw bad(400, "validation_error", "format must be at most 100 characters.", "body.format");
    return checkAudio(file, declared, "body.file");
  }
  const body = (await json()) as { audio_data?: unknown; format?: unknown };
  if (typeof body?.audio_data !== "string") throw bad(400, "validation_error", "audio_data must be a base64 string.");
  if (body.format !== undefined && (typeof body.format !== "string" || body.format.length > 100))
    throw bad(400, "validation_error", "format must be a string of at most 100 characters.", "body.format");
  if (body.audio_data.length > MAX_BASE64_CHARS) throw bad(413, "audio_too_large", "The audio is larger than 25 MiB.");
  return checkAudio(new Blob([decodeBase64Audio(body.audio_data)]), body.format as string | undefined, "body.audio_data");
}
