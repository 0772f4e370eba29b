/**
 * An OpenAI-compatible HTTP server for tests, local development and benchmarks: chat completions
 * (plain, JSON-schema structured, streamed), embeddings and audio transcriptions, with a set
 * latency and scripted failures. The real `openai` SDK talks to it over HTTP.
 *
 * Behaviour is keyed by the caller's API key, so parallel test files do not disturb each other:
 * - `POST /_control/script {api_key, chat?: Reply[], transcription?: Reply[], embeddings?: Reply[], latency_ms?}`
 *   queues replies, each used once, in order; when a queue is empty the default answer is given.
 * - `GET /_stats?api_key=` counts requests per endpoint.
 *
 * A Reply is one of `{content}` (chat text, streamed in chunks when asked), `{text, words?}`
 * (transcription), `{status, retry_after?, body?}` (an HTTP error), `{hang: true}` (never
 * answers), `{malformed_stream: true}` (a stream that breaks off with invalid data).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { embed } from "./embeddings.ts";

export type Reply =
  | { content: string; prompt_tokens?: number; completion_tokens?: number }
  | { text: string; words?: Array<{ word: string; start: number; end: number }>; duration?: number }
  | { status: number; retry_after?: number; body?: unknown }
  | { hang: true }
  | { malformed_stream: true }
  | { delay_ms: number };

type Endpoint = "chat" | "embeddings" | "transcription";

interface KeyState {
  queues: Record<Endpoint, Reply[]>;
  latencyMs?: number;
  counts: Record<string, number>;
}

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
  /** Default transcription text when nothing is scripted. */
  defaultTranscript?: string;
}

const DEFAULT_TRANSCRIPT = "I have been feeling on edge most days and I cannot stop worrying about work. Sleep is poor. I still see friends at the weekend.";

export async function startOpenAiStub({ port = 0, host = "127.0.0.1", latencyMs = 0, defaultTranscript = DEFAULT_TRANSCRIPT }: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const keys = new Map<string, KeyState>();
  const open = new Set<ServerResponse>();

  const stateFor = (key: string) => {
    let state = keys.get(key);
    if (!state) keys.set(key, (state = { queues: { chat: [], embeddings: [], transcription: [] }, counts: {} }));
    return state;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stub");
    const route = `${req.method} ${url.pathname.replace(/^\/v1/, "")}`;
    if (route === "POST /_control/script") {
      const body = JSON.parse((await readBody(req)).toString("utf8"));
      const state = stateFor(String(body.api_key ?? ""));
      for (const endpoint of ["chat", "embeddings", "transcription"] as const) {
        if (Array.isArray(body[endpoint])) state.queues[endpoint].push(...body[endpoint]);
      }
      if (body.reset) state.queues = { chat: [], embeddings: [], transcription: [] };
      if (body.latency_ms !== undefined) state.latencyMs = Number(body.latency_ms);
      return sendJson(res, 200, { queued: Object.fromEntries(Object.entries(state.queues).map(([k, v]) => [k, v.length])) });
    }
    if (route === "GET /_stats") return sendJson(res, 200, stateFor(url.searchParams.get("api_key") ?? "").counts);
    if (route === "GET /health") return sendJson(res, 200, { status: "ok" });

    const apiKey = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    if (!apiKey) return sendJson(res, 401, { error: { message: "missing API key", type: "invalid_request_error" } });
    const state = stateFor(apiKey);
    const endpoint: Endpoint | undefined =
      route === "POST /chat/completions" ? "chat" : route === "POST /embeddings" ? "embeddings" : route === "POST /audio/transcriptions" ? "transcription" : undefined;
    if (!endpoint) return sendJson(res, 404, { error: { message: `unknown route ${route}`, type: "invalid_request_error" } });
    state.counts[endpoint] = (state.counts[endpoint] ?? 0) + 1;

    const raw = await readBody(req);
    await sleep(state.latencyMs ?? latencyMs);
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
    return chat(res, JSON.parse(raw.toString("utf8")), reply);
  }

  const server = createServer((req, res) => {
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

interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: Array<{ role: string; content: unknown }>;
  response_format?: { type: string; json_schema?: { schema?: unknown } };
}

function chat(res: ServerResponse, request: ChatRequest, reply: Reply | undefined) {
  const content = reply && "content" in reply ? reply.content : defaultChatContent(request);
  const promptTokens = reply && "prompt_tokens" in reply && reply.prompt_tokens !== undefined ? reply.prompt_tokens : countTokens(JSON.stringify(request.messages));
  const completionTokens = reply && "completion_tokens" in reply && reply.completion_tokens !== undefined ? reply.completion_tokens : countTokens(content);
  const id = `chatcmpl-stub-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  if (!request.stream) {
    return sendJson(res, 200, {
      id, object: "chat.completion", created, model: request.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const chunk = (delta: object, finish: string | null = null, usage?: object) =>
    res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: request.model, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`);
  chunk({ role: "assistant", content: "" });
  const pieces = content.match(/[\s\S]{1,24}/g) ?? [];
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
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}

/** A minimal instance of a JSON schema, enough for structured-output plumbing to parse. */
export function exampleFor(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.length) return exampleFor(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleFor(value)]));
    case "array":
      return schema.items ? [exampleFor(schema.items)] : [];
    case "string": return "stub";
    case "number": return schema.minimum ?? 0.5;
    case "integer": return schema.minimum ?? 1;
    case "boolean": return false;
    case "null": return null;
    default: return null;
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
function transcription(res: ServerResponse, reply: { text: string; words?: Array<{ word: string; start: number; end: number }>; duration?: number }) {
  let clock = 0;
  const words = reply.words ?? reply.text.split(/\s+/).filter(Boolean).map((token) => {
    const start = clock;
    clock += 0.4;
    const entry = { word: token.replace(/[.,!?]$/, ""), start: round(start), end: round(clock - 0.05) };
    if (/[.!?]$/.test(token)) clock += 0.8;
    return entry;
  });
  const duration = reply.duration ?? (words.length ? words[words.length - 1].end + 0.3 : 0);
  sendJson(res, 200, { task: "transcribe", language: "english", duration: round(duration), text: reply.text, words, segments: [] });
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
