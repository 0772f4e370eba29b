/**
 * Property-based fuzzing of every operation in the app's own OpenAPI document (the rules of docs/api.md):
 * arbitrary JSON and form bodies (and objects with the operation's own field names holding
 * arbitrary values), arbitrary query strings and path parameters, arbitrary Content-Type,
 * Accept, Authorization and X-Request-Id headers, with and without a valid token (a verified
 * therapist's and an admin's).
 *
 * A second property per operation sends otherwise valid requests (an admin's token, valid
 * values) with NUL or another control character in one free-text field, so the value gets past
 * validation into the handler's queries.
 *
 * Whatever arrives: never a 5xx (every dependency is reachable here), every 4xx a problem+json
 * with the problem fields (429 with Retry-After), every response with X-Request-Id and
 * Server-Timing, and no response carrying the JWT secret, the OpenAI key, a password sent, a
 * stack trace or SQL. A failure names the shrunk request; the fast-check seed in the report
 * replays it. The summary (requests sent, statuses per operation) is printed at the end.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin, createVerifiedTherapist, DEFAULT_PASSWORD, type LoggedIn, registerUser, runSql } from "./support/accounts";
import { createTestApi } from "./support/api";
import { caseFiles, loadCases } from "./support/cases";
import { loadCorpus } from "./support/corpus";
import { postDocument } from "./support/knowledge";
import { FIXTURE_DOCUMENT_URL } from "./support/openai-stub";
import {
  bodyPropertyNames,
  exampleFor,
  fetchOpenApi,
  type JsonSchema,
  jsonBodySchema,
  listOperations,
  type Operation,
  resolveSchema,
} from "./support/openapi";

const api = await createTestApi();
const doc = await fetchOpenApi(api);
const operations = listOperations(doc);

/** Runs per operation: ~33 operations × 60 runs (about 2,000 requests) keeps the file well under two minutes. */
const RUNS_PER_OPERATION = 60;
const RUNS_UNKNOWN_ROUTES = 100;
const RUNS_POISONED = 20;

const caseId = (caseFiles[0] as { case_id: string }).case_id;
let corpusDocumentId: string;
let bystanderId: string;

beforeAll(async () => {
  await loadCorpus(api, { embed: true });
  await loadCases();
  const [[id]] = (await runSql(api, "select id from knowledge_documents order by title limit 1")) as [[string]];
  corpusDocumentId = id;
  bystanderId = (await registerUser(api, { role: "therapist", license_type: "LPC", license_number: "LPC-1", license_state: "NY" })).user.id;
}, 120_000);

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
// Generated requests
// ---------------------------------------------------------------------------------------------

type Auth = "none" | "therapist" | "admin" | "garbage";

interface FuzzRequest {
  method: string;
  path: string;
  /** Already encoded (or deliberately not). */
  query: string;
  headers: Record<string, string>;
  auth: Auth;
  garbageAuthorization: string;
  body: BodySpec;
}

type BodySpec =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "raw"; text: string }
  | { kind: "form"; entries: Array<[string, string]> }
  | { kind: "multipart"; entries: Array<[string, string]>; file: { name: string; type: string; bytes: Uint8Array } | null };

const INTERESTING = [
  "",
  " ",
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  "1; select pg_sleep(10)",
  "%",
  "%ZZ",
  "%E0%A4%A",
  "\u0000",
  "a\u0000b",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "😀👩‍⚕️🧠",
  "𝕿𝖍𝖊𝖗𝖆𝖕𝖞",
  "null",
  "undefined",
  "true",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "-1",
  "0",
  "9".repeat(400),
  "99999999999999999999999999999999",
  "00000000-0000-0000-0000-000000000000",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "{{7*7}}",
  // A log4j-style lookup, as attackers send it (a literal, not a template).
  "$" + "{jndi:ldap://x}",
  "a".repeat(1100),
  "depression",
  "F32.1",
  "Low mood and anhedonia for two months; wants to die and has a plan.",
];

const hugeNumbers = fc.constantFrom(
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_VALUE,
  Number.MAX_VALUE,
  1e308,
  -1e-308,
  2 ** 53,
  0.1 + 0.2,
  -0,
);
const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(...INTERESTING),
);
const headerSafe = fc.string({ maxLength: 60 }); // printable ASCII: header values a Request accepts

function enumValues(schema: JsonSchema): string[] {
  const resolved = resolveSchema(doc, schema);
  const values = resolved.enum ?? (Array.isArray(resolved.anyOf) ? resolved.anyOf.flatMap((s) => s.enum ?? []) : []);
  return values.filter((value): value is string => typeof value === "string");
}

function freeTextNames(op: Operation): Set<string> {
  return new Set([...fieldSchemas(op)].filter(([, schema]) => isFreeText(schema)).map(([name]) => name));
}

/** Schemas of an operation's fields by name, across its media types. */
function fieldSchemas(op: Operation): Map<string, JsonSchema> {
  const fields = new Map<string, JsonSchema>();
  for (const media of Object.values(op.operation.requestBody?.content ?? {})) {
    for (const [name, schema] of Object.entries(resolveSchema(doc, media.schema).properties ?? {})) fields.set(name, schema);
  }
  for (const parameter of op.operation.parameters ?? []) if (parameter.schema) fields.set(parameter.name, parameter.schema);
  return fields;
}

/** A per-operation context: the accounts of this operation's run, and values that reach deep into handlers. */
interface Context {
  therapist: LoggedIn;
  admin: LoggedIn;
  /** A document of this operation's own, for DELETE to remove (the corpus stays whole). */
  documentId: string | null;
}

function wavBytes(): Uint8Array {
  const bytes = new Uint8Array(44 + 800);
  const view = new DataView(bytes.buffer);
  const put = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  put(0, "RIFF");
  view.setUint32(4, 36 + 800, true);
  put(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, "data");
  view.setUint32(40, 800, true);
  return bytes;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const hex = fc.stringMatching(/^[0-9a-f]{10}$/);

/** Values that pass validation for fields whose names say what they hold, so runs get past the validator. */
function validValue(name: string, schema: JsonSchema | undefined): fc.Arbitrary<unknown> | null {
  const values = enumValues(schema ?? {});
  if (values.length) return fc.constantFrom(...values);
  if (name === "username") return hex.map((h) => `fuzz-${h}`);
  if (name === "email") return hex.map((h) => `fuzz.${h}@example.com`);
  if (/password/i.test(name)) return hex.map((h) => `Fz!${h}-Aa9`);
  if (/_name$|organization|license_number|license_state|title|disorder|category|evidence_level|source/.test(name))
    return fc.constantFrom("Ann", "Clinic One", "CA", "LMFT-1", "Depression notes");
  if (/symptoms|diagnosis|patient_context|content|^q$/.test(name))
    return fc.constantFrom(
      "Low mood, poor sleep and loss of interest for two months.",
      "Generalized anxiety disorder (F41.1)",
      "panic attacks",
    );
  if (name === "responses") return fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 9 });
  if (name === "audio_data") return fc.constant(base64(wavBytes()));
  if (name === "url") return fc.constant(`${FIXTURE_DOCUMENT_URL}?type=text/markdown`);
  if (name === "limit") return fc.integer({ min: 1, max: 100 }).map(String);
  return null;
}

/** Values for one field: arbitrary ones, its schema's enum, and some that pass validation. */
function valueFor(name: string, schema: JsonSchema | undefined, ctx: Context): fc.Arbitrary<unknown> {
  const plausible: unknown[] = [...enumValues(schema ?? {})];
  if (/password/i.test(name))
    plausible.push(DEFAULT_PASSWORD, "Sh0rt!", "nouppercase1!", "NoSymbol1234", "Val1d-Passw0rd!", "x".repeat(200));
  if (/email/i.test(name))
    plausible.push(
      ctx.therapist.user.email,
      ctx.admin.user.email,
      "not-an-email",
      "UPPER@EXAMPLE.COM",
      "a@b",
      `${"x".repeat(250)}@example.com`,
    );
  if (/username/i.test(name)) plausible.push(ctx.therapist.user.username, ctx.therapist.user.email, "ab", "admin");
  if (name === "url")
    plausible.push(
      `${FIXTURE_DOCUMENT_URL}?type=text/markdown`,
      `${FIXTURE_DOCUMENT_URL}?type=image/png`,
      `${FIXTURE_DOCUMENT_URL}?bytes=3000000`,
      "not a url",
      "ftp://example.com/x",
      "javascript:alert(1)",
      "http://user:pw@localhost/",
    );
  if (name === "audio_data")
    plausible.push(
      base64(wavBytes()),
      `data:audio/wav;base64,${base64(wavBytes())}`,
      "!!!not-base64!!!",
      "",
      base64(new Uint8Array([1, 2, 3, 4])),
    );
  if (name === "responses")
    plausible.push(
      [0, 1, 2, 3, 0, 1, 2, 3, 3],
      [3, 3, 3, 3, 3, 3, 3],
      [4, 0, 0, 0, 0, 0, 0, 0, 0],
      [],
      [1.5, 0, 0, 0, 0, 0, 0],
      Array(10).fill(0),
      ["1", "2"],
    );
  if (name === "refresh_token") plausible.push(ctx.therapist.tokens.refresh_token, "x".repeat(16), "x".repeat(201));
  if (/symptoms|diagnosis|patient_context|content/.test(name))
    plausible.push("Two months of low mood and poor sleep.", "x".repeat(20_001), "I want to kill myself");
  if (/^(user_)?id$/.test(name)) plausible.push(bystanderId, ctx.therapist.user.id);
  if (name === "since") plausible.push("2020-01-01T00:00:00Z", "yesterday", "2020-13-45T99:99:99Z");
  if (name === "limit") plausible.push("0", "1", "100", "101", "-5", "abc", "1.5");
  if (name === "cursor") plausible.push("Y2FzZS0wMDE=", "!!!", "eyJ4IjoxfQ", btoa("case-005"));
  if (name === "type") plausible.push("dsm5_criteria", "reference", "nope");
  if (name === "role") plausible.push("admin", "student", "superuser");
  if (/^is_/.test(name)) plausible.push(true, false, "true", "false", "yes");
  const arbitraries: Array<fc.Arbitrary<unknown>> = [
    fc.jsonValue({ maxDepth: 2 }),
    anyString,
    fc.integer(),
    hugeNumbers,
    fc.boolean(),
    fc.constant(null),
  ];
  if (plausible.length) arbitraries.push(fc.constantFrom(...plausible), fc.constantFrom(...plausible));
  const valid = validValue(name, schema);
  if (valid) arbitraries.push(valid, valid);
  return fc.oneof(...arbitraries);
}

function validOrAny(name: string, schema: JsonSchema | undefined, ctx: Context): fc.Arbitrary<unknown> {
  return validValue(name, schema) ?? valueFor(name, schema, ctx);
}

/** Characters Postgres text, JSON or HTTP handle badly: NUL above all, other controls, a lone surrogate. */
const POISON = fc.constantFrom("\u0000", "\u0000", "\u0000", "\u0001", "\u001b", "\u007f", "\ud800", "\uffff", "\u2028");

/** Free text: a string field without an enum (an enum value with a poison character is merely invalid). */
function isFreeText(schema: JsonSchema | undefined): boolean {
  const resolved = resolveSchema(doc, schema);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  return (
    types.includes("string") &&
    !resolved.enum &&
    resolved.format !== "uuid" &&
    resolved.format !== "date-time" &&
    resolved.format !== "binary"
  );
}

/** An otherwise valid object with one of its free-text fields carrying a poison character. */
function poisoned(
  valid: fc.Arbitrary<Record<string, unknown>>,
  freeText: Set<string> | null = null,
  poison: fc.Arbitrary<string> = POISON,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(valid, fc.nat(), poison).map(([object, index, poison]) => {
    const strings = Object.keys(object).filter((key) => typeof object[key] === "string");
    const preferred = strings.filter((key) => freeText?.has(key));
    const keys = preferred.length ? preferred : strings;
    if (!keys.length) return object;
    const key = keys[index % keys.length];
    const value = object[key] as string;
    return { ...object, [key]: `${value.slice(0, 1)}${poison}${value.slice(1)}` };
  });
}

/** A JSON value for the body: arbitrary JSON, or an object with the operation's own field names. */
function bodyValue(op: Operation, ctx: Context): fc.Arbitrary<unknown> {
  const names = bodyPropertyNames(doc, op.operation);
  const schemas = fieldSchemas(op);
  if (!names.length) return fc.jsonValue({ maxDepth: 3 });
  const own = fc.record(Object.fromEntries(names.map((name) => [name, valueFor(name, schemas.get(name), ctx)])), { requiredKeys: [] });
  const withExtras = fc
    .tuple(own, fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }))
    .map(([a, b]) => ({ ...b, ...a }));
  // Every field valid where the name says how: the request reaches the handler's own logic.
  const validish = fc.record(Object.fromEntries(names.map((name) => [name, validOrAny(name, schemas.get(name), ctx)])), {
    requiredKeys: [],
  });
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    { arbitrary: own, weight: 3 },
    { arbitrary: validish, weight: 2 },
    {
      arbitrary: poisoned(
        fc.record(Object.fromEntries(names.map((name) => [name, validOrAny(name, schemas.get(name), ctx)]))),
        freeTextNames(op),
      ),
      weight: 2,
    },
    { arbitrary: withExtras, weight: 1 },
  );
}

function asEntries(value: unknown): Array<[string, string]> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [["value", JSON.stringify(value) ?? ""]];
  return Object.entries(value).map(([key, field]) => [key, typeof field === "string" ? field : (JSON.stringify(field) ?? "")]);
}

function bodyArb(op: Operation, ctx: Context): fc.Arbitrary<BodySpec> {
  if (op.method === "GET" || op.method === "HEAD") return fc.constant({ kind: "none" } as const);
  const value = bodyValue(op, ctx);
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => ({ kind: "json", value: v }) as const) },
    { weight: 1, arbitrary: fc.constant({ kind: "none" } as const) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          anyString,
          fc.constantFrom('{"a":', "[1,2", "{'single': 1}", "\ufeff{}", "null", '{"__proto__": {"isAdmin": true}}', '{"a":1}{"b":2}'),
        )
        .map((text) => ({ kind: "raw", text }) as const),
    },
    { weight: 2, arbitrary: value.map((v) => ({ kind: "form", entries: asEntries(v) }) as const) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          value,
          fc.option(
            fc.record({
              name: fc.constantFrom("notes.md", "a.txt", "doc.json", "audio.wav", "x.exe", "", "../../x.md"),
              type: fc.constantFrom("text/markdown", "text/plain", "application/json", "audio/wav", "application/octet-stream", ""),
              bytes: fc.oneof(
                fc.uint8Array({ maxLength: 300 }),
                fc.constant(wavBytes()),
                fc.constant(new TextEncoder().encode("# Title\n\nSome markdown about sleep.")),
              ),
            }),
          ),
        )
        .map(([v, file]) => ({ kind: "multipart", entries: asEntries(v), file }) as const),
    },
  );
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=----fuzz",
  "text/plain",
  "text/markdown",
  "application/xml",
  "application/problem+json",
  "application/json; charset=latin1",
  "garbage",
  "*/*",
  "",
];
const ACCEPTS = [
  "application/json",
  "text/event-stream",
  "*/*",
  "text/html",
  "application/problem+json",
  "garbage/garbage;q=x",
  "text/event-stream, application/json;q=0.5",
  "",
];

function queryArb(op: Operation, ctx: Context): fc.Arbitrary<string> {
  const schemas = fieldSchemas(op);
  const names = (op.operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const key = names.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) })
    : fc.string({ maxLength: 10 });
  const pair = key.chain((name) =>
    fc.tuple(
      fc.constant(name),
      valueFor(name, schemas.get(name), ctx).map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""))),
    ),
  );
  const asString = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
  // Every documented parameter valid but one poisoned: the value reaches the handler's queries.
  const poisonedPairs = names.length
    ? poisoned(
        fc.record(Object.fromEntries(names.map((name) => [name, validOrAny(name, schemas.get(name), ctx).map(asString)]))),
        freeTextNames(op),
      ).map((object) => Object.entries(object).map(([k, v]) => [k, asString(v)] as [string, string]))
    : fc.constant([] as Array<[string, string]>);
  const pairs = fc.oneof({ weight: 3, arbitrary: fc.array(pair, { maxLength: 6 }) }, { weight: 1, arbitrary: poisonedPairs });
  return fc
    .tuple(pairs, fc.boolean())
    .map(([entries, encode]) => (encode ? new URLSearchParams(entries).toString() : entries.map(([k, v]) => `${k}=${v}`).join("&")));
}

/** Path parameters: valid ids (so handlers get past lookup) and arbitrary strings, sometimes not encoded. */
function pathArb(op: Operation, ctx: Context): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  if (!names.length) return fc.constant(op.path);
  const valid = (name: string): string[] => {
    if (name === "id" && op.path.startsWith("/api/admin/users")) return [bystanderId, ctx.therapist.user.id, ctx.admin.user.id];
    if (name === "id") return op.method === "DELETE" && ctx.documentId ? [ctx.documentId] : [corpusDocumentId];
    if (name === "instrument") return ["phq9", "gad7", "PHQ9"];
    if (name === "case_id") return [caseId, "no-such-case"];
    return [];
  };
  const segment = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: valid(name).length ? fc.constantFrom(...valid(name)) : anyString },
      { weight: 2, arbitrary: anyString.map(encodeURIComponent) },
      { weight: 1, arbitrary: fc.constantFrom("%", "%ZZ", "%E0%A4%A", "..", "%2e%2e", "a%2Fb", "%00", "x".repeat(300)) },
    );
  return fc.tuple(...names.map(segment)).map((values) => {
    let i = 0;
    return op.path.replace(/\{[^}]+\}/g, () => values[i++]);
  });
}

function authorizationArb(): fc.Arbitrary<string> {
  return fc.oneof(
    headerSafe,
    headerSafe.map((s) => `Bearer ${s}`),
    fc.constantFrom(
      "Bearer",
      "Bearer ",
      "Basic dXNlcjpwYXNz",
      "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiYWRtaW4ifQ.",
      "Bearer a.b.c",
      "Bearer ..",
      `Bearer ${"A".repeat(5000)}`,
    ),
  );
}

function requestArb(op: Operation, ctx: Context): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: pathArb(op, ctx),
      query: fc.oneof({ weight: 1, arbitrary: fc.constant("") }, { weight: 3, arbitrary: queryArb(op, ctx) }),
      contentType: fc.option(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: headerSafe })),
      matchContentType: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      accept: fc.option(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ACCEPTS) }, { weight: 1, arbitrary: headerSafe })),
      requestId: fc.option(fc.oneof(headerSafe, fc.constantFrom("abc-123", "x".repeat(129), "req_ok.1:2"))),
      ip: fc.oneof({ weight: 6, arbitrary: fc.ipV6() }, { weight: 3, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: headerSafe }),
      auth: fc.constantFrom<Auth>("none", "therapist", "therapist", "admin", "admin", "garbage"),
      garbageAuthorization: authorizationArb(),
      body: bodyArb(op, ctx),
    })
    .map(({ path, query, contentType, matchContentType, accept, requestId, ip, auth, garbageAuthorization, body }) => {
      const headers: Record<string, string> = { "CF-Connecting-IP": ip };
      // Mostly the media type that matches the body, sometimes any other.
      const natural =
        body.kind === "json" || body.kind === "raw"
          ? "application/json"
          : body.kind === "form"
            ? "application/x-www-form-urlencoded"
            : body.kind === "multipart"
              ? `multipart/form-data; boundary=${BOUNDARY}`
              : null;
      if (matchContentType && natural) headers["Content-Type"] = natural;
      else if (contentType !== null) headers["Content-Type"] = contentType;
      if (accept !== null) headers.Accept = accept;
      if (requestId !== null) headers["X-Request-Id"] = requestId;
      return { method: op.method, path, query, headers, auth, garbageAuthorization, body };
    });
}

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

const BOUNDARY = "----fuzz-boundary-7MA4YWxkTrZu0gW";

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
async function check(key: string, request: FuzzRequest, ctx: Context): Promise<void> {
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

async function freshContext(op?: Operation): Promise<Context> {
  const admin = await createAdmin(api);
  const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
  let documentId: string | null = null;
  if (op?.method === "DELETE") {
    const created = await postDocument(api, admin.tokens.access_token, {
      type: "reference",
      title: `Fuzz victim ${crypto.randomUUID()}`,
      content: "A note the fuzzer may delete.",
    });
    if (created.status !== 201) throw new Error(`could not create a document: ${created.status} ${await created.text()}`);
    documentId = (await created.json()).id;
  }
  return { admin, therapist, documentId };
}

// ---------------------------------------------------------------------------------------------

afterAll(() => {
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
});

/**
 * An otherwise valid request (valid path parameters, the documented query parameters and JSON
 * body fields with valid values, an admin's token, or a therapist's on the AI routes) with one free-text field carrying NUL or
 * another control character: the value gets past validation and reaches the handler's queries.
 */
function poisonedRequestArb(op: Operation, ctx: Context): fc.Arbitrary<FuzzRequest> {
  const schemas = fieldSchemas(op);
  const freeText = freeTextNames(op);
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (name === "id")
      return op.path.startsWith("/api/admin/users")
        ? bystanderId
        : op.method === "DELETE" && ctx.documentId
          ? ctx.documentId
          : corpusDocumentId;
    return name === "instrument" ? "phq9" : name === "case_id" ? caseId : "x";
  });
  const queryParameters = (op.operation.parameters ?? []).filter((p) => p.in === "query");
  const bodySchema = jsonBodySchema(doc, op.operation);
  const bodyFields = Object.keys(bodySchema?.properties ?? {});
  const targets = [...freeText].filter((name) => bodyFields.includes(name) || queryParameters.some((p) => p.name === name));
  const nulMostly = fc.constantFrom("\u0000", "\u0000", "\u0000", "\u0000", "\u0000", "\u0001", "\ud800", "\u2028");
  /**
   * Required fields, the target (poisoned), and other fields with a known valid value unless they
   * are free text too (login takes `username` over `email`: a clean one would hide the other).
   */
  const fieldsOf = (names: string[], required: Set<string>, target: string) =>
    fc
      .tuple(
        fc.record(
          Object.fromEntries(
            names
              .filter((name) => required.has(name) || name === target || (!freeText.has(name) && validValue(name, schemas.get(name))))
              .map((name) => [name, validValue(name, schemas.get(name)) ?? fc.constant(exampleFor(doc, schemas.get(name)))]),
          ),
        ),
        nulMostly,
      )
      .map(([fields, poison]) => {
        const value = fields[target];
        return typeof value === "string" ? { ...fields, [target]: `${value.slice(0, 1)}${poison}${value.slice(1)}` } : fields;
      });
  return fc
    .constantFrom(...targets)
    .chain((target) =>
      fc.tuple(
        fieldsOf(
          queryParameters.map((p) => p.name),
          new Set(queryParameters.filter((p) => p.required).map((p) => p.name)),
          target,
        ),
        bodySchema ? fieldsOf(bodyFields, new Set(bodySchema.required ?? []), target) : fc.constant(null),
        fc.ipV6(),
        // The AI routes allow 10 calls a minute per user: spread the runs over both accounts.
        op.operation.responses["429"] && op.operation.security?.length
          ? fc.constantFrom<Auth>("admin", "therapist")
          : fc.constant<Auth>("admin"),
      ),
    )
    .map(([q, b, ip, auth]) => {
      const headers: Record<string, string> = { "CF-Connecting-IP": ip };
      if (b !== null) headers["Content-Type"] = "application/json";
      return {
        method: op.method,
        path,
        query: new URLSearchParams(Object.entries(q).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString(),
        headers,
        auth,
        garbageAuthorization: "",
        body: b === null ? ({ kind: "none" } as const) : ({ kind: "json", value: b } as const),
      };
    });
}

describe("control characters in otherwise valid requests", () => {
  // Free text in the query or a JSON body (multipart-only fields are fuzzed above).
  const targets = operations.filter((op) => {
    const names = [...freeTextNames(op)];
    const inQuery = (op.operation.parameters ?? []).some((p) => p.in === "query" && names.includes(p.name));
    const inBody = Object.keys(jsonBodySchema(doc, op.operation)?.properties ?? {}).some((name) => names.includes(name));
    return inQuery || inBody;
  });

  it("some operations take free text", () => {
    expect(targets.length).toBeGreaterThanOrEqual(10);
  });

  for (const op of targets) {
    it(`${op.key}: NUL or a control character in a free-text field is a 4xx or a success, never a 5xx`, { timeout: 60_000 }, async () => {
      const ctx = await freshContext(op);
      await fc.assert(
        fc.asyncProperty(poisonedRequestArb(op, ctx), (request) => check(`${op.key} (poisoned)`, request, ctx)),
        { numRuns: RUNS_POISONED },
      );
    });
  }
});

describe("fuzzing every operation of the OpenAPI document", () => {
  it("the document has the operations to fuzz", () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
  });

  for (const op of operations) {
    it(`${op.key}: never a 5xx, 4xx are problems, nothing leaks`, { timeout: 60_000 }, async () => {
      // Accounts of this operation alone: a generated change-password, logout, self-demotion or
      // AI rate limit must not spill into the next operation's runs.
      const ctx = await freshContext(op);
      await fc.assert(
        fc.asyncProperty(requestArb(op, ctx), (request) => check(op.key, request, ctx)),
        { numRuns: RUNS_PER_OPERATION, interruptAfterTimeLimit: 45_000 },
      );
    });
  }

  it("unknown routes and wrong methods answer problems too", { timeout: 60_000 }, async () => {
    const ctx = await freshContext();
    const paths = operations.map((op) => op.path.replace(/\{[^}]+\}/g, "x"));
    const arb = fc
      .record({
        method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
        path: fc.oneof(
          fc.constantFrom(...paths, "/openapi.json", "/docs", "/api", "/api/v1", "/api/v2/x", "//", "/api/auth/", "/%", "/%ZZ"),
          fc.array(anyString.map(encodeURIComponent), { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join("/")}`),
        ),
        auth: fc.constantFrom<Auth>("none", "admin", "garbage"),
        garbageAuthorization: authorizationArb(),
        ip: fc.ipV6(),
      })
      .map(
        ({ method, path, auth, garbageAuthorization, ip }): FuzzRequest => ({
          method,
          path,
          query: "",
          headers: { "CF-Connecting-IP": ip },
          auth,
          garbageAuthorization,
          body: { kind: "none" },
        }),
      );
    await fc.assert(
      fc.asyncProperty(arb, (request) => check("unknown routes / wrong methods", request, ctx)),
      { numRuns: RUNS_UNKNOWN_ROUTES },
    );
  });
});
