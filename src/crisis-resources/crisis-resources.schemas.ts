/** Shapes of GET /api/v1/crisis-resources (docs/api.md §11). */
import { z } from "@hono/zod-openapi";
import { isCountryCode, RESOURCE_KINDS } from "../safety/crisis-resources";

export const CrisisResourcesQuery = z.object({
  country: z
    .string()
    .trim()
    .max(2, "must be an ISO 3166-1 alpha-2 country code such as GB")
    .toUpperCase()
    .refine(isCountryCode, "must be an ISO 3166-1 alpha-2 country code such as GB")
    .optional()
    .openapi({
      description: "ISO 3166-1 alpha-2, either case. Without it: the caller's country, else the request's, else the international list.",
      example: "GB",
    }),
});

const CrisisLineSchema = z
  .object({
    name: z.string(),
    kind: z.enum(RESOURCE_KINDS).openapi({ description: "crisis and abuse lines are the ones safety blocks give" }),
    phone: z.string().optional(),
    other_phones: z.array(z.string()).optional(),
    text: z.string().optional().openapi({ description: 'What to text where, e.g. "SHOUT to 85258"' }),
    chat_url: z.string().optional(),
    url: z.string().optional(),
    hours: z.string(),
    languages: z.array(z.string()).openapi({ description: "ISO 639-1 codes" }),
    notes: z.string().optional(),
    source_url: z.string(),
    verified_on: z.string().openapi({ format: "date", description: "When the entry was last checked against its source" }),
  })
  .openapi("CrisisLine");

export const CrisisResourcesSchema = z
  .object({
    country: z.string().nullable().openapi({ description: "The country of the list; null when none was known" }),
    name: z.string().optional().openapi({ description: "The country's name, when there is a list for it" }),
    emergency_number: z.string().nullable().openapi({ description: "null for the international list" }),
    emergency_note: z.string().optional(),
    resources: z.array(CrisisLineSchema),
    note: z.string().optional().openapi({ description: "Why the international list stands in" }),
    checked: z.string().openapi({ description: "How and when the entries were checked" }),
  })
  .openapi("CrisisResources");
