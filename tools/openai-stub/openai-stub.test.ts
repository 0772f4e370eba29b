/**
 * The OpenAI-compatible stub, driven by the real `openai` SDK over HTTP: chat completions
 * (plain, streamed, JSON-schema structured), embeddings, transcriptions, speech, and the per-API-key
 * scripted replies and failures of `POST /_control/script`.
 */
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countMpegFrames, readMpegFrameHeader } from "../support/mpeg-frame.ts";
import { requestWithHost } from "../support/request-with-host.ts";
import type { Reply } from "./server.ts";
import { type OpenAiStub, startOpenAiStub } from "./server.ts";

let stub: OpenAiStub;

beforeAll(async () => {
  stub = await startOpenAiStub();
});

afterAll(async () => {
  await stub?.close();
});

// --- helpers ---------------------------------------------------------------------------------

let keys = 0;
/** A fresh API key, so each test's script and counts are its own. */
const freshKey = (label: string) => `sk-test-${label}-${++keys}`;

const clientFor = (apiKey: string, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ apiKey, baseURL: stub.url, maxRetries: 0, ...options });

type Script = { chat?: Reply[]; embeddings?: Reply[]; transcription?: Reply[]; speech?: Reply[]; latency_ms?: number; reset?: boolean };

async function script(apiKey: string, body: Script) {
  const response = await fetch(`${stub.url}/_control/script`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ api_key: apiKey, ...body }),
  });
  expect(response.status).toBe(200);
}

async function statsFor(apiKey: string): Promise<Record<string, number>> {
  const response = await fetch(`${stub.url}/_stats?api_key=${encodeURIComponent(apiKey)}`);
  return (await response.json()) as Record<string, number>;
}

const ask = (client: OpenAI, content = "Hello there") =>
  client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content }] });

/** Runs `work` and returns what it rejects with (fails the test if it resolves). */
async function rejection(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

const DEFAULT_CHAT = "This is a response from the local OpenAI-compatible stub.";

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));

// --- tests -----------------------------------------------------------------------------------

describe("chat completions", () => {
  it("answers a plain completion with an assistant message and token usage", async () => {
    const completion = await ask(clientFor(freshKey("plain")));
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe("gpt-4o-mini");
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0].message.role).toBe("assistant");
    expect(completion.choices[0].message.content).toBe(DEFAULT_CHAT);
    expect(completion.choices[0].finish_reason).toBe("stop");

    const usage = completion.usage!;
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.completion_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it("reports scripted token counts in usage", async () => {
    const key = freshKey("usage");
    await script(key, { chat: [{ content: "ok", prompt_tokens: 120, completion_tokens: 7 }] });
    const completion = await ask(clientFor(key));
    expect(completion.usage).toMatchObject({ prompt_tokens: 120, completion_tokens: 7, total_tokens: 127 });
  });

  it("streams the scripted content in deltas that join to the whole text", async () => {
    const key = freshKey("stream");
    const content = "A scripted answer long enough to be split across several streamed chunks, with ünïcode ✓.";
    await script(key, { chat: [{ content }] });

    const stream = await clientFor(key).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Stream please" }],
      stream: true,
    });
    const deltas: string[] = [];
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }

    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe(content);
    expect(finishReason).toBe("stop");
  });

  it("streams the default text when nothing is scripted", async () => {
    const stream = await clientFor(freshKey("stream-default")).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Hi" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(DEFAULT_CHAT);
  });

  it("answers json_schema structured output with JSON that has the schema's required keys", async () => {
    const schema = {
      type: "object",
      additionalProperties: false,
      required: ["summary", "risk", "score", "themes", "follow_up"],
      properties: {
        summary: { type: "string" },
        risk: { type: "string", enum: ["low", "medium", "high"] },
        score: { type: "integer", minimum: 1, maximum: 5 },
        themes: { type: "array", items: { type: "string" } },
        follow_up: { type: ["boolean", "null"] },
      },
    };
    const completion = await clientFor(freshKey("schema")).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Summarise the session" }],
      response_format: { type: "json_schema", json_schema: { name: "session_summary", schema, strict: true } },
    });

    const parsed = JSON.parse(completion.choices[0].message.content ?? "") as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual([...schema.required].sort());
    expect(typeof parsed.summary).toBe("string");
    expect(schema.properties.risk.enum).toContain(parsed.risk);
    expect(Number.isInteger(parsed.score)).toBe(true);
    expect(parsed.score).toBeGreaterThanOrEqual(1);
    expect(parsed.score).toBeLessThanOrEqual(5);
    expect(Array.isArray(parsed.themes)).toBe(true);
    expect(typeof parsed.follow_up).toBe("boolean");
  });

  it("refuses a strict schema OpenAI would refuse (an optional property, a string length) with a 400", async () => {
    const client = clientFor(freshKey("strict"));
    const ask = (schema: Record<string, unknown>) =>
      client.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "Hi" }],
        response_format: { type: "json_schema", json_schema: { name: "note", schema, strict: true } },
      });

    const optional = ask({
      type: "object",
      additionalProperties: false,
      required: ["a"],
      properties: { a: { type: "string" }, b: { type: "string" } },
    });
    await expect(optional).rejects.toMatchObject({ status: 400, message: expect.stringContaining("missing b") });
    const length = ask({
      type: "object",
      additionalProperties: false,
      required: ["a"],
      properties: { a: { type: "string", minLength: 1 } },
    });
    await expect(length).rejects.toMatchObject({ status: 400, message: expect.stringContaining("'minLength' is not permitted") });
    const open = ask({ type: "object", required: ["a"], properties: { a: { type: "array", items: { type: "object", properties: {} } } } });
    await expect(open).rejects.toMatchObject({ status: 400, message: expect.stringContaining("additionalProperties") });
  });
});

describe("recorded requests", () => {
  it("keeps the messages of a key's last chat requests, oldest first, for that key only", async () => {
    const apiKey = freshKey("recorded");
    const client = clientFor(apiKey);
    await ask(client, "first question");
    await ask(client, "second question");
    const response = await fetch(`${stub.url}/_requests?api_key=${encodeURIComponent(apiKey)}`);
    expect(await response.json()).toEqual({
      chat: [{ messages: [{ role: "user", content: "first question" }] }, { messages: [{ role: "user", content: "second question" }] }],
    });
    const other = await fetch(`${stub.url}/_requests?api_key=${freshKey("unused")}`);
    expect(await other.json()).toEqual({ chat: [] });
  });
});

describe("scripted replies", () => {
  it("returns a scripted reply once, in order, then the default resumes", async () => {
    const key = freshKey("once");
    const client = clientFor(key);
    await script(key, { chat: [{ content: "first scripted" }, { content: "second scripted" }] });

    expect((await ask(client)).choices[0].message.content).toBe("first scripted");
    expect((await ask(client)).choices[0].message.content).toBe("second scripted");
    expect((await ask(client)).choices[0].message.content).toBe(DEFAULT_CHAT);
  });

  it("surfaces a scripted 429 as RateLimitError carrying retry-after", async () => {
    const key = freshKey("429");
    await script(key, { chat: [{ status: 429, retry_after: 1 }] });

    const error = await rejection(() => ask(clientFor(key)));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.headers.get("retry-after")).toBe("1");

    // The failure was used up: the next call succeeds.
    expect((await ask(clientFor(key))).choices[0].message.content).toBe(DEFAULT_CHAT);
  });

  it("surfaces a scripted 500 as InternalServerError", async () => {
    const key = freshKey("500");
    await script(key, { chat: [{ status: 500 }] });

    const error = await rejection(() => ask(clientFor(key)));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.InternalServerError>).status).toBe(500);
  });

  it("passes a scripted error body through to the SDK error", async () => {
    const key = freshKey("400");
    await script(key, {
      chat: [
        { status: 400, body: { error: { message: "context too long", type: "invalid_request_error", code: "context_length_exceeded" } } },
      ],
    });

    const error = await rejection(() => ask(clientFor(key)));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).code).toBe("context_length_exceeded");
  });

  it("makes a client with a short timeout fail with APIConnectionTimeoutError on a hang", async () => {
    const key = freshKey("hang");
    await script(key, { chat: [{ hang: true }] });

    const started = performance.now();
    const error = await rejection(() => ask(clientFor(key, { timeout: 300 })));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("delays a reply by a scripted delay_ms, then gives the next scripted reply", async () => {
    const key = freshKey("delay");
    await script(key, { chat: [{ delay_ms: 250 }, { content: "late answer" }] });

    const started = performance.now();
    const completion = await ask(clientFor(key));
    expect(completion.choices[0].message.content).toBe("late answer");
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("makes iterating a malformed stream throw", async () => {
    const key = freshKey("malformed");
    await script(key, { chat: [{ malformed_stream: true }] });

    const stream = await clientFor(key, { logLevel: "off" }).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Stream please" }],
      stream: true,
    });
    const received: string[] = [];
    const error = await rejection(async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? "");
    });
    expect(error).toBeInstanceOf(Error);
    // The stream broke off after a partial answer.
    const text = received.join("");
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(DEFAULT_CHAT.length);
    expect(DEFAULT_CHAT.startsWith(text)).toBe(true);
  });

  it("keeps scripts isolated per API key", async () => {
    const scripted = freshKey("isolated-a");
    const other = freshKey("isolated-b");
    await script(scripted, { chat: [{ content: "only for A" }, { status: 500 }] });

    expect((await ask(clientFor(other))).choices[0].message.content).toBe(DEFAULT_CHAT);
    expect((await ask(clientFor(other))).choices[0].message.content).toBe(DEFAULT_CHAT);
    expect((await ask(clientFor(scripted))).choices[0].message.content).toBe("only for A");
    await expect(ask(clientFor(scripted))).rejects.toBeInstanceOf(OpenAI.InternalServerError);

    expect(await statsFor(scripted)).toEqual({ chat: 2 });
    expect(await statsFor(other)).toEqual({ chat: 2 });
  });

  it("drops queued replies on reset", async () => {
    const key = freshKey("reset");
    await script(key, { chat: [{ content: "never seen" }] });
    await script(key, { reset: true });
    expect((await ask(clientFor(key))).choices[0].message.content).toBe(DEFAULT_CHAT);
  });
});

describe("embeddings", () => {
  const embedAll = async (input: string[], dimensions = 256) => {
    const response = await clientFor(freshKey("embed")).embeddings.create({ model: "text-embedding-3-small", input, dimensions });
    return response.data.map((item) => item.embedding);
  };

  it("returns one vector per input with the requested dimensions", async () => {
    const client = clientFor(freshKey("embed-shape"));
    const response = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["first text", "second text", "third text"],
      dimensions: 64,
    });
    expect(response.data.map((item) => item.index)).toEqual([0, 1, 2]);
    for (const item of response.data) expect(item.embedding).toHaveLength(64);
    expect(response.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("returns plain float arrays when encoding_format is float", async () => {
    const response = await clientFor(freshKey("embed-float")).embeddings.create({
      model: "text-embedding-3-small",
      input: "a single text",
      dimensions: 32,
      encoding_format: "float",
    });
    expect(response.data).toHaveLength(1);
    expect(response.data[0].embedding).toHaveLength(32);
    expect(response.data[0].embedding.every((value) => typeof value === "number")).toBe(true);
  });

  it("is deterministic and unit-length", async () => {
    const text = "I have been worrying about work and sleeping badly";
    const [a] = await embedAll([text]);
    const [b] = await embedAll([text]);
    expect(a).toEqual(b);
    expect(norm(a)).toBeCloseTo(1, 5);
  });

  it("makes texts that share words more similar than unrelated texts", async () => {
    const [anchor, related, unrelated] = await embedAll([
      "anxious about work deadlines and poor sleep",
      "work deadlines keep me anxious at night",
      "the recipe needs flour butter sugar eggs",
    ]);
    const relatedSimilarity = dot(anchor, related);
    const unrelatedSimilarity = dot(anchor, unrelated);
    expect(relatedSimilarity).toBeGreaterThan(0.3);
    expect(relatedSimilarity).toBeGreaterThan(unrelatedSimilarity);
  });
});

describe("speech", () => {
  it("speaks MPEG audio: every frame has a valid MPEG-1 Layer III header, and longer text lasts longer", async () => {
    const client = clientFor(freshKey("speech"));
    const speak = async (input: string) =>
      new Uint8Array(
        await (await client.audio.speech.create({ model: "gpt-4o-mini-tts", voice: "alloy", input, response_format: "mp3" })).arrayBuffer(),
      );
    const short = await speak("Session summary.");
    const long = await speak("Session summary. ".repeat(40));

    expect(readMpegFrameHeader(short)).toMatchObject({ version: 1, layer: 3, bitrateKbps: 128, sampleRate: 44_100 });
    const shortFrames = countMpegFrames(short);
    const longFrames = countMpegFrames(long);
    expect(shortFrames).toBeGreaterThan(0);
    expect(longFrames).toBeGreaterThan(shortFrames ?? Number.POSITIVE_INFINITY);
  });

  it("answers a scripted failure and refuses a request without input", async () => {
    const apiKey = freshKey("speech-fail");
    await script(apiKey, { speech: [{ status: 500 }] });
    const client = clientFor(apiKey);
    await expect(client.audio.speech.create({ model: "m", voice: "alloy", input: "hello" })).rejects.toMatchObject({ status: 500 });
    await expect(client.audio.speech.create({ model: "m", voice: "alloy", input: "" })).rejects.toMatchObject({ status: 400 });
  });
});

describe("audio transcriptions", () => {
  const wav = () => toFile(Buffer.from("RIFF\0\0\0\0WAVEfmt fake audio bytes"), "a.wav");

  it("returns verbose_json with text, duration and word timestamps", async () => {
    const transcription = await clientFor(freshKey("transcribe")).audio.transcriptions.create({
      file: await wav(),
      model: "whisper-1",
      response_format: "verbose_json",
      timestamp_granularities: ["word"],
    });

    expect(transcription.text.length).toBeGreaterThan(0);
    expect(transcription.duration).toBeGreaterThan(0);
    const words = transcription.words ?? [];
    expect(words.length).toBe(transcription.text.split(/\s+/).filter(Boolean).length);
    for (const [i, word] of words.entries()) {
      expect(word.word).toMatch(/^\S+$/);
      expect(word.end).toBeGreaterThan(word.start);
      if (i > 0) expect(word.start).toBeGreaterThanOrEqual(words[i - 1].end);
    }
    expect(transcription.duration).toBeGreaterThanOrEqual(words[words.length - 1].end);
  });

  it("returns a scripted transcript and its word timings", async () => {
    const key = freshKey("transcribe-script");
    await script(key, {
      transcription: [
        {
          text: "Hello there. Fine.",
          words: [
            { word: "Hello", start: 0, end: 0.4 },
            { word: "there", start: 0.5, end: 0.9 },
            { word: "Fine", start: 1.8, end: 2.1 },
          ],
        },
      ],
    });

    const transcription = await clientFor(key).audio.transcriptions.create({
      file: await wav(),
      model: "whisper-1",
      response_format: "verbose_json",
      timestamp_granularities: ["word"],
    });
    expect(transcription.text).toBe("Hello there. Fine.");
    expect(transcription.words?.map((word) => word.word)).toEqual(["Hello", "there", "Fine"]);
    expect(transcription.words?.[2]).toEqual({ word: "Fine", start: 1.8, end: 2.1 });
    expect(transcription.duration).toBeCloseTo(2.4, 5);
  });
});

describe("authentication", () => {
  it("rejects a request without an API key with 401", async () => {
    const response = await fetch(`${stub.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [] }),
    });
    expect(response.status).toBe(401);
  });
});

describe("the Host header (DNS rebinding)", () => {
  it.each(["attacker.example", "attacker.example:4010", "127.0.0.1.nip.io"])(
    "refuses Host %s with 403 before any endpoint runs",
    async (host) => {
      const apiKey = freshKey("rebinding");
      const chat = await requestWithHost(`${stub.url}/chat/completions`, host, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }),
      });
      expect(chat.status).toBe(403);
      expect(JSON.parse(chat.body).error).toMatchObject({ code: "host_not_allowed" });
      expect((await requestWithHost(`${stub.url.replace(/\/v1$/, "")}/_fixtures/doc`, host)).status).toBe(403);
      expect(await statsFor(apiKey)).toEqual({});
    },
  );

  it.each(["localhost", "127.0.0.1", "[::1]"])("answers Host %s", async (name) => {
    const response = await requestWithHost(`${stub.url.replace(/\/v1$/, "")}/health`, `${name}:${stub.port}`);
    expect(response.status).toBe(200);
  });
});

describe("document fixtures for import tests", () => {
  const fixtureUrl = (params: Record<string, string | number>) =>
    `${stub.url.replace(/\/v1$/, "")}/_fixtures/doc?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

  it("answers markdown with front matter by default, without an API key", async () => {
    const response = await fetch(fixtureUrl({ title: "Behavioural activation" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await response.text();
    expect(text).toMatch(/^---\ntitle: Behavioural activation\n[\s\S]*\n---\n/);
    expect(text).toContain("## Overview");
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
  });

  it("answers HTML with a title, scripts to strip and character entities", async () => {
    const response = await fetch(fixtureUrl({ type: "text/html; charset=utf-8", title: "Grounding <skills> & more" }));
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<title>Grounding &lt;skills&gt; &amp; more</title>");
    expect(html).toMatch(/<script[^>]*>[^<]*script-text-must-not-be-indexed/);
    expect(html).toContain("&amp;");
    expect(html).toContain("&#8211;");
  });

  it("answers JSON in the knowledge document shape", async () => {
    const response = await fetch(fixtureUrl({ type: "application/json", title: "Sleep hygiene" }));
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ title: "Sleep hygiene", content: expect.stringContaining("insomnia") });
    expect(body).not.toHaveProperty("type");
  });

  it("adds the metadata a document claims for itself (`meta`) to the front matter or the JSON", async () => {
    const meta = JSON.stringify({ type: "dsm5_criteria", other_codes: ["F32.1", "F41.1"] });
    const markdown = await (await fetch(fixtureUrl({ title: "Claims", meta }))).text();
    expect(markdown).toMatch(/^---\ntitle: Claims\n[\s\S]*type: dsm5_criteria\nother_codes: F32.1, F41.1\n---\n/);
    const json = (await (await fetch(fixtureUrl({ type: "application/json", title: "Claims", meta }))).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ title: "Claims", type: "dsm5_criteria", other_codes: ["F32.1", "F41.1"] });
  });

  it("answers binary bytes for application/octet-stream", async () => {
    const response = await fetch(fixtureUrl({ type: "application/octet-stream" }));
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(256);
    expect(bytes[0]).toBe(0);
    expect(bytes[255]).toBe(255);
  });

  it("answers exactly `bytes` bytes of filler, with or without a declared length", async () => {
    const declared = await fetch(fixtureUrl({ type: "text/plain", bytes: 100_000 }));
    expect(declared.headers.get("content-length")).toBe("100000");
    expect((await declared.arrayBuffer()).byteLength).toBe(100_000);

    const chunked = await fetch(fixtureUrl({ type: "text/plain", bytes: 300_000, chunked: "true" }));
    expect(chunked.headers.get("content-length")).toBeNull();
    expect(chunked.headers.get("transfer-encoding")).toBe("chunked");
    expect((await chunked.arrayBuffer()).byteLength).toBe(300_000);
  });

  it("answers the requested status after the requested delay", async () => {
    const started = performance.now();
    const response = await fetch(fixtureUrl({ status: 404, delay_ms: 200 }));
    expect(response.status).toBe(404);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});
