/** Measures over time (docs/api.md §12): a scored administration as stored, and a client's series per instrument. */
import { z } from "@hono/zod-openapi";
import { InstrumentId } from "../../assessments/assessments.schemas";
import { SafetySchema } from "../../safety/safety.schemas";

/** As POST /assessments/{instrument}: room above the longest form so a miscounted one still gets per-item errors. */
const MAX_RESPONSES = 50;
/** A device clock a little ahead of ours is not "the future". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const EARLIEST = Date.UTC(1900, 0, 1);

export const CreateMeasureBody = z
  .object({
    instrument: InstrumentId,
    responses: z
      .array(z.unknown(), { error: "responses must be an array" })
      .max(MAX_RESPONSES, `must have at most ${MAX_RESPONSES} items`)
      .openapi({ type: "array", maxItems: MAX_RESPONSES, items: { type: ["integer", "null"], minimum: 0, maximum: 5 } }),
    administered_at: z.iso
      .datetime({ offset: true, abort: true, error: "administered_at must be an ISO 8601 date-time, e.g. 2026-03-01T10:00:00Z" })
      .max(35, "administered_at must be at most 35 characters")
      .refine((at) => Date.parse(at) >= EARLIEST, "administered_at must be in 1900 or later")
      .refine((at) => Date.parse(at) <= Date.now() + CLOCK_SKEW_MS, "administered_at must not be in the future")
      .openapi({ description: "When the client completed the questionnaire", example: "2026-03-01T10:00:00Z" }),
  })
  .strict()
  .openapi("CreateMeasure");
export type CreateMeasureInput = z.output<typeof CreateMeasureBody>;

const flags = z
  .array(z.string())
  .openapi({ description: "Facts the timeline marks: item9_positive (PHQ-9), item10_positive (EPDS), screen_positive" });

export const MeasureSchema = z
  .object({
    id: z.uuid(),
    client_id: z.uuid(),
    instrument: InstrumentId,
    name: z.string(),
    administered_at: z.iso.datetime(),
    score: z.number().int(),
    max_score: z.number().int(),
    band: z.string().openapi({ description: "The severity band of the score, as GET /assessments lists it" }),
    interpretation: z.string(),
    flags,
    cutoff: z.object({ score: z.number().int(), direction: z.enum(["at_or_above", "at_or_below"]), rule: z.string(), source: z.string() }),
    criteria: z.array(z.object({ id: z.string(), description: z.string(), met: z.boolean() })),
    subscales: z.array(z.object({ id: z.string(), name: z.string(), score: z.number().int(), max_score: z.number().int() })),
    safety: SafetySchema,
    created_at: z.iso.datetime(),
  })
  .openapi("ClientMeasure");
export type Measure = z.infer<typeof MeasureSchema>;

const classification = {
  change_from_baseline: z.number().int().openapi({ description: "score − the first score of the series" }),
  reliable_change: z
    .enum(["improved", "worsened", "no_reliable_change"])
    .nullable()
    .openapi({ description: "By the instrument's published rule; null at baseline and for instruments without a rule" }),
  response: z.boolean().nullable(),
  remission: z.boolean().nullable(),
  clinically_meaningful: z.boolean().nullable(),
};

export const SeriesPointSchema = z
  .object({ id: z.uuid(), administered_at: z.iso.datetime(), score: z.number().int(), band: z.string(), ...classification, flags })
  .openapi("MeasurePoint");
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

const ChangeRuleSchema = z
  .object({
    reliable_change_points: z.number().int(),
    response_reduction_percent: z.number().int().nullable(),
    remission_below: z.number().int().nullable(),
    clinically_meaningful_points: z.number().int().nullable(),
    summary: z.string(),
    sources: z.array(z.string()),
  })
  .nullable()
  .openapi("MeasureChangeRule", { description: "null: no published rule for this instrument in our table" });

export const MeasureSeriesSchema = z
  .object({ instrument: InstrumentId, name: z.string(), series: z.array(SeriesPointSchema), rule: ChangeRuleSchema })
  .openapi("MeasureSeries");
export type MeasureSeries = z.infer<typeof MeasureSeriesSchema>;

const MeasureSummarySchema = z
  .object({
    instrument: InstrumentId,
    name: z.string(),
    administrations: z.number().int(),
    baseline: z.object({ administered_at: z.iso.datetime(), score: z.number().int() }),
    latest: SeriesPointSchema,
    rule: ChangeRuleSchema,
  })
  .openapi("MeasureSummary");

export const MeasureSummaryListSchema = z.object({ measures: z.array(MeasureSummarySchema) }).openapi("MeasureSummaries");

export const MeasureListQuery = z.object({
  instrument: InstrumentId.optional().openapi({ description: "The series of one instrument; without it, the latest of each" }),
});
export type MeasureListQuery = z.infer<typeof MeasureListQuery>;
