/**
 * What every answer to a fuzzed request must be: never a 5xx (every dependency is reachable
 * here), every 4xx a problem+json with the problem fields (429 with Retry-After), every response
 * with X-Request-Id and Server-Timing, and no response carrying the JWT secret, the OpenAI key, a
 * password sent, a stack trace or SQL. A failure names the shrunk request; the fast-check seed in
 * the report replays it. `printSummary` (for afterAll) prints the requests sent and the statuses
 * per operation.
 */
import { env } from "cloudflare:test";
import { DEFAULT_PASSWORD } from "../support/accounts";
import { api, type Context } from "./fixtures";
import { BOUNDARY, type FuzzRequest } from "./requests";

// ---------------------------------------------------------------------------------------------
// What must never appear in a response
// ---------------------------------------------------------------------------------------------

const SECRETS: Array<[name: string, value: string]> = [
  ["JWT secret", env.JWT_SECRET],
  ["OpenAI key of this file", api.openaiKey],
  ["shared OpenAI key", env.OPENAI_API_KEY],
  ["the accounts' password", DEFAULT_PASSWORD],
].filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].length >= 8);

const STACK_TRACE = [
  /\n\s+at\s+\S/,
  /\\n\s+at\s+\S/,
  /\bat\s+\S*\s?\(?\S*\.(?:ts|js|mjs|cjs):\d+:\d+/,
  /\b(?:Type|Reference|Syntax|Range|Neon\w*|Drizzle\w*)?Error: /,
];
/** In problem answers, any of these; in successful answers (clinical text says "select ..."), SQL shapes only. */
const SQL_IN_PROBLEMS = /select |insert into|delete from|update\s+"?\w+"?\s+set\s/i;
const SQL_IN_ANSWERS =
  /insert into|delete from|select\s+[\w"*.()]+(?:\s*,\s*[\w"*.()]+)*\s+from\s+"?\w|update\s+"?\w+"?\s+set\s+"?\w+"?\s*=/i;

// ---------------------------------------------------------------------------------------------
// Sending and checking
// ---------------------------------------------------------------------------------------------

const histogram = new Map<number, number>();
const perOperation = new Map<string, Map<number, number>>();
let sent = 0;

function count(key: string, status: number) {
  sent++;
  histogram.set(status, (histogram.get(status) ?? 0) + 1);
  const own = perOperation.get(key) ?? new Map<number, number>();
  own.set(status, (own.get(status) ?? 0) + 1);
  perOperation.set(key, own);
}

function toInit(request: FuzzRequest, ctx: Context): RequestInit {
  const headers = { ...request.headers };
  if (request.auth === "therapist") headers.Authorization = `Bearer ${ctx.therapist.tokens.access_token}`;
  if (request.auth === "admin") headers.Authorization = `Bearer ${ctx.admin.tokens.access_token}`;
  if (request.auth === "garbage") headers.Authorization = request.garbageAuthorization;
  const init: RequestInit = { method: request.method, headers };
  const body = request.body;
  if (body.kind === "json") init.body = JSON.stringify(body.value) ?? "null";
  if (body.kind === "raw") init.body = body.text;
  if (body.kind === "form") init.body = new URLSearchParams(body.entries).toString();
  if (body.kind === "multipart") init.body = multipart(body.entries, body.file);
  return init;
}

/**
 * A multipart/form-data body written by hand (as a browser would, quotes and newlines in names
 * escaped), not through FormData: the runtime's FormData refuses some names a raw client can send.
 */
function multipart(entries: Array<[string, string]>, file: { name: string; type: string; bytes: Uint8Array } | null): Uint8Array {
  const encoder = new TextEncoder();
  const escapeName = (text: string) => text.replaceAll('"', "%22").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
  const parts: Uint8Array[] = [];
  for (const [name, value] of entries)
    parts.push(encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      encoder.encode(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${escapeName(file.name)}"\r\nContent-Type: ${file.type || "application/octet-stream"}\r\n\r\n`,
      ),
    );
    parts.push(file.bytes, encoder.encode("\r\n"));
  }
  parts.push(encoder.encode(`--${BOUNDARY}--\r\n`));
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Each %XX escape decoded where it forms valid UTF-8, the rest left as it is. */
function safeDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The password values a request carries (fields named like password), with what else it carries. */
function sentPasswords(request: FuzzRequest): { passwords: string[]; rest: string } {
  const passwords: string[] = [];
  const visit = (value: unknown): unknown => {
    if (!value || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(visit);
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => {
        if (/password/i.test(key) && typeof field === "string") {
          passwords.push(field);
          return [key, "<password>"];
        }
        return [key, visit(field)];
      }),
    );
  };
  // The request as sent and as the app decodes it (a 404 names the decoded path).
  const target = `${request.path}?${request.query}`;
  let rest = `${target} ${safeDecode(target)} ${safeDecode(target.replaceAll("+", " "))} ${JSON.stringify(request.headers)}`;
  const body = request.body;
  if (body.kind === "json") rest += JSON.stringify(visit(body.value));
  if (body.kind === "raw") rest += body.text;
  if (body.kind === "form" || body.kind === "multipart") {
    for (const [key, value] of body.entries) {
      if (/password/i.test(key)) passwords.push(value);
      else rest += ` ${key}=${value}`;
    }
  }
  return { passwords: passwords.filter((p) => p.length >= 8), rest };
}

function breachesOf(request: FuzzRequest, res: Response, text: string): string[] {
  const found: string[] = [];
  const status = res.status;
  if (status >= 500) found.push(`a ${status} (never a 5xx: every dependency is reachable)`);
  if (!res.headers.get("X-Request-Id")) found.push("no X-Request-Id");
  if (!/total;dur=/.test(res.headers.get("Server-Timing") ?? "")) found.push("no Server-Timing total");

  if (status >= 400 && request.method !== "HEAD") {
    const contentType = res.headers.get("Content-Type") ?? "";
    if (!/^application\/problem\+json/.test(contentType))
      found.push(`a ${status} with Content-Type "${contentType}", not application/problem+json`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      found.push(`a ${status} whose body is not JSON`);
    }
    if (parsed !== undefined) {
      if (typeof parsed !== "object" || parsed === null) found.push("problem is not an object");
      else {
        const problem = parsed as Record<string, unknown>;
        if (typeof problem.type !== "string" || !problem.type) found.push("problem.type missing");
        if (typeof problem.title !== "string" || !problem.title) found.push("problem.title missing");
        if (problem.status !== status) found.push(`problem.status ${JSON.stringify(problem.status)} ≠ ${status}`);
        if (typeof problem.detail !== "string" || !problem.detail) found.push("problem.detail missing");
        if (typeof problem.code !== "string" || !/^[a-z][a-z0-9_]*$/.test(problem.code))
          found.push(`problem.code ${JSON.stringify(problem.code)}`);
        if (problem.request_id !== res.headers.get("X-Request-Id"))
          found.push(`problem.request_id ${JSON.stringify(problem.request_id)} ≠ X-Request-Id ${res.headers.get("X-Request-Id")}`);
        if (
          "errors" in problem &&
          !(
            Array.isArray(problem.errors) &&
            problem.errors.every(
              (e: unknown) =>
                typeof e === "object" &&
                e !== null &&
                "path" in e &&
                typeof e.path === "string" &&
                "message" in e &&
                typeof e.message === "string",
            )
          )
        )
          found.push("problem.errors malformed");
      }
    }
    if (status === 429 && !/^\d+$/.test(res.headers.get("Retry-After") ?? "")) found.push("429 without Retry-After");
    if (status === 405 && !res.headers.get("Allow")) found.push("405 without Allow");
  }

  // Server-Sent Events: an upstream failure mid-stream is an `error` event carrying a problem.
  if (/^text\/event-stream/.test(res.headers.get("Content-Type") ?? "")) {
    for (const match of text.matchAll(/event: error\ndata: (.*)/g)) {
      try {
        const problem = JSON.parse(match[1]) as { status?: number };
        if ((problem.status ?? 0) >= 500) found.push(`an SSE error event with status ${problem.status}: ${match[1].slice(0, 200)}`);
      } catch {
        found.push("an SSE error event whose data is not JSON");
      }
    }
  }

  const { passwords, rest } = sentPasswords(request);
  const headerText = [...res.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  const everything = `${headerText}\n${text}`;
  for (const [name, secret] of SECRETS)
    if (everything.includes(secret) && !rest.includes(secret)) found.push(`the response contains the ${name}`);
  for (const password of passwords)
    if (everything.includes(password) && !rest.includes(password))
      found.push(`the response contains a password that was sent (${JSON.stringify(password).slice(0, 40)})`);
  // A match is excused only when the request itself carried that text (an echoed query or path).
  const echoed = (match: RegExpExecArray) =>
    rest.toLowerCase().includes(text.slice(match.index, match.index + Math.max(match[0].length, 15)).toLowerCase());
  for (const pattern of STACK_TRACE) {
    const match = pattern.exec(text);
    if (match && !echoed(match)) found.push(`stack trace text ${JSON.stringify(text.slice(match.index, match.index + 60))}`);
  }
  const sql = (status >= 400 ? SQL_IN_PROBLEMS : SQL_IN_ANSWERS).exec(text);
  if (sql && !echoed(sql)) found.push(`SQL text ${JSON.stringify(text.slice(sql.index, sql.index + 60))}`);
  return found;
}

function describeRequest(request: FuzzRequest, init: RequestInit): string {
  const body =
    request.body.kind === "json"
      ? JSON.stringify(request.body.value)
      : request.body.kind === "raw"
        ? request.body.text
        : request.body.kind === "none"
          ? ""
          : JSON.stringify(request.body);
  const headers = { ...(init.headers as Record<string, string>) };
  if (headers.Authorization && request.auth !== "garbage") headers.Authorization = `Bearer <${request.auth} token>`;
  return `${request.method} ${request.path}${request.query ? `?${request.query}` : ""} headers=${JSON.stringify(headers).slice(0, 400)} body=${(body ?? "").slice(0, 600)}`;
}

/** Sends one generated request; throws (for fast-check to shrink) on any breach of the contract. */
export async function check(key: string, request: FuzzRequest, ctx: Context): Promise<void> {
  const init = toInit(request, ctx);
  let res: Response;
  try {
    // Absolute, so that a path such as "//" stays a path.
    res = await api.fetch(`http://api.test${request.path}${request.query ? `?${request.query}` : ""}`, init);
  } catch (error) {
    // The Worker threw instead of answering: the runtime would turn this into a 500.
    throw new Error(`the Worker threw ${String(error)} for ${describeRequest(request, init)}`);
  }
  const text = await res.text();
  count(key, res.status);
  const found = breachesOf(request, res, text);
  if (found.length)
    throw new Error(`${found.join("; ")}\n  request: ${describeRequest(request, init)}\n  answer: ${res.status} ${text.slice(0, 500)}`);
}

/** The requests sent by this test file, and their statuses overall and per operation. */
export function printSummary() {
  const statuses = [...histogram]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(" ");
  console.log(`fuzz: ${sent} requests over ${perOperation.size} operations; statuses ${statuses}`);
  for (const [key, own] of perOperation)
    console.log(
      `  ${key}: ${[...own]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(" ")}`,
    );
}
