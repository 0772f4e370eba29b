/**
 * The app's own OpenAPI document as test input: its operations (method, path, parameters,
 * request bodies, documented responses) and a minimal example value for a JSON schema, so tests
 * that sweep every route pick up new routes without being edited.
 */
import type { TestApi } from "./api";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export interface OpenApiParameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown> };
}

export interface Operation {
  /** Upper case, e.g. `GET`. */
  method: string;
  /** The templated path, e.g. `/api/admin/users/{id}`. */
  path: string;
  /** `METHOD path`, a stable name for reports. */
  key: string;
  operation: OpenApiOperation;
}

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

export async function fetchOpenApi(api: TestApi): Promise<OpenApiDocument> {
  const { res, body } = await api.get("/openapi.json");
  if (res.status !== 200 || !isOpenApiDocument(body)) throw new Error(`GET /openapi.json answered ${res.status}`);
  return body;
}

/** The body of `/openapi.json`, checked to be an OpenAPI document. */
export function asOpenApiDocument(body: unknown): OpenApiDocument {
  if (!isOpenApiDocument(body)) throw new Error(`not an OpenAPI document: ${JSON.stringify(body).slice(0, 200)}`);
  return body;
}

function isOpenApiDocument(body: unknown): body is OpenApiDocument {
  return typeof body === "object" && body !== null && "paths" in body && typeof body.paths === "object" && body.paths !== null;
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      operations.push({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, operation });
    }
  }
  return operations;
}

export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.replace("#/components/schemas/", "");
    current = doc.components.schemas?.[name] ?? {};
  }
  return current;
}

/** The JSON schema of an operation's `application/json` body (resolved), if it has one. */
export function jsonBodySchema(doc: OpenApiDocument, operation: OpenApiOperation): JsonSchema | undefined {
  const content = operation.requestBody?.content?.["application/json"];
  return content ? resolveSchema(doc, content.schema) : undefined;
}

/** Every property name an operation's bodies (any media type) declare. */
export function bodyPropertyNames(doc: OpenApiDocument, operation: OpenApiOperation): string[] {
  const names = new Set<string>();
  for (const media of Object.values(operation.requestBody?.content ?? {})) {
    for (const name of Object.keys(resolveSchema(doc, media.schema).properties ?? {})) names.add(name);
  }
  return [...names];
}

/** The first 2xx status the operation documents (its success answer). */
export function successStatus(operation: OpenApiOperation): number | undefined {
  const code = Object.keys(operation.responses).find((status) => /^2\d\d$/.test(status));
  return code ? Number(code) : undefined;
}

/**
 * A minimal value the schema accepts, as far as the schema says (patterns are not honoured, so
 * tests give explicit values where a route needs more than the schema states).
 */
export function exampleFor(doc: OpenApiDocument, raw: JsonSchema | undefined): unknown {
  const schema = resolveSchema(doc, raw);
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum.find((value) => value !== null) ?? null;
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants?.length) return exampleFor(doc, variants[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? []) value[name] = exampleFor(doc, schema.properties?.[name]);
      return value;
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleFor(doc, schema.items));
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "string":
      switch (schema.format) {
        case "uuid":
          return crypto.randomUUID();
        case "email":
          return `someone.${crypto.randomUUID().slice(0, 8)}@example.com`;
        case "date-time":
          return new Date(0).toISOString();
        case "uri":
          return "https://example.com/document.md";
        default:
          return "x".repeat(Math.max(schema.minLength ?? 1, 1));
      }
    default:
      return null;
  }
}
