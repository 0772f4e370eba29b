/**
 * Answer schemas made fit to validate a request: a client sends back an answer the API gave
 * (POST /api/v1/reports, POST /api/v1/fhir/convert), and the answers' own schemas leave sizes open.
 */
import { z } from "@hono/zod-openapi";
import { thousands } from "../lib/thousands";

/** Far above any answer the API gives; what bounds a request. */
const MAX_CONTENT_STRING = 20_000;
const MAX_CONTENT_ITEMS = 200;
/** A map in an answer is keyed by a note's sections: at most 12 for a template, 4 for a format. */
const MAX_CONTENT_KEYS = 20;

/**
 * An answer schema with a maximum size on every string, a maximum length on every array and a
 * maximum number of keys on every map, so the same shape a flow answers with can validate a
 * request. Object refinements are not carried over; callers add back the ones they need.
 */
export function bounded<T extends z.ZodType>(schema: T): T;
export function bounded(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject)
    return z.object(Object.fromEntries(Object.entries(schema.shape).map(([key, value]) => [key, bounded(value as z.ZodType)])));
  if (schema instanceof z.ZodArray)
    return z.array(bounded(schema.element as z.ZodType)).max(MAX_CONTENT_ITEMS, `must have at most ${MAX_CONTENT_ITEMS} items`);
  if (schema instanceof z.ZodRecord)
    return z
      .record(bounded(schema.keyType as z.ZodString), bounded(schema.valueType as z.ZodType))
      .refine((map) => Object.keys(map).length <= MAX_CONTENT_KEYS, `must have at most ${MAX_CONTENT_KEYS} keys`)
      .openapi({ maxProperties: MAX_CONTENT_KEYS });
  if (schema instanceof z.ZodNullable) return bounded(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodOptional) return bounded(schema.unwrap() as z.ZodType).optional();
  const { type, format } = schema._zod.def as { type: string; format?: string };
  if (type === "string" && format !== "uuid")
    return (schema as unknown as z.ZodString).max(MAX_CONTENT_STRING, `must be at most ${thousands(MAX_CONTENT_STRING)} characters`);
  return schema;
}
