/**
 * A client's treatment plan (docs/api.md §12): the §10 plan template (problems, objectives,
 * interventions, measures, review date, with the same field names as a /rag/treatment answer,
 * so a drafted plan can be saved as it is) whose SMART goals become tracked goals with a status
 * and a history.
 */
import { z } from "@hono/zod-openapi";
import { GOAL_STATUSES } from "../workspace.table";

const MAX_ITEMS = 20;
const MAX_TEXT = 1000;
const MAX_GOALS = 20;
const MAX_GOAL_TEXT = 500;

const text = (name: string, max = MAX_TEXT) =>
  z
    .string({ error: `${name} must be a string` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} must be at most ${max} characters`);
const optionalText = (name: string) =>
  z
    .string({ error: `${name} must be a string` })
    .trim()
    .max(MAX_TEXT)
    .nullable()
    .default(null);
const sourceIds = z.array(z.string().max(100)).max(MAX_ITEMS).default([]);
const list = <T extends z.ZodType>(item: T, name: string) => z.array(item).max(MAX_ITEMS, `at most ${MAX_ITEMS} ${name}`).default([]);

const Problem = z.object({ description: text("description"), supporting_sources: sourceIds }).strict();
const Objective = z
  .object({
    description: text("description"),
    target_week: z.number().int("target_week must be a whole week").min(1, "target_week counts from 1").max(520).nullable().default(null),
  })
  .strict();
const Intervention = z
  .object({
    name: text("name"),
    evidence_level: optionalText("evidence_level"),
    frequency: optionalText("frequency"),
    citations: sourceIds,
  })
  .strict();
const Measure = z
  .object({ instrument: text("instrument", 100), frequency: optionalText("frequency"), target: optionalText("target") })
  .strict();

/** The plan's text, sealed as one envelope (treatment_plans.body_sealed). */
const planText = {
  problems: list(Problem, "problems"),
  objectives: list(Objective, "objectives"),
  interventions: list(Intervention, "interventions"),
  measures: list(Measure, "measures"),
};
const PlanText = z.object(planText);
export type PlanText = z.output<typeof PlanText>;

const goalStatus = z
  .enum(GOAL_STATUSES, { error: `status must be one of ${GOAL_STATUSES.join(", ")}` })
  .openapi({ description: "Where the client is with this goal" });

const GoalInput = z
  .object({
    id: z
      .uuid("id must be the id of one of this plan's goals")
      .optional()
      .openapi({ description: "Keep this existing goal (its status and history); omit to add a goal" }),
    text: text("text", MAX_GOAL_TEXT).openapi({ example: "PHQ-9 below 10 for two consecutive fortnightly measures by week 12" }),
  })
  .strict();

export const PutPlanBody = z
  .object({
    ...planText,
    review_date: z.iso.date("review_date must be a date (YYYY-MM-DD)").openapi({ maxLength: 10 }).nullable().default(null),
    goals: z
      .array(GoalInput)
      .max(MAX_GOALS, `at most ${MAX_GOALS} goals`)
      .default([])
      .refine((goals) => {
        const ids = goals.flatMap((goal) => (goal.id ? [goal.id] : []));
        return new Set(ids).size === ids.length;
      }, "each goal id may appear once")
      .openapi({
        description:
          "The plan's goals in order. A goal with an id keeps its status and history; one without is added (not_started); " +
          "a goal left out is not deleted but marked discontinued (with a history entry), so its history stays in the record.",
      }),
  })
  .strict()
  .openapi("PutTreatmentPlan");
export type PutPlanInput = z.output<typeof PutPlanBody>;

const GoalStatusChangeSchema = z.object({
  status: goalStatus,
  at: z.iso.datetime(),
  by: z.uuid().openapi({ description: "The clinician who changed it" }),
  note_id: z.uuid().nullable().openapi({ description: "The note that evidenced the change, if any (null once that note is deleted)" }),
});

export const GoalSchema = z
  .object({ id: z.uuid(), text: z.string(), status: goalStatus, history: z.array(GoalStatusChangeSchema) })
  .openapi("PlanGoal");
export type Goal = z.infer<typeof GoalSchema>;

export const PlanSchema = z
  .object({
    client_id: z.uuid(),
    problems: z.array(Problem),
    objectives: z.array(Objective),
    interventions: z.array(Intervention),
    measures: z.array(Measure),
    review_date: z.iso.date().nullable(),
    goals: z.array(GoalSchema),
    updated_at: z.iso.datetime(),
    updated_by: z.uuid(),
  })
  .openapi("TreatmentPlanRecord");
export type Plan = z.infer<typeof PlanSchema>;

export const PatchGoalBody = z
  .object({
    status: goalStatus,
    note_id: z.uuid("note_id must be the id of one of this client's notes").nullable().optional().openapi({
      description: "A note of this client that evidences the change",
    }),
  })
  .strict()
  .openapi("ChangeGoalStatus");
export type PatchGoalInput = z.output<typeof PatchGoalBody>;

export const PlanParams = z.object({ id: z.uuid("must be a client id (UUID)") });
export const GoalParams = z.object({ id: z.uuid("must be a client id (UUID)"), goal_id: z.uuid("must be a goal id (UUID)") });
