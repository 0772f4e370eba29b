/**
 * Voice transcription and analysis: real audio bytes built here (a valid WAV and the signatures of the
 * other accepted containers) sent as base64 JSON and as multipart; the recording kept in R2 under
 * the caller with an expiry; speech measures computed from word timestamps; the model's
 * sentiment/tone; risk screening of the transcript; every bad input a 4xx that writes nothing;
 * upstream failures that remove the stored audio; offline mode; and the Cron Trigger that purges
 * expired recordings.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import worker from "../src/index";
import { authHeader, createAdmin, createVerifiedTherapist, expectProblem, type LoggedIn, registerAndLogin } from "./support/accounts";
import { createTestApi, databaseRequests, type TestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { type ApiClient, answerOf, ok, read } from "./support/client";
import { scriptOpenAi } from "./support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);
const DAY_MS = 24 * 60 * 60 * 1000;
const MiB = 1024 * 1024;

/** A verified therapist of its own: the AI routes allow 10 calls a minute per user. */
function newTherapist(): Promise<LoggedIn> {
  return createVerifiedTherapist(api, admin.tokens.access_token);
}

afterEach(async () => {
  // A test that failed half-way must not leave scripted replies for the next one.
  await scriptOpenAi(api.openaiKey, { reset: true });
});

// ---------------------------------------------------------------------------------------------
// Audio built in the test
// ---------------------------------------------------------------------------------------------

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** A valid RIFF/WAVE file: 16-bit mono PCM at `sampleRate`, `seconds` of silence. */
function wav(seconds = 0.25, sampleRate = 16_000): Uint8Array {
  const dataBytes = Math.round(seconds * sampleRate) * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  bytes.set(ascii("RIFF"), 0);
  view.setUint32(4, 36 + dataBytes, true);
  bytes.set(ascii("WAVE"), 8);
  bytes.set(ascii("fmt "), 12);
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  bytes.set(ascii("data"), 36);
  view.setUint32(40, dataBytes, true);
  return bytes; // the samples are already zero: silence
}

/** `head` followed by `length - head.length` zero bytes. */
function withHeader(head: number[], length = 256): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(head, 0);
  return bytes;
}

/** The signatures of the other accepted containers, each followed by filler. */
const SAMPLES: Record<"wav" | "mp3" | "ogg" | "flac" | "webm" | "m4a", () => Uint8Array> = {
  wav: () => wav(),
  // ID3v2.4 tag header (no flags, size 0), then an MPEG-1 Layer III frame header.
  mp3: () => withHeader([...ascii("ID3"), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]),
  ogg: () => withHeader([...ascii("OggS"), 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]),
  flac: () => withHeader([...ascii("fLaC"), 0x80, 0, 0, 0x22]),
  webm: () => withHeader([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]),
  // An ISO BMFF box: size 0x18, "ftyp", brand "M4A ".
  m4a: () => withHeader([0, 0, 0, 0x18, ...ascii("ftypM4A "), 0, 0, 0, 0, ...ascii("M4A isom")]),
};

const CONTENT_TYPES = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  flac: "audio/flac",
  webm: "audio/webm",
  m4a: "audio/mp4",
} as const;

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type VoiceRoute = "/voice/transcribe" | "/voice/analyze";
/** The typed client method of a voice route (its JSON or multipart input is sent raw: see answerOf). */
type VoiceEndpoint<P extends VoiceRoute> = P extends "/voice/transcribe"
  ? ApiClient["voice"]["transcribe"]["$post"]
  : ApiClient["voice"]["analyze"]["$post"];

/** Any JSON body, valid or not; the answer typed as the route's. */
function postJson<P extends VoiceRoute>(path: P, token: string, body: unknown, client: TestApi = api) {
  return client.post(path, body, { headers: authHeader(token) }).then((res) => read(answerOf<VoiceEndpoint<P>>(res)));
}

async function postMultipart<P extends VoiceRoute>(path: P, token: string, fields: Record<string, string | File>, client: TestApi = api) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return read(answerOf<VoiceEndpoint<P>>(await client.fetch(path, { method: "POST", headers: authHeader(token), body: form })));
}

/** Every key under a prefix of the test bucket. */
async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.STORAGE.list({ prefix, cursor });
    keys.push(...page.objects.map((object) => object.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys.sort();
}

/** Runs `send` and checks it wrote nothing to R2 (under audio/) and made no database request beyond the auth lookup. */
async function expectNoWrites<A>(send: () => Promise<A>, databaseCalls = 1): Promise<A> {
  const keysBefore = await keysUnder("audio/");
  const requestsBefore = await databaseRequests(api.database);
  const answer = await send();
  expect(await keysUnder("audio/")).toEqual(keysBefore);
  expect((await databaseRequests(api.database)) - requestsBefore).toBe(databaseCalls);
  return answer;
}

// ---------------------------------------------------------------------------------------------

describe("POST /voice/transcribe", () => {
  it("transcribes base64 JSON audio and keeps it in R2 under the caller for 30 days", async () => {
    const therapist = await newTherapist();
    const audio = wav(0.5);
    await scriptOpenAi(api.openaiKey, { transcription: [{ text: "We talked about sleep and work stress.", duration: 3.25 }] });
    const started = Date.now();
    const { res, body } = ok(
      await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: base64(audio), format: "wav" }),
      200,
    );
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(body).toEqual({
      transcription: "We talked about sleep and work stress.",
      duration_seconds: 3.25,
      audio_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });

    const key = `audio/${therapist.user.id}/${body.audio_id}.wav`;
    expect(await keysUnder(`audio/${therapist.user.id}/`)).toEqual([key]);
    const object = await env.STORAGE.get(key);
    expect(object).not.toBeNull();
    expect(object!.httpMetadata?.contentType).toBe("audio/wav");
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(audio);
    const expiresAt = Date.parse(object!.customMetadata?.expires_at ?? "");
    expect(expiresAt).toBeGreaterThanOrEqual(started + 30 * DAY_MS - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS + 1000);
    expect(object!.customMetadata?.user_id).toBe(therapist.user.id);
  });

  it("transcribes a multipart `file` upload", async () => {
    const therapist = await newTherapist();
    const audio = wav(0.3);
    await scriptOpenAi(api.openaiKey, { transcription: [{ text: "Multipart works.", duration: 1.5 }] });
    const { body } = ok(
      await postMultipart("/voice/transcribe", therapist.tokens.access_token, {
        file: new File([audio], "session.wav", { type: "audio/wav" }),
      }),
      200,
    );
    expect(body).toEqual({ transcription: "Multipart works.", duration_seconds: 1.5, audio_id: expect.any(String) });
    const object = await env.STORAGE.get(`audio/${therapist.user.id}/${body.audio_id}.wav`);
    expect(object?.httpMetadata?.contentType).toBe("audio/wav");
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(audio);
  });

  it("accepts a data: URL prefix and no declared format (the bytes decide)", async () => {
    const therapist = await newTherapist();
    const { body } = ok(
      await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: `data:audio/wav;base64,${base64(wav())}` }),
      200,
    );
    expect(await env.STORAGE.head(`audio/${therapist.user.id}/${body.audio_id}.wav`)).not.toBeNull();
  });

  it.each(Object.keys(SAMPLES) as Array<keyof typeof SAMPLES>)(
    "accepts %s, declared or detected, stored with its content type",
    async (format) => {
      const therapist = await newTherapist();
      const audio = SAMPLES[format]();
      const declared = ok(await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: base64(audio), format }), 200);
      // A name without an extension (browsers name a Blob "blob") declares nothing: the bytes decide.
      const detected = ok(
        await postMultipart("/voice/transcribe", therapist.tokens.access_token, { file: new File([audio], "blob") }),
        200,
      );
      for (const audioId of [declared.body.audio_id, detected.body.audio_id]) {
        const object = await env.STORAGE.head(`audio/${therapist.user.id}/${audioId}.${format}`);
        expect(object?.httpMetadata?.contentType).toBe(CONTENT_TYPES[format]);
      }
    },
  );

  it("is audited as voice.transcribe", async () => {
    const therapist = await newTherapist();
    const { body } = ok(await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: base64(wav()) }), 200);
    const auditTrail = await auditEvents(api, admin.tokens.access_token, { action: "voice.transcribe", user_id: therapist.user.id });
    expect(auditTrail).toEqual([
      expect.objectContaining({ action: "voice.transcribe", outcome: "success", target: `audio:${body.audio_id}` }),
    ]);
  });
});

describe("POST /voice/analyze", () => {
  // 10 words over 6 s. Gaps: 1.5→2.0 (0.5 s, a pause: the threshold is inclusive), 3.4→3.8
  // (0.4 s, not a pause) and 4.7→5.25 (0.55 s, a pause); the others are 0.1 s.
  const words = [
    { word: "I", start: 0.0, end: 0.4 },
    { word: "keep", start: 0.5, end: 0.9 },
    { word: "thinking", start: 1.0, end: 1.5 },
    { word: "I", start: 2.0, end: 2.4 },
    { word: "would", start: 2.5, end: 2.9 },
    { word: "be", start: 3.0, end: 3.4 },
    { word: "better", start: 3.8, end: 4.2 },
    { word: "off", start: 4.3, end: 4.7 },
    { word: "dead", start: 5.25, end: 5.5 },
    { word: "lately", start: 5.6, end: 5.9 },
  ];
  const text = "I keep thinking I would be better off dead lately.";
  // By hand: 10 words / (6 s / 60) = 100 words per minute; 2 pauses / 0.1 min = 20 per minute.
  const expectedRate = 100;
  const expectedPauses = 20;

  it("computes speech rate and pauses from the word timestamps, takes tone from the model and screens for risk", async () => {
    const therapist = await newTherapist();
    await scriptOpenAi(api.openaiKey, {
      transcription: [{ text, words, duration: 6 }],
      chat: [{ content: JSON.stringify({ sentiment: "negative", emotion: "hopelessness", tone: "depressed", confidence: 0.82 }) }],
    });
    const { body } = ok(
      await postJson("/voice/analyze", therapist.tokens.access_token, { audio_data: base64(wav(1)), format: "wav" }),
      200,
    );
    expect(body).toMatchObject({
      transcription: text,
      sentiment: "negative",
      emotion: "hopelessness",
      tone: "depressed",
      confidence: 0.82,
      audio_id: expect.any(String),
    });
    expect(body.speechRate).toBe(expectedRate);
    expect(body.pauseFrequency).toBe(expectedPauses);
    expect(body.safety.crisis_detected).toBe(true);
    expect(body.safety.indicators.map((indicator) => indicator.category)).toContain("suicidal_ideation");
    expect(body.safety.resources.map((resource) => resource.name).join(" ")).toContain("Find A Helpline");
    expect(await env.STORAGE.head(`audio/${therapist.user.id}/${body.audio_id}.wav`)).not.toBeNull();
  });

  it("a calm transcript (multipart) has no crisis, and the measures follow the timestamps", async () => {
    const therapist = await newTherapist();
    // 6 words in 3 s with one 0.6 s pause: 120 wpm, 20 pauses per minute.
    const calm = [
      { word: "Work", start: 0, end: 0.3 },
      { word: "has", start: 0.4, end: 0.6 },
      { word: "been", start: 0.7, end: 0.9 },
      { word: "better", start: 1.5, end: 1.9 },
      { word: "this", start: 2.0, end: 2.3 },
      { word: "week", start: 2.4, end: 2.8 },
    ];
    await scriptOpenAi(api.openaiKey, {
      transcription: [{ text: "Work has been better this week.", words: calm, duration: 3 }],
      chat: [{ content: JSON.stringify({ sentiment: "positive", emotion: "relief", tone: "calm", confidence: 0.7 }) }],
    });
    const { body } = ok(await postMultipart("/voice/analyze", therapist.tokens.access_token, { file: new File([wav()], "clip.wav") }), 200);
    expect(body).toMatchObject({
      sentiment: "positive",
      emotion: "relief",
      tone: "calm",
      confidence: 0.7,
      speechRate: 120,
      pauseFrequency: 20,
    });
    expect(body.safety).toEqual({ crisis_detected: false, indicators: [], resources: [] });
  });

  it("a confidence outside 0..1 is clamped, not a retry or a 502", async () => {
    const therapist = await newTherapist();
    await scriptOpenAi(api.openaiKey, {
      transcription: [{ text: "Fine.", duration: 1 }],
      chat: [{ content: JSON.stringify({ sentiment: "neutral", emotion: "calm", tone: "neutral", confidence: 1.4 }) }],
    });
    const { body } = ok(await postJson("/voice/analyze", therapist.tokens.access_token, { audio_data: base64(wav()) }), 200);
    expect(body).toMatchObject({ sentiment: "neutral", confidence: 1 });
  });

  it("a model answer outside the schema (twice) is a 502, not a made-up analysis, and the audio is not kept", async () => {
    const therapist = await newTherapist();
    const invalid = { content: JSON.stringify({ sentiment: "ecstatic", emotion: "", tone: "loud", confidence: 7 }) };
    await scriptOpenAi(api.openaiKey, { transcription: [{ text: "Fine.", duration: 1 }], chat: [invalid, invalid] });
    const { res, body } = await postJson("/voice/analyze", therapist.tokens.access_token, { audio_data: base64(wav()) });
    expectProblem(res, body, 502, "ai_invalid_output");
    // The client never got an audio_id for it: a recording it cannot name must not stay behind.
    expect(await keysUnder(`audio/${therapist.user.id}/`)).toEqual([]);
  });

  it("the analysis model failing after a good transcription (500 three times) is a 502, and the audio is not kept", async () => {
    const therapist = await newTherapist();
    await scriptOpenAi(api.openaiKey, {
      transcription: [{ text: "Fine.", duration: 1 }],
      chat: [{ status: 500 }, { status: 500 }, { status: 500 }],
    });
    const { res, body } = await postJson("/voice/analyze", therapist.tokens.access_token, { audio_data: base64(wav()) });
    expectProblem(res, body, 502, "ai_upstream_error");
    expect(await keysUnder(`audio/${therapist.user.id}/`)).toEqual([]);
    const auditTrail = await auditEvents(api, admin.tokens.access_token, { action: "voice.analyze", user_id: therapist.user.id });
    expect(auditTrail).toContainEqual(
      expect.objectContaining({ outcome: "failure", detail: expect.objectContaining({ stage: "analysis", audio_removed: true }) }),
    );
  });
});

describe("bad input is a clear 4xx problem and writes nothing", () => {
  const textBytes = new TextEncoder().encode("These are my session notes, not a recording. RIFF WAVE");

  const cases: Array<
    [
      label: string,
      status: number,
      code: string,
      send: (token: string) => Promise<{ res: { status: number; headers: Headers }; body: unknown }>,
    ]
  > = [
    [
      "invalid base64",
      400,
      "invalid_base64",
      (token) => postJson("/voice/transcribe", token, { audio_data: "this is not base64!!", format: "wav" }),
    ],
    ["base64 with a bad length", 400, "invalid_base64", (token) => postJson("/voice/transcribe", token, { audio_data: "UklGRg=" })],
    ["empty audio_data", 400, "empty_audio", (token) => postJson("/voice/transcribe", token, { audio_data: "" })],
    [
      "an empty multipart file",
      400,
      "empty_audio",
      (token) => postMultipart("/voice/transcribe", token, { file: new File([], "empty.wav") }),
    ],
    ["missing audio_data", 400, "validation_error", (token) => postJson("/voice/transcribe", token, { format: "wav" })],
    ["audio_data not a string", 400, "validation_error", (token) => postJson("/voice/analyze", token, { audio_data: 12345 })],
    [
      "a text file claiming to be wav",
      415,
      "unsupported_audio_format",
      (token) => postJson("/voice/transcribe", token, { audio_data: base64(textBytes), format: "wav" }),
    ],
    [
      "a text file uploaded as notes.wav",
      415,
      "unsupported_audio_format",
      (token) => postMultipart("/voice/analyze", token, { file: new File([textBytes], "notes.wav", { type: "audio/wav" }) }),
    ],
    [
      "declared mp3 but WAV bytes",
      415,
      "audio_format_mismatch",
      (token) => postJson("/voice/transcribe", token, { audio_data: base64(wav()), format: "mp3" }),
    ],
    [
      "a multipart mp3 name on WAV bytes",
      415,
      "audio_format_mismatch",
      (token) => postMultipart("/voice/transcribe", token, { file: new File([wav()], "clip.mp3") }),
    ],
    [
      "unsupported format aiff",
      415,
      "unsupported_audio_format",
      (token) => postJson("/voice/transcribe", token, { audio_data: base64(wav()), format: "aiff" }),
    ],
    ["multipart without `file`", 400, "missing_file", (token) => postMultipart("/voice/transcribe", token, { format: "wav" })],
    [
      "multipart with `file` as a text field",
      400,
      "missing_file",
      (token) => postMultipart("/voice/analyze", token, { file: "UklGRiQAAABXQVZF" }),
    ],
    [
      "a text/plain body",
      415,
      "unsupported_media_type",
      (token) =>
        api.get("/voice/transcribe", {
          method: "POST",
          headers: { ...authHeader(token), "Content-Type": "text/plain" },
          body: base64(wav()),
        }),
    ],
    [
      "a JSON body that is not JSON",
      400,
      "malformed_json",
      (token) =>
        api.get("/voice/transcribe", {
          method: "POST",
          headers: { ...authHeader(token), "Content-Type": "application/json" },
          body: '{"audio_data": ',
        }),
    ],
  ];

  it.each(cases)("%s → %i %s", async (label, status, code, send) => {
    const therapist = await newTherapist();
    const { res, body } = await expectNoWrites(() => send(therapist.tokens.access_token));
    expectProblem(res, body, status, code);
    if (label.startsWith("multipart")) expect((body.errors ?? []).map((error) => error.path)).toContain("body.file");
    expect(body.detail.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it("26 MiB of audio as base64 JSON → 413, refused without storing it", async () => {
    const therapist = await newTherapist();
    // A WAV header plus zero bytes: 48 bytes → 64 base64 characters, then "AAAA" per 3 zero bytes.
    const head = base64(withHeader(Array.from(wav(0)), 48));
    const audioData = head + "AAAA".repeat(Math.ceil((26 * MiB - 48) / 3));
    const { res, body } = await expectNoWrites(() =>
      postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: audioData, format: "wav" }),
    );
    expectProblem(res, body, 413, "audio_too_large");
    expect(body.detail).toMatch(/25 MiB/);
  });

  it("a multipart file over 25 MiB → 413", async () => {
    const therapist = await newTherapist();
    const big = new Uint8Array(25 * MiB + 1);
    big.set(wav(0), 0);
    const { res, body } = await expectNoWrites(() =>
      postMultipart("/voice/transcribe", therapist.tokens.access_token, { file: new File([big], "long.wav") }),
    );
    expectProblem(res, body, 413, "audio_too_large");
  });

  it("exactly 25 MiB is accepted", async () => {
    const therapist = await newTherapist();
    const big = new Uint8Array(25 * MiB);
    big.set(wav(0), 0);
    const { body } = ok(await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: base64(big) }), 200);
    expect((await env.STORAGE.head(`audio/${therapist.user.id}/${body.audio_id}.wav`))?.size).toBe(25 * MiB);
  });
});

describe("upstream failures remove the stored audio", () => {
  it("a transcription service failing (500 three times) → 502, and nothing is left under the caller", async () => {
    const therapist = await newTherapist();
    await scriptOpenAi(api.openaiKey, { transcription: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    const { res, body } = await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: base64(wav()) });
    expectProblem(res, body, 502, "ai_upstream_error");
    expect(await keysUnder(`audio/${therapist.user.id}/`)).toEqual([]);
    const auditTrail = await auditEvents(api, admin.tokens.access_token, { action: "voice.transcribe", user_id: therapist.user.id });
    expect(auditTrail).toEqual([expect.objectContaining({ outcome: "failure" })]);
  });

  it("a transcription service that never answers (three hangs) → 504, and nothing is left under the caller", {
    timeout: 45_000,
  }, async () => {
    const therapist = await newTherapist();
    await scriptOpenAi(api.openaiKey, { transcription: [{ hang: true }, { hang: true }, { hang: true }] });
    const { res, body } = await postMultipart("/voice/analyze", therapist.tokens.access_token, { file: new File([wav()], "slow.wav") });
    expectProblem(res, body, 504, "ai_timeout");
    expect(await keysUnder(`audio/${therapist.user.id}/`)).toEqual([]);
  });

  it("one failure then success is retried and succeeds", async () => {
    const therapist = await newTherapist();
    await scriptOpenAi(api.openaiKey, { transcription: [{ status: 503 }, { text: "Second time lucky.", duration: 2 }] });
    const { body } = ok(await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: base64(wav()) }), 200);
    expect(body.transcription).toBe("Second time lucky.");
    expect(await keysUnder(`audio/${therapist.user.id}/`)).toEqual([`audio/${therapist.user.id}/${body.audio_id}.wav`]);
  });
});

describe("without an AI key", () => {
  let offline: TestApi;
  let therapist: LoggedIn;

  beforeAll(async () => {
    offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
    therapist = await newTherapist();
  });

  it.each(["/voice/transcribe", "/voice/analyze"] as const)(
    "%s is 503 ai_not_configured with Retry-After, and stores nothing",
    async (path) => {
      const keysBefore = await keysUnder("audio/");
      const { res, body } = await postJson(path, therapist.tokens.access_token, { audio_data: base64(wav()) }, offline);
      expectProblem(res, body, 503, "ai_not_configured");
      expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await keysUnder("audio/")).toEqual(keysBefore);
    },
  );

  it("GET /voice/health says not configured; with a key it says configured", async () => {
    const off = ok(await read(offline.client.voice.health.$get()), 200);
    expect(off.body).toMatchObject({ status: "not_configured", transcription: "not_configured", features: [] });
    const on = ok(await read(api.client.voice.health.$get()), 200);
    expect(on.body).toMatchObject({
      status: "available",
      transcription: "configured",
      features: ["transcribe", "analyze"],
      max_bytes: 25 * MiB,
    });
    expect([...on.body.formats].sort()).toEqual(["flac", "m4a", "mp3", "ogg", "wav", "webm"]);
  });
});

describe("access", () => {
  it.each(["/voice/transcribe", "/voice/analyze"] as const)(
    "%s: students and unverified therapists are 403, no token is 401; nothing is stored",
    async (path) => {
      const student = await registerAndLogin(api);
      const unverified = await registerAndLogin(api, { role: "therapist", license_type: "LMFT" });
      for (const caller of [student, unverified]) {
        const { res, body } = await expectNoWrites(() => postJson(path, caller.tokens.access_token, { audio_data: base64(wav()) }));
        expectProblem(res, body, 403, "forbidden");
      }
      const { res, body } = await expectNoWrites(() => api.json(path, { audio_data: base64(wav()) }), 0);
      expectProblem(res, body, 401, "unauthorized");
    },
  );
});

describe("the AI rate limit comes before the upload is read", () => {
  /** A 25 MiB multipart upload as a stream that counts how many of its 64 KiB chunks were pulled. */
  function countedUpload() {
    const boundary = "----limit-test";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="session.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
    );
    const chunk = new Uint8Array(64 * 1024);
    const chunks = (25 * MiB) / chunk.length;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 0) controller.enqueue(head);
        if (pulled < chunks) controller.enqueue(chunk);
        else {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
          controller.close();
        }
        pulled++;
      },
    });
    const length = head.length + chunks * chunk.length + `\r\n--${boundary}--\r\n`.length;
    return { body, contentType: `multipart/form-data; boundary=${boundary}`, length, pulled: () => pulled, chunks };
  }

  it("a client over its limit sending 25 MiB gets 429 with Retry-After without the body being consumed, and nothing is stored", async () => {
    const caller = await newTherapist();
    for (let i = 0; i < 10; i++) {
      const { res } = await postJson("/voice/transcribe", caller.tokens.access_token, { audio_data: base64(wav()) });
      expect(res.status).toBe(200);
    }
    const keysBefore = await keysUnder(`audio/${caller.user.id}/`);
    const upload = countedUpload();
    const res = await api.fetch("/voice/transcribe", {
      method: "POST",
      headers: { ...authHeader(caller.tokens.access_token), "Content-Type": upload.contentType, "Content-Length": String(upload.length) },
      body: upload.body,
      duplex: "half",
    } as RequestInit);
    expectProblem(res, await res.json(), 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(upload.pulled()).toBeLessThan(upload.chunks / 10);
    expect(await keysUnder(`audio/${caller.user.id}/`)).toEqual(keysBefore);
  });
});

describe("the daily Cron Trigger", () => {
  it("removes only recordings past their expiry", async () => {
    const user = crypto.randomUUID();
    const expired = `audio/${user}/${crypto.randomUUID()}.wav`;
    const current = `audio/${user}/${crypto.randomUUID()}.wav`;
    const unmarked = `audio/${user}/${crypto.randomUUID()}.wav`;
    const now = Date.now();
    await env.STORAGE.put(expired, wav(), {
      httpMetadata: { contentType: "audio/wav" },
      customMetadata: { user_id: user, expires_at: new Date(now - 60_000).toISOString() },
    });
    await env.STORAGE.put(current, wav(), {
      httpMetadata: { contentType: "audio/wav" },
      customMetadata: { user_id: user, expires_at: new Date(now + DAY_MS).toISOString() },
    });
    await env.STORAGE.put(unmarked, wav(), { httpMetadata: { contentType: "audio/wav" } });
    // Not audio: the purge never looks outside audio/.
    await env.STORAGE.put(`cases/cron-test.json`, "{}", { customMetadata: { expires_at: new Date(now - DAY_MS).toISOString() } });

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "17 3 * * *" }), api.env, ctx);
    await waitOnExecutionContext(ctx);

    expect(await env.STORAGE.head(expired)).toBeNull();
    expect(await env.STORAGE.head(current)).not.toBeNull();
    expect(await env.STORAGE.head(unmarked)).not.toBeNull();
    expect(await env.STORAGE.head("cases/cron-test.json")).not.toBeNull();
  });

  it("purges a recording made through the API once its retention has passed", async () => {
    const therapist = await newTherapist();
    const { body } = ok(await postJson("/voice/transcribe", therapist.tokens.access_token, { audio_data: base64(wav()) }), 200);
    const key = `audio/${therapist.user.id}/${body.audio_id}.wav`;

    const tomorrow = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now() + DAY_MS, cron: "17 3 * * *" }), api.env, tomorrow);
    await waitOnExecutionContext(tomorrow);
    expect(await env.STORAGE.head(key)).not.toBeNull();

    const later = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now() + 31 * DAY_MS, cron: "17 3 * * *" }), api.env, later);
    await waitOnExecutionContext(later);
    expect(await env.STORAGE.head(key)).toBeNull();
  });
});
