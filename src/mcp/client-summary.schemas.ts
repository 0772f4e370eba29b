/** The shape of get_client_summary's answer: structure and scores, goal text only when asked for. */
import { z } from "zod";
import { INSTRUMENT_IDS } from "../assessments/instrument-registry";
import { CLIENT_STATUSES, GOAL_STATUSES } from "../workspace/workspace.table";

const MeasureTrend = z.object({
  instrument: z.enum(INSTRUMENT_IDS),
  name: z.string(),
  administrations: z.number().int(),
  baseline: z.object({ administered_at: z.string(), score: z.number().int(), band: z.string() }),
  latest: z.object({
    administered_at: z.string(),
    score: z.number().int(),
    band: z.string(),
    change_from_baseline: z.number().int().describe("latest score − baseline score"),
    reliable_change: z
      .enum(["improved", "worsened", "no_reliable_change"])
      .nullable()
      .describe("By the instrument's published rule; null with one administration or for an instrument without a rule"),
    response: z.boolean().nullable(),
    remission: z.boolean().nullable(),
  }),
  recent_scores: z.array(z.object({ administered_at: z.string(), score: z.number().int() })).describe("The last 10 scores, oldest first"),
  rule: z.string().nullable().describe("The change rule in words; null: no published rule in our table"),
});

const RiskFlagSchema = z.object({
  instrument: z.string(),
  flag: z.string().describe("item9_positive (PHQ-9), item10_positive (EPDS) or screen_positive (C-SSRS)"),
  administered_at: z.string(),
  measure_id: z.string(),
});
export type RiskFlag = z.infer<typeof RiskFlagSchema>;

export const ClientSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(CLIENT_STATUSES),
  measures: z.array(MeasureTrend),
  plan: z
    .object({
      review_date: z.string().nullable(),
      updated_at: z.string(),
      goals: z.array(
        z.object({
          id: z.string(),
          status: z.enum(GOAL_STATUSES),
          text: z.string().optional().describe("Only with include_text: true"),
        }),
      ),
    })
    .nullable()
    .describe("null: no treatment plan yet"),
  notes: z.object({ draft: z.number().int(), signed: z.number().int(), latest_session_date: z.string().nullable() }),
  risk_flags: z.array(RiskFlagSchema).describe("Positive self-harm items, latest first (at most 20): follow up on each"),
  text_included: z.boolean(),
});
export type ClientSummary = z.infer<typeof ClientSummarySchema>;
