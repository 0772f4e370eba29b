/**
 * Every code system URI and code the FHIR export emits (docs/api.md §13), in one place, each with
 * the source it was checked against. A code not written here is not emitted.
 */

/** Our own identifier systems: a client's record id is only meaningful within this product. */
export const OUR_SYSTEMS = {
  /** Patient.identifier: the workspace's client id (a pseudonymous record, no name). */
  clientId: "https://therapy-assistant.dev/fhir/sid/client-id",
  /** Practitioner.identifier / references to the clinician: our user id. */
  userId: "https://therapy-assistant.dev/fhir/sid/user-id",
  /** Questionnaire.url base: `${questionnaire}/${instrument}`. */
  questionnaire: "https://therapy-assistant.dev/fhir/Questionnaire",
  /**
   * Answer code systems, one per instrument: `${answers}/${instrument}`, code = the answer's `value`
   * as GET /assessments lists it (String(value)), display = its printed label. Our own system,
   * because LOINC answer lists (LA codes) are not confirmed for every instrument here.
   */
  answers: "https://therapy-assistant.dev/fhir/CodeSystem/answers",
} as const;

/**
 * Code system URIs, from the FHIR R4 terminology pages (https://hl7.org/fhir/R4/terminologies-systems.html).
 */
export const SYSTEMS = {
  /** https://hl7.org/fhir/R4/loinc.html */
  loinc: "http://loinc.org",
  /** ICD-10-CM (the codes DSM-5-TR lists): https://hl7.org/fhir/R4/icd.html#icd-10-cm */
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  /** ICD-11 MMS, as WHO publishes it for FHIR: https://icd.who.int/docs/icd-api/ICD-11-FHIR/ */
  icd11: "http://id.who.int/icd/release/11/mms",
  /** https://hl7.org/fhir/R4/codesystem-observation-category.html */
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  /** https://hl7.org/fhir/R4/codesystem-condition-clinical.html */
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  /** https://hl7.org/fhir/R4/codesystem-condition-ver-status.html */
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  /** https://hl7.org/fhir/R4/codesystem-condition-category.html */
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  /** https://hl7.org/fhir/R4/codesystem-goal-achievement.html */
  goalAchievement: "http://terminology.hl7.org/CodeSystem/goal-achievement",
  /** https://hl7.org/fhir/R4/codesystem-provenance-participant-type.html */
  provenanceParticipantType: "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
  /** BCP 47 language tags (Patient.communication.language): https://hl7.org/fhir/R4/valueset-languages.html */
  bcp47: "urn:ietf:bcp:47",
  /** https://hl7.org/fhir/R4/v3/ObservationInterpretation/cs.html */
  observationInterpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
} as const;

/** The media type of every FHIR answer (https://hl7.org/fhir/R4/http.html#mime-type). */
export const FHIR_JSON = "application/fhir+json";

/**
 * LOINC document type of every note we export (DocumentReference.type): 11506-3 "Progress note",
 * https://loinc.org/11506-3/ (named by issue 24 and used for the same purpose in HL7's C-CDA and
 * US Core document type examples).
 */
export const PROGRESS_NOTE = { system: "http://loinc.org", code: "11506-3", display: "Progress note" } as const;

/**
 * The R4 core extension that carries an answer's score on its Coding (what the answer counts for):
 * https://hl7.org/fhir/R4/extension-ordinalvalue.html (context: Coding; value: decimal).
 */
export const ORDINAL_VALUE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

/**
 * LOINC codes of the §6 instruments the FHIR export emits: the panel (Questionnaire.code) and the
 * total score (Observation.code). Only instruments whose codes we are sure of are here; the others
 * leave as text only. PHQ-9 and GAD-7 are the codes issue 24 lists, from their term pages:
 * https://loinc.org/44249-1/ (PHQ-9 quick depression assessment panel), https://loinc.org/44261-6/
 * (PHQ-9 total score), https://loinc.org/69737-5/ (GAD-7 panel), https://loinc.org/70274-6/ (GAD-7
 * total score). PHQ-2, AUDIT-C and AUDIT: https://loinc.org/55757-9/ and https://loinc.org/55758-7/,
 * https://loinc.org/72109-2/ and https://loinc.org/75626-2/, https://loinc.org/72110-0/ and
 * https://loinc.org/75624-7/ — the codes src/assessments/loinc.ts records as checked on loinc.org,
 * which the writer of this table also knows from LOINC's screening-instrument panels; each passes
 * LOINC's mod-10 check digit (test/fhir/questionnaires.test.ts). Written offline (2026-12): the
 * PCL-5, DAST-10 and EPDS codes in src/assessments/loinc.ts could not be re-confirmed from memory,
 * so they are left out until someone checks them on loinc.org.
 */
export const INSTRUMENT_LOINC: Partial<Record<string, { panel: string; total: string }>> = {
  phq9: { panel: "44249-1", total: "44261-6" },
  gad7: { panel: "69737-5", total: "70274-6" },
  phq2: { panel: "55757-9", total: "55758-7" },
  auditc: { panel: "72109-2", total: "75626-2" },
  audit: { panel: "72110-0", total: "75624-7" },
};
