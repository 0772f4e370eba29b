/** What a report is made from: the answer of a diagnose, treatment, case analysis or note, validated by the schema that flow answers with. */
import { z } from "@hono/zod-openapi";
import { CaseAnalysisAnswer } from "../cases/cases.routes";
import { NoteAnswer } from "../notes/note.schemas";
import { DiagnoseAnswer, TreatmentAnswer } from "../rag/rag.schemas";

export const REPORT_KINDS = ["diagnose", "treatment", "case_analysis", "note"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ReportInput = z
  .discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("diagnose"), content: DiagnoseAnswer }).strict(),
      z.object({ kind: z.literal("treatment"), content: TreatmentAnswer }).strict(),
      z.object({ kind: z.literal("case_analysis"), content: CaseAnalysisAnswer }).strict(),
      z.object({ kind: z.literal("note"), content: NoteAnswer }).strict(),
    ],
    { error: `kind must be one of ${REPORT_KINDS.join(", ")}` },
  )
  .openapi("ReportRequest", { description: "content is the answer the kind's route gave, as it was received" });
export type ReportInput = z.infer<typeof ReportInput>;

/** The longest spoken summary: about four minutes of speech. */
export const MAX_SPEECH_TEXT = 4_000;

export const SpeechInput = z
  .object({
    text: z
      .string({ error: "text must be a string" })
      .max(MAX_SPEECH_TEXT, `text must be at most ${MAX_SPEECH_TEXT.toLocaleString("en-US")} characters`)
      .refine((value) => value.trim().length > 0, "text must not be empty"),
  })
  .strict()
  .openapi("SpeechRequest");
