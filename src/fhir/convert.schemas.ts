/**
 * What POST /api/v1/fhir/convert takes (docs/api.md §13): an answer the API gave, by kind, checked
 * by the schema that answer has. Diagnose, treatment and note contents are held to exactly what
 * POST /api/v1/reports accepts for them (the same answer schemas, with the same size bounds), so an
 * answer that prints also converts; an assessment result is held to the same size bounds.
 */
import { z } from "@hono/zod-openapi";
import { AssessmentResultSchema } from "../assessments/assessments.schemas";
import { bounded } from "../reports/bounded-content";
import { ReportInput, type ReportKind } from "../reports/reports.schemas";

const CONVERT_KINDS = ["assessment", "note", "diagnose", "treatment"] as const;

type ReportOption = (typeof ReportInput.options)[number];
type ReportContent<K extends ReportKind> = Extract<ReportOption, { shape: { kind: z.ZodLiteral<K> } }>["shape"]["content"];

/** The content schema the report request has for this kind. */
function reportContent<K extends ReportKind>(kind: K): ReportContent<K> {
  const option = ReportInput.options.find((candidate) => candidate.shape.kind.value === kind);
  if (!option) throw new Error(`reports have no kind ${kind}`);
  return option.shape.content as ReportContent<K>;
}

export const ConvertInput = z
  .discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("assessment"), content: bounded(AssessmentResultSchema) }).strict(),
      z.object({ kind: z.literal("note"), content: reportContent("note") }).strict(),
      z.object({ kind: z.literal("diagnose"), content: reportContent("diagnose") }).strict(),
      z.object({ kind: z.literal("treatment"), content: reportContent("treatment") }).strict(),
    ],
    { error: `kind must be one of ${CONVERT_KINDS.join(", ")}` },
  )
  .openapi("FhirConvertRequest", {
    description: "content is the answer as its route gave it: a §6 assessment result, a §10 note, or a §3 diagnose or treatment answer",
  });
export type ConvertInput = z.infer<typeof ConvertInput>;

/** The answer, described loosely: FHIR's own definitions (https://hl7.org/fhir/R4/bundle.html) are the contract. */
export const FhirBundleSchema = z
  .object({
    resourceType: z.literal("Bundle"),
    type: z.literal("collection"),
    timestamp: z.string().optional(),
    entry: z
      .array(
        z.object({
          fullUrl: z.string().optional(),
          resource: z.object({ resourceType: z.string(), id: z.string().optional() }).optional(),
        }),
      )
      .optional(),
  })
  .openapi("FhirBundle", { description: "A FHIR R4 Bundle (type collection); see https://hl7.org/fhir/R4/bundle.html" });
