import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/schemas";
import { SafetySchema } from "../safety/safety.schema";
import { INSTRUMENT_IDS } from "./instruments";

/**
 * Room above the longest instrument (PCL-5, 20 items) so a miscounted form still gets the
 * per-item answer, while a huge array is refused before any item is looked at.
 */
const MAX_RESPONSES = 50;

const InstrumentId = z.enum(INSTRUMENT_IDS, { error: `instrument must be one of ${INSTRUMENT_IDS.join(", ")}` });

const CutoffSchema = z.object({
  score: z.number().int(),
  direction: z.enum(["at_or_above", "at_or_below"]),
  rule: z.string(),
  source: z.string(),
});

export const AssessmentResultSchema = z
  .object({
    instrument: InstrumentId,
    name: z.string(),
    score: z.number().int(),
    max_score: z.number().int(),
    severity: z.string(),
    interpretation: z.string(),
    flags: z.object({
      item9_positive: z.boolean().optional().openapi({ description: "PHQ-9 only: item 9 (self-harm) answered above 0" }),
      item10_positive: z.boolean().optional().openapi({ description: "EPDS only: item 10 (thoughts of self-harm) answered above 0" }),
      at_or_above_cutoff: z.boolean().openapi({ description: "The screen is positive (same as screen_positive; kept from v1)" }),
      screen_positive: z.boolean(),
    }),
    cutoff: CutoffSchema,
    criteria: z.array(z.object({ id: z.string(), description: z.string(), met: z.boolean() })),
    subscales: z.array(z.object({ id: z.string(), name: z.string(), score: z.number().int(), max_score: z.number().int() })),
    item_scores: z.array(z.number().int().nullable()),
    percentage: z.number().int().optional().openapi({ description: "WHO-5 only: the raw score ×4" }),
    safety: SafetySchema,
  })
  .openapi("AssessmentResult");

const InstrumentSchema = z
  .object({
    id: InstrumentId,
    name: z.string(),
    full_name: z.string(),
    domain: z.string(),
    purpose: z.string(),
    timeframe: z.string(),
    instructions: z.string(),
    items: z.array(
      z.object({
        number: z.number().int(),
        text: z.string(),
        options: z.array(z.object({ value: z.number().int(), label: z.string(), score: z.number().int() })),
        asked_if: z
          .object({ item: z.number().int(), value: z.number().int() })
          .nullable()
          .openapi({ description: "Asked only when that item has that value; otherwise send null" }),
        positive_from: z.number().int().nullable().openapi({ description: "ASRS: the value from which the item is in the shaded zone" }),
        safety: z.boolean().openapi({ description: "A positive answer fills the safety block" }),
      }),
    ),
    scoring: z.string(),
    min_score: z.number().int(),
    max_score: z.number().int(),
    bands: z.array(z.object({ min: z.number().int(), max: z.number().int(), severity: z.string(), interpretation: z.string() })),
    cutoff: CutoffSchema,
    subscales: z.array(z.object({ id: z.string(), name: z.string(), items: z.array(z.number().int()) })),
    loinc: z.object({ panel: z.string().nullable(), total: z.string().nullable(), note: z.string() }),
    licence: z.string(),
    source: z.string(),
    last_reviewed: z.string(),
  })
  .openapi("AssessmentInstrument");

export const listRoute = createRoute({
  method: "get",
  path: "/assessments",
  tags: ["Assessments"],
  security: bearerSecurity,
  summary: "The instruments this API scores, with their items, answers (value and score), bands, cut-off, LOINC codes and licence",
  middleware: authenticated,
  responses: { 200: jsonContent(z.object({ instruments: z.array(InstrumentSchema) }), "The instruments"), ...problemResponses(401, 503) },
});

export const scoreRoute = createRoute({
  method: "post",
  path: "/assessments/{instrument}",
  tags: ["Assessments"],
  security: bearerSecurity,
  summary:
    "Score a questionnaire: one response per item, each an answer's `value` from GET /assessments (null for an item the " +
    "branching skips), with the published bands, cut-off and safety block",
  middleware: authenticated,
  request: {
    params: z.object({ instrument: InstrumentId }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              responses: z
                .array(z.unknown())
                .max(MAX_RESPONSES, `must have at most ${MAX_RESPONSES} items`)
                .openapi({ type: "array", maxItems: MAX_RESPONSES, items: { type: ["integer", "null"], minimum: 0, maximum: 5 } }),
            })
            .strict(),
        },
      },
    },
  },
  responses: { 200: jsonContent(AssessmentResultSchema, "The score"), ...problemResponses(400, 401, 415, 503) },
});
