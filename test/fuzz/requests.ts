/**
 * The requests the fuzzer generates for an operation of the OpenAPI document: arbitrary JSON and
 * form bodies (and objects with the operation's own field names holding arbitrary values),
 * arbitrary query strings and path parameters, arbitrary Content-Type, Accept, Authorization and
 * X-Request-Id headers, with and without a valid token (a verified therapist's and an admin's);
 * and otherwise valid requests with NUL or another control character in one free-text field.
 */
import fc from "fast-check";
import { DEFAULT_PASSWORD } from "../support/accounts";
import { FIXTURE_DOCUMENT_URL } from "../support/openai-stub";
import { bodyPropertyNames, exampleFor, type JsonSchema, jsonBodySchema, type Operation, resolveSchema } from "../support/openapi";
import { bystanderId, type Context, caseId, corpusDocumentId, doc } from "./fixtures";

export type Auth = "none" | "therapist" | "admin" | "garbage";

export interface FuzzRequest {
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
export const anyString = fc.oneof(
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

export function freeTextNames(op: Operation): Set<string> {
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

/** The boundary of the multipart bodies the fuzzer writes by hand (./contract.ts sends them). */
export const BOUNDARY = "----fuzz-boundary-7MA4YWxkTrZu0gW";

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

export function authorizationArb(): fc.Arbitrary<string> {
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

export function requestArb(op: Operation, ctx: Context): fc.Arbitrary<FuzzRequest> {
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

/**
 * An otherwise valid request (valid path parameters, the documented query parameters and JSON
 * body fields with valid values, an admin's token, or a therapist's on the AI routes) with one free-text field carrying NUL or
 * another control character: the value gets past validation and reaches the handler's queries.
 */
export function poisonedRequestArb(op: Operation, ctx: Context): fc.Arbitrary<FuzzRequest> {
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
