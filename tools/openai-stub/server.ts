/**
 * An OpenAI-compatible HTTP server for tests, local development and benchmarks: chat completions
 * (plain, JSON-schema structured, streamed), embeddings, audio transcriptions and speech (silent
 * MPEG audio), with a set latency and scripted failures. The real `openai` SDK talks to it over HTTP.
 *
 * It answers only requests whose `Host` names this machine (see ../loopback-host.ts).
 *
 * Behaviour is keyed by the caller's API key, so parallel test files do not disturb each other:
 * - `POST /_control/script {api_key, chat?: Reply[], transcription?: Reply[], embeddings?: Reply[], speech?: Reply[], latency_ms?}`
 *   queues replies, each used once, in order; when a queue is empty the default answer is given.
 * - `GET /_stats?api_key=` counts requests per endpoint.
 * - `GET /_requests?api_key=` the messages of the last chat requests (oldest first), so a test can
 *   check the prompt the model was given.
 * - `GET /_fixtures/doc?type=&bytes=&status=&delay_ms=&title=&meta=&chunked=&stall=` answers a document for
 *   import tests (see {@link fixtureDocument}); no API key needed.
 *
 * A Reply is one of `{content}` (chat text, streamed in chunks when asked), `{text, words?}`
 * (transcription), `{status, retry_after?, body?}` (an HTTP error), `{hang: true}` (never
 * answers), `{malformed_stream: true}` (a stream that breaks off with invalid data),
 * `{stalled_stream: true}` (a stream that sends one piece, then goes quiet without closing).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NOT_LOOPBACK_MESSAGE, namesLoopback } from "../loopback-host.ts";
import { embed } from "./embeddings.ts";

export type Reply =
  | { content: string; prompt_tokens?: number; completion_tokens?: number }
  | { text: string; words?: Array<{ word: string; start: number; end: number }>; duration?: number }
  | { status: number; retry_after?: number; body?: unknown }
  | { hang: true }
  | { malformed_stream: true }
  | { stalled_stream: true }
  | { delay_ms: number };

type Endpoint = "chat" | "embeddings" | "transcription" | "speech";

interface KeyState {
  queues: Record<Endpoint, Reply[]>;
  latencyMs?: number;
  counts: Record<string, number>;
  /** The last chat requests' messages, newest last. */
  chats: unknown[];
}

/** Enough for a test to look at its own calls; older ones are dropped so a long run stays small. */
const RECORDED_CHATS = 20;

export interface OpenAiStub {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface OpenAiStubOptions {
  port?: number;
  host?: string;
  /** Added before every answer, to model a real model's latency. */
  latencyMs?: number;
  /** Per-endpoint latency overriding `latencyMs` (embeddings are much faster than chat). */
  endpointLatencyMs?: Partial<Record<Endpoint, number>>;
  /** Default transcription text when nothing is scripted. */
  defaultTranscript?: string;
}

const DEFAULT_TRANSCRIPT =
  "I have been feeling on edge most days and I cannot stop worrying about work. Sleep is poor. I still see friends at the weekend.";

export async function startOpenAiStub({
  port = 0,
  host = "127.0.0.1",
  latencyMs = 0,
  endpointLatencyMs = {},
  defaultTranscript = DEFAULT_TRANSCRIPT,
}: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const keys = new Map<string, KeyState>();
  const open = new Set<ServerResponse>();

  const stateFor = (key: string) => {
    let state = keys.get(key);
    if (!state) {
      state = { queues: { chat: [], embeddings: [], transcription: [], speech: [] }, counts: {}, chats: [] };
      keys.set(key, state);
    }
    return state;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stub");
    const route = `${req.method} ${url.pathname.replace(/^\/v1/, "")}`;
    if (route === "POST /_control/script") {
      const body = JSON.parse((await readBody(req)).toString("utf8"));
      const state = stateFor(String(body.api_key ?? ""));
      // `reset` empties the queues first, so `{reset: true, chat: [...]}` replaces what was queued.
      if (body.reset) state.queues = { chat: [], embeddings: [], transcription: [], speech: [] };
      for (const endpoint of ["chat", "embeddings", "transcription", "speech"] as const) {
        if (Array.isArray(body[endpoint])) state.queues[endpoint].push(...body[endpoint]);
      }
      if (body.latency_ms !== undefined) state.latencyMs = Number(body.latency_ms);
      return sendJson(res, 200, { queued: Object.fromEntries(Object.entries(state.queues).map(([k, v]) => [k, v.length])) });
    }
    if (route === "GET /_stats") return sendJson(res, 200, stateFor(url.searchParams.get("api_key") ?? "").counts);
    if (route === "GET /_requests") return sendJson(res, 200, { chat: stateFor(url.searchParams.get("api_key") ?? "").chats });
    if (route === "GET /health") return sendJson(res, 200, { status: "ok" });
    if (route === "GET /_fixtures/doc") return fixture(res, url.searchParams);

    const apiKey = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    if (!apiKey) return sendJson(res, 401, { error: { message: "missing API key", type: "invalid_request_error" } });
    const state = stateFor(apiKey);
    const endpoint: Endpoint | undefined =
      route === "POST /chat/completions"
        ? "chat"
        : route === "POST /embeddings"
          ? "embeddings"
          : route === "POST /audio/transcriptions"
            ? "transcription"
            : route === "POST /audio/speech"
              ? "speech"
              : undefined;
    if (!endpoint) return sendJson(res, 404, { error: { message: `unknown route ${route}`, type: "invalid_request_error" } });
    state.counts[endpoint] = (state.counts[endpoint] ?? 0) + 1;

    const raw = await readBody(req);
    await sleep(state.latencyMs ?? endpointLatencyMs[endpoint] ?? latencyMs);
    let reply = state.queues[endpoint].shift();
    if (reply && "delay_ms" in reply) {
      await sleep(reply.delay_ms);
      reply = state.queues[endpoint].shift();
    }
    if (reply && "hang" in reply) {
      open.add(res);
      res.on("close", () => open.delete(res));
      return;
    }
    if (reply && "status" in reply) {
      const headers: Record<string, string> = reply.retry_after !== undefined ? { "retry-after": String(reply.retry_after) } : {};
      return sendJson(res, reply.status, reply.body ?? { error: { message: `scripted ${reply.status}`, type: "server_error" } }, headers);
    }
    if (endpoint === "embeddings") return embeddings(res, JSON.parse(raw.toString("utf8")));
    if (endpoint === "transcription") return transcription(res, reply && "text" in reply ? reply : { text: defaultTranscript });
    if (endpoint === "speech") return speech(res, JSON.parse(raw.toString("utf8")));
    const request = JSON.parse(raw.toString("utf8")) as ChatRequest;
    state.chats = [...state.chats, { messages: request.messages, response_format: request.response_format }].slice(-RECORDED_CHATS);
    return chat(res, request, reply);
  }

  const server = createServer((req, res) => {
    if (!namesLoopback(req))
      return sendJson(res, 403, { error: { message: NOT_LOOPBACK_MESSAGE, type: "invalid_request_error", code: "host_not_allowed" } });
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 400, { error: { message: String(error?.message ?? error), type: "invalid_request_error" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}/v1`,
    port: actualPort,
    async close() {
      for (const res of open) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface FixtureOptions {
  /** The Content-Type to answer with (default `text/markdown; charset=utf-8`). */
  type?: string;
  /** Answer exactly this many bytes of filler text instead of a document. */
  bytes?: number;
  /** Title used in the front matter, `<title>` or JSON (default "Fixture document"). */
  title?: string;
  /** Metadata the document claims for itself: added to the markdown front matter or the JSON object. */
  meta?: Record<string, string | string[]>;
}

const FILLER = "Filler text for import size tests; nothing clinical to see here.\n";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A document of a content type, for the knowledge import route's tests: markdown with front
 * matter; HTML with a `<title>`, scripts and styles (to be stripped) and character entities;
 * JSON in the knowledge DocumentInput shape (without `type`); plain text; binary bytes for
 * `application/octet-stream` (or any other non-text type); or `bytes` of filler text.
 */
function fixtureDocument({
  type = "text/markdown; charset=utf-8",
  bytes,
  title = "Fixture document",
  meta = {},
}: FixtureOptions = {}): Buffer {
  if (bytes !== undefined) {
    const whole = FILLER.repeat(Math.ceil(bytes / FILLER.length));
    return Buffer.from(whole.slice(0, bytes), "utf8");
  }
  const essence = type.split(";")[0].trim().toLowerCase();
  switch (essence) {
    case "text/markdown":
    case "text/x-markdown":
      return Buffer.from(
        `---\ntitle: ${title}\ncategory: Fixtures\nevidence_level: B\n${Object.entries(meta)
          .map(([key, value]) => `${key}: ${[value].flat().join(", ")}\n`)
          .join(
            "",
          )}---\n\n## Overview\n\nA markdown fixture about behavioural activation for low mood.\n\n## Details\n\nSchedule pleasant and mastery activities and review them weekly.\n`,
        "utf8",
      );
    case "text/html":
      return Buffer.from(
        `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
          `<style>body { color: #123456; }</style><script>var fixtureSecret = "script-text-must-not-be-indexed";</script></head>` +
          `<body><h1>Grounding techniques</h1><p>Use the 5&#8211;4&#8211;3&#8211;2&#8211;1 technique &amp; paced breathing &lt;slowly&gt;.</p>` +
          `<script type="text/javascript">document.write("inline-script-text");</script><p>Caf&#233; &quot;quotes&quot; &#x2014; done.</p></body></html>`,
        "utf8",
      );
    case "application/json":
      return Buffer.from(
        JSON.stringify({
          title,
          content: "## Summary\n\nA JSON fixture about sleep hygiene and stimulus control for insomnia.",
          category: "Fixtures",
          evidence_level: "A",
          ...meta,
        }),
        "utf8",
      );
    case "text/plain":
      return Buffer.from(`${title}\n\nA plain-text fixture about relapse prevention planning.\n`, "utf8");
    default:
      return Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  }
}

/**
 * `GET /_fixtures/doc`: {@link fixtureDocument} with the query's options, after `delay_ms`, with
 * `status` (default 200). `Content-Length` is declared unless `chunked=true`, which streams the
 * body in 64 KiB chunks without a declared length. `stall=true` sends the headers and the first
 * chunk, then nothing more until the client gives up (a download that stops midway).
 */
async function fixture(res: ServerResponse, params: URLSearchParams) {
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const status = number("status") ?? 200;
  await sleep(number("delay_ms") ?? 0);
  const type = params.get("type") ?? "text/markdown; charset=utf-8";
  const body = fixtureDocument({
    type,
    bytes: number("bytes"),
    title: params.get("title") ?? undefined,
    meta: params.has("meta") ? JSON.parse(params.get("meta")!) : undefined,
  });
  if (params.get("stall") === "true") {
    res.writeHead(status, { "content-type": type });
    res.write(body.subarray(0, 64 * 1024));
    return new Promise<void>((resolve) => res.once("close", resolve));
  }
  if (params.get("chunked") === "true") {
    res.writeHead(status, { "content-type": type });
    for (let offset = 0; offset < body.length && !res.destroyed; offset += 64 * 1024) {
      if (!res.write(body.subarray(offset, offset + 64 * 1024))) {
        // The client may stop reading (a size cap): don't wait for a drain that never comes.
        await new Promise((resolve) => {
          res.once("drain", resolve);
          res.once("close", resolve);
        });
      }
    }
    return res.end();
  }
  res.writeHead(status, { "content-type": type, "content-length": body.length });
  res.end(body);
}

interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: Array<{ role: string; content: unknown }>;
  response_format?: { type: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
}

function chat(res: ServerResponse, request: ChatRequest, reply: Reply | undefined) {
  const format = request.response_format;
  const invalid =
    format?.type === "json_schema" && format.json_schema?.strict ? strictSchemaError(format.json_schema.schema as JsonSchema) : null;
  if (invalid) {
    return sendJson(res, 400, {
      error: {
        message: `Invalid schema for response_format '${format?.json_schema?.name}': ${invalid}`,
        type: "invalid_request_error",
        param: "response_format",
        code: "invalid_json_schema",
      },
    });
  }
  const content = reply && "content" in reply ? reply.content : defaultChatContent(request);
  const promptTokens =
    reply && "prompt_tokens" in reply && reply.prompt_tokens !== undefined
      ? reply.prompt_tokens
      : countTokens(JSON.stringify(request.messages));
  const completionTokens =
    reply && "completion_tokens" in reply && reply.completion_tokens !== undefined ? reply.completion_tokens : countTokens(content);
  const id = `chatcmpl-stub-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  if (!request.stream) {
    return sendJson(res, 200, {
      id,
      object: "chat.completion",
      created,
      model: request.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const chunk = (delta: object, finish: string | null = null, usage?: object) =>
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: request.model, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`,
    );
  chunk({ role: "assistant", content: "" });
  const pieces = content.match(/[\s\S]{1,24}/g) ?? [];
  if (reply && "stalled_stream" in reply) {
    chunk({ content: pieces[0] ?? "partial" });
    return;
  }
  if (reply && "malformed_stream" in reply) {
    chunk({ content: pieces[0] ?? "partial" });
    res.write("data: {this is not json\n\n");
    return res.end();
  }
  for (const piece of pieces) chunk({ content: piece });
  chunk({}, "stop", { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens });
  res.write("data: [DONE]\n\n");
  res.end();
}

/** Without a script: valid JSON for the requested schema when one is given, else a short text. */
function defaultChatContent(request: ChatRequest): string {
  const schema = request.response_format?.json_schema?.schema;
  if (request.response_format?.type === "json_schema" && schema) return JSON.stringify(exampleFor(schema as JsonSchema));
  if (request.response_format?.type === "json_object") return "{}";
  return "This is a response from the local OpenAI-compatible stub.";
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: unknown;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}

/** String-length keywords, which OpenAI's strict structured outputs refuse. */
const UNSUPPORTED_IN_STRICT = ["minLength", "maxLength"];

/**
 * Why OpenAI would refuse this schema in strict mode (as its API does, with a 400), or null:
 * every object must list all its properties as required and set `additionalProperties: false`.
 */
function strictSchemaError(schema: JsonSchema | undefined, at = "root"): string | null {
  if (!schema || typeof schema !== "object") return `${at}: not a schema`;
  const keyword = UNSUPPORTED_IN_STRICT.find((name) => name in schema);
  if (keyword) return `${at}: '${keyword}' is not permitted`;
  if (schema.type === "object" || schema.properties) {
    if (schema.additionalProperties !== false) return `${at}: 'additionalProperties' is required to be supplied and to be false`;
    const missing = Object.keys(schema.properties ?? {}).filter((key) => !schema.required?.includes(key));
    if (missing.length) return `${at}: 'required' is required to include every property; missing ${missing.join(", ")}`;
  }
  const children: Array<[string, JsonSchema | undefined]> = [
    ...Object.entries(schema.properties ?? {}).map(([key, value]): [string, JsonSchema] => [`${at}.${key}`, value]),
    ...(schema.items ? [[`${at}[]`, schema.items] as [string, JsonSchema]] : []),
    ...(schema.anyOf ?? []).map((value, index): [string, JsonSchema] => [`${at}.anyOf[${index}]`, value]),
  ];
  for (const [path, child] of children) {
    const error = strictSchemaError(child, path);
    if (error) return error;
  }
  return null;
}

/** A minimal instance of a JSON schema, enough for structured-output plumbing to parse. */
function exampleFor(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.length) return exampleFor(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleFor(value)]));
    case "array":
      return schema.items ? [exampleFor(schema.items)] : [];
    case "string":
      return "stub";
    case "number":
      return schema.minimum ?? 0.5;
    case "integer":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return null;
  }
}

function embeddings(res: ServerResponse, request: { input: string | string[]; model: string; dimensions?: number }) {
  const inputs = Array.isArray(request.input) ? request.input : [request.input];
  const dimensions = request.dimensions ?? 1536;
  sendJson(res, 200, {
    object: "list",
    model: request.model,
    data: inputs.map((input, index) => ({ object: "embedding", index, embedding: embed(String(input), dimensions) })),
    usage: { prompt_tokens: countTokens(inputs.join(" ")), total_tokens: countTokens(inputs.join(" ")) },
  });
}

/** Word timestamps at ~150 words per minute with a 0.8 s pause after each sentence. */
function transcription(
  res: ServerResponse,
  reply: { text: string; words?: Array<{ word: string; start: number; end: number }>; duration?: number },
) {
  let clock = 0;
  const words =
    reply.words ??
    reply.text
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => {
        const start = clock;
        clock += 0.4;
        const entry = { word: token.replace(/[.,!?]$/, ""), start: round(start), end: round(clock - 0.05) };
        if (/[.!?]$/.test(token)) clock += 0.8;
        return entry;
      });
  const duration = reply.duration ?? (words.length ? words[words.length - 1].end + 0.3 : 0);
  sendJson(res, 200, { task: "transcribe", language: "english", duration: round(duration), text: reply.text, words, segments: [] });
}

/**
 * MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono, no CRC, no padding: a valid frame header. With
 * its side information and main data all zero, a frame decodes to 1152 samples of silence.
 */
const SILENT_MP3_FRAME_HEADER = [0xff, 0xfb, 0x90, 0xc4] as const;
/** 144 × bitrate / sample rate, rounded down (no padding bit). */
const SILENT_MP3_FRAME_BYTES = Math.floor((144 * 128_000) / 44_100);
const MP3_FRAME_SECONDS = 1152 / 44_100;
/** A reader's pace (~150 words a minute) decides how long the silence lasts; a minute at most. */
const SPOKEN_SECONDS_PER_WORD = 0.4;
const MAX_SPEECH_SECONDS = 60;

/** Silent MPEG audio about as long as the text would take to read aloud. */
function silentMp3(text: string): Uint8Array {
  const words = text.split(/\s+/).filter(Boolean).length;
  const seconds = Math.min(MAX_SPEECH_SECONDS, Math.max(1, words) * SPOKEN_SECONDS_PER_WORD);
  const frames = Math.max(1, Math.ceil(seconds / MP3_FRAME_SECONDS));
  const audio = new Uint8Array(frames * SILENT_MP3_FRAME_BYTES);
  for (let frame = 0; frame < frames; frame++) audio.set(SILENT_MP3_FRAME_HEADER, frame * SILENT_MP3_FRAME_BYTES);
  return audio;
}

function speech(res: ServerResponse, request: { input?: unknown; model?: unknown; voice?: unknown; response_format?: unknown }) {
  if (typeof request.input !== "string" || !request.input || typeof request.model !== "string" || !request.voice) {
    return sendJson(res, 400, { error: { message: "input, model and voice are required", type: "invalid_request_error" } });
  }
  if (request.response_format !== undefined && request.response_format !== "mp3") {
    return sendJson(res, 400, { error: { message: "the stub speaks mp3 only", type: "invalid_request_error" } });
  }
  const audio = silentMp3(request.input);
  res.writeHead(200, { "content-type": "audio/mpeg", "content-length": audio.length });
  res.end(audio);
}

const round = (value: number) => Math.round(value * 100) / 100;
const countTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));
const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
