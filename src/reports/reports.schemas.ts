/** What a report is made from: the answer of a diagnose, treatment, case analysis, note or safety plan, validated by the schema that flow answers with. */
import { z } from "@hono/zod-openapi";
import { CASE_ID, CaseAnalysisAnswer } from "../cases/cases.schemas";
import { thousands } from "../lib/thousands";
import { hasFormatSections, NoteAnswer } from "../notes/notes.schemas";
import { DiagnoseAnswer, TreatmentAnswer } from "../rag/rag.schemas";
import { PLAN_LANGUAGES } from "../safety-plans/safety-plan-labels";
import { SafetyPlanAnswer } from "../safety-plans/safety-plans.schemas";
import { bounded } from "./bounded-content";

export const REPORT_KINDS = ["diagnose", "treatment", "case_analysis", "note", "safety_plan"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * A case analysis names its case twice: `case_id` titles the report, so it is held to what a case
 * id is (the answer schema leaves it a bare string) and must be the id of the case in `case_data`.
 */
const CaseAnalysisContent = bounded(CaseAnalysisAnswer.partial({ coverage: true }))
  .extend({
    case_id: z
      .string()
      .max(64, "must be a case id of at most 64 characters")
      .regex(CASE_ID, "must be a case id: lowercase letters, digits and hyphens"),
  })
  .refine((content) => content.case_id === content.case_data.case_id, {
    path: ["case_id"],
    message: "must be the case_id of case_data",
  });

export const ReportInput = z
  .discriminatedUnion(
    "kind",
    [
      // `coverage` may be absent: answers given before it existed still make reports.
      z.object({ kind: z.literal("diagnose"), content: bounded(DiagnoseAnswer.partial({ coverage: true })) }).strict(),
      z.object({ kind: z.literal("treatment"), content: bounded(TreatmentAnswer.partial({ coverage: true })) }).strict(),
      z.object({ kind: z.literal("case_analysis"), content: CaseAnalysisContent }).strict(),
      z.object({ kind: z.literal("note"), content: bounded(NoteAnswer).superRefine(hasFormatSections) }).strict(),
      z
        .object({
          kind: z.literal("safety_plan"),
          content: bounded(SafetyPlanAnswer),
          /** The client's language for the printed plan; the draft's own language when absent. */
          language: z.enum(PLAN_LANGUAGES, { error: `language must be one of ${PLAN_LANGUAGES.join(", ")}` }).optional(),
        })
        .strict(),
    ],
    { error: `kind must be one of ${REPORT_KINDS.join(", ")}` },
  )
  .openapi("ReportRequest", { description: "content is the answer the kind's route gave, as it was received" });
export type ReportInput = z.infer<typeof ReportInput>;

/** The longest spoken summary: about four minutes of speech. */
const MAX_SPEECH_TEXT = 4_000;

export const SpeechInput = z
  .object({
    text: z
      .string({ error: "text must be a string" })
      .max(MAX_SPEECH_TEXT, `text must be at most ${thousands(MAX_SPEECH_TEXT)} characters`)
      .refine((value) => value.trim().length > 0, "text must not be empty"),
  })
  .strict()
  .openapi("SpeechRequest");
