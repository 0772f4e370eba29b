/**
 * FHIR R4 resources for stateless answers (docs/api.md §13, POST /api/v1/fhir/convert): a §3
 * diagnose answer as differential `Condition`s, a §3 treatment answer as a proposed `CarePlan`
 * with its `Goal`s, and the model that drafted them as a `Device` named by a `Provenance`.
 * Pure: ids and the time are given, nothing is fetched or stored.
 */
import type { CarePlan, CarePlanActivity, Condition, Device, Goal, Patient, Provenance, Reference, Resource } from "@medplum/fhirtypes";
import type { DiagnoseAnswer, TreatmentAnswer } from "../../rag/rag.schemas";
import { SYSTEMS } from "../terminology";
import { reference } from "./reference";

/** Fresh resource ids: a stateless answer has no record id of ours. */
type NewId = () => string;

/**
 * The person a stateless answer is about, whom we do not know: no identifier, no name, nothing
 * but an id. It exists because `Condition.subject`, `CarePlan.subject` and `Goal.subject` are
 * required in R4; the receiving system links its own patient in its place when it imports.
 */
export function unidentifiedPatient(id: string): Patient {
  return {
    resourceType: "Patient",
    id,
    text: {
      status: "generated",
      div: '<div xmlns="http://www.w3.org/1999/xhtml">Unidentified patient: link this record to the patient the answer concerns.</div>',
    },
  };
}

/**
 * A FHIR string has content and no surrounding whitespace (https://hl7.org/fhir/R4/datatypes.html#string);
 * the answers' schemas allow blank text, so text is trimmed and a blank one left out.
 */
const words = (text: string | null | undefined): string | undefined => text?.trim() || undefined;

/** `DifferentialItem.confidence` (0 to 1) in words for a note: FHIR R4 Condition has no element for it. */
const confidenceNote = (confidence: number) => `Model confidence: ${Math.round(confidence * 100)}%.`;

/**
 * Each condition of a differential, unconfirmed (`verificationStatus` differential), coded in
 * ICD-10-CM (the code DSM-5-TR lists) and ICD-11 MMS where the answer carries them. No
 * `clinicalStatus`: unlike a diagnosis a clinician recorded (./condition.ts), a model's suggestion
 * asserts nothing about whether the condition is active (R4 requires it only on problem-list items).
 */
export function differentialConditions(
  answer: Pick<DiagnoseAnswer, "differential">,
  subject: Reference<Patient>,
  recorded: string,
  newId: NewId,
): Condition[] {
  return answer.differential.map((item) => {
    const coding = [
      ...(words(item.dsm5_code) ? [{ system: SYSTEMS.icd10cm, code: words(item.dsm5_code) }] : []),
      ...(words(item.icd11_code) ? [{ system: SYSTEMS.icd11, code: words(item.icd11_code) }] : []),
    ];
    const name = words(item.condition);
    return {
      resourceType: "Condition",
      id: newId(),
      verificationStatus: {
        coding: [{ system: SYSTEMS.conditionVerification, code: "differential", display: "Differential" }],
      },
      category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: "encounter-diagnosis", display: "Encounter Diagnosis" }] }],
      ...(coding.length || name ? { code: { ...(coding.length ? { coding } : {}), ...(name ? { text: name } : {}) } } : {}),
      subject,
      recordedDate: recorded,
      note: [{ text: [words(item.rationale), confidenceNote(item.confidence)].filter(Boolean).join("\n\n") }],
    };
  });
}

/** The SMART parts of a goal, as notes (R4 `Goal` has no elements for them). */
const smartNotes = (goal: TreatmentAnswer["treatment_plan"]["smart_goals"][number]) =>
  (
    [
      ["Specific", goal.specific],
      ["Measurable", goal.measurable],
      ["Achievable", goal.achievable],
      ["Relevant", goal.relevant],
      ["Time-bound", goal.time_bound],
    ] as const
  )
    .filter(([, text]) => words(text))
    .map(([part, text]) => ({ text: `${part}: ${words(text)}` }));

/**
 * A treatment answer as a `CarePlan` still to be agreed (status draft, intent proposal) with a
 * proposed `Goal` for each SMART goal (the plain goal list when the plan has none), its
 * interventions and measures as not-started activities. Medication considerations go in only
 * for an account that may see them, as the report does.
 */
export function treatmentResources(
  answer: Pick<TreatmentAnswer, "query" | "treatment_plan">,
  subject: Reference<Patient>,
  created: string,
  newId: NewId,
  { medication }: { medication: boolean },
): { carePlan: CarePlan; goals: Goal[] } {
  const plan = answer.treatment_plan;
  const goalTexts = plan.smart_goals.length
    ? plan.smart_goals.map((goal) => ({ text: words(goal.goal), note: smartNotes(goal) }))
    : plan.goals.map((text) => ({ text: words(text), note: [] }));
  const goals: Goal[] = goalTexts
    .filter((goal): goal is { text: string; note: Array<{ text: string }> } => goal.text !== undefined)
    .map((goal) => ({
      resourceType: "Goal",
      id: newId(),
      lifecycleStatus: "proposed",
      description: { text: goal.text },
      subject,
      ...(goal.note.length ? { note: goal.note } : {}),
    }));
  const activity: CarePlanActivity[] = [
    ...plan.interventions.map((intervention) =>
      [intervention.name, intervention.frequency, intervention.evidence_level && `evidence: ${intervention.evidence_level}`]
        .filter(Boolean)
        .join("; "),
    ),
    ...plan.measures.map((measure) => `Measure ${measure.instrument}, ${measure.frequency}; target: ${measure.target}`),
  ]
    .map(words)
    .filter((description) => description !== undefined)
    .map((description) => ({ detail: { status: "not-started", description } }));
  const notes = [
    ...plan.problems.map((problem) => `Problem: ${problem.description}`),
    ...plan.objectives.map((objective) => `Objective (week ${objective.target_week}): ${objective.description}`),
    ...plan.modalities.map((modality) => `Modality: ${modality.name}. ${modality.rationale}`),
    `Review by ${plan.review_date}.`,
    ...(medication && plan.medication_considerations ? [`Medication considerations: ${plan.medication_considerations}`] : []),
  ]
    .map(words)
    .filter((text) => text !== undefined);
  const carePlan: CarePlan = {
    resourceType: "CarePlan",
    id: newId(),
    status: "draft",
    intent: "proposal",
    title: words(`Treatment plan: ${answer.query.diagnosis}`.slice(0, 200)),
    ...(words(plan.timeline) ? { description: words(plan.timeline) } : {}),
    subject,
    created,
    ...(goals.length ? { goal: goals.map(reference) } : {}),
    ...(activity.length ? { activity } : {}),
    note: notes.map((text) => ({ text })),
  };
  return { carePlan, goals };
}

/** The model an answer names (`ai_response.model_used`; "retrieval-only" offline) as the device that wrote it. */
export function modelDevice(id: string, model: string): Device {
  return {
    resourceType: "Device",
    id,
    deviceName: [{ name: words(model) ?? "unnamed model", type: "model-name" }],
    type: { text: "AI language model" },
  };
}

/** That the device drafted these resources (agent type author); no clinician has reviewed a stateless answer. */
export function modelProvenance(id: string, targets: Resource[], device: Device, recorded: string): Provenance {
  return {
    resourceType: "Provenance",
    id,
    target: targets.map((target) => reference(target)),
    recorded,
    agent: [
      {
        type: { coding: [{ system: SYSTEMS.provenanceParticipantType, code: "author", display: "Author" }] },
        who: reference(device),
      },
    ],
  };
}
