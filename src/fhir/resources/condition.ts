/**
 * A diagnosis the clinician recorded as a FHIR `Condition`: the ICD-10-CM code DSM-5-TR lists and
 * the ICD-11 MMS code when recorded, with the condition's name as text; our verification values
 * are FHIR's condition-ver-status codes, so they pass through unchanged.
 *
 * clinicalStatus is `active` for a diagnosis the clinician holds (provisional, differential,
 * confirmed) and left out for a refuted or entered-in-error one: con-5 forbids it with
 * entered-in-error, and asserting "active" for a refuted diagnosis would say the opposite of the
 * record (con-3 requires it only for problem-list items; ours are encounter diagnoses).
 */
import type { Coding, Condition, Patient, Practitioner, Reference } from "@medplum/fhirtypes";
import type { Diagnosis } from "../../workspace/diagnoses/diagnoses.schemas";
import { SYSTEMS } from "../terminology";

const NOT_HELD: ReadonlySet<Diagnosis["verification"]> = new Set(["refuted", "entered-in-error"]);

export function condition(diagnosis: Diagnosis, refs: { subject: Reference<Patient>; recorder: Reference<Practitioner> }): Condition {
  const coding: Coding[] = [
    ...(diagnosis.dsm5_code ? [{ system: SYSTEMS.icd10cm, code: diagnosis.dsm5_code }] : []),
    ...(diagnosis.icd11_code ? [{ system: SYSTEMS.icd11, code: diagnosis.icd11_code }] : []),
  ];
  return {
    resourceType: "Condition",
    id: diagnosis.id,
    ...(NOT_HELD.has(diagnosis.verification)
      ? {}
      : { clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: "active" }] } }),
    verificationStatus: { coding: [{ system: SYSTEMS.conditionVerification, code: diagnosis.verification }] },
    category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: "encounter-diagnosis", display: "Encounter Diagnosis" }] }],
    code: { ...(coding.length ? { coding } : {}), text: diagnosis.condition },
    subject: refs.subject,
    recordedDate: diagnosis.recorded_at,
    recorder: refs.recorder,
  };
}
