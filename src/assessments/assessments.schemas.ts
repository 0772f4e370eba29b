/** The assessments' answers: an instrument as GET /assessments lists it, and a scored questionnaire (also the MCP tool's output). */
import { z } from "@hono/zod-openapi";
import { SafetySchema } from "../safety/safety.schemas";
import { INSTRUMENT_IDS } from "./instrument-registry";

export const InstrumentId = z.enum(INSTRUMENT_IDS, { error: `instrument must be one of ${INSTRUMENT_IDS.join(", ")}` });

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

export const InstrumentSchema = z
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
