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
  /** https://hl7.org/fhir/R4/v3/ObservationInterpretation/cs.html */
  observationInterpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
} as const;

/** The media type of every FHIR answer (https://hl7.org/fhir/R4/http.html#mime-type). */
export const FHIR_JSON = "application/fhir+json";
