/**
 * A stateless answer as FHIR R4 (docs/api.md §13, issue 24 item 2): the answer a §3, §6 or §10
 * route gave, sent back, returned as a `Bundle` (type collection) of the matching resources, so a
 * clinician without a workspace can still put a result into their record. Nothing is fetched or
 * stored. The answer concerns a patient we do not know, so the Bundle holds one unidentified
 * `Patient` for the receiving system to link (see unidentifiedPatient). Model-drafted content
 * (notes, differentials, plans) comes with a `Provenance` naming the model as a `Device`; a scored
 * questionnaire is arithmetic, not drafting, and has none.
 */
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { audited } from "../audit/audited";
import { assertMay, may } from "../policy/policy";
import type { UseCaseDeps } from "../use-case/deps";
import type { ConvertInput } from "./convert.schemas";
import {
  differentialConditions,
  modelDevice,
  modelProvenance,
  treatmentResources,
  unidentifiedPatient,
} from "./resources/answer-resources";
import { assessmentResources } from "./resources/measure-resources";
import { fullUrl, reference } from "./resources/reference";
import { statelessNoteDocument } from "./resources/stateless-note";

const newId = () => crypto.randomUUID();

/** The resources of one answer, the unidentified patient first; none for an answer with nothing to send. */
function answerResources(input: ConvertInput, now: string, mayMedication: boolean): Resource[] {
  const patient = unidentifiedPatient(newId());
  const subject = reference(patient);
  /**
   * The drafted resources, then the model that drafted them and the Provenance saying so; nothing
   * for nothing drafted (a differential the knowledge base could not support is empty).
   */
  const drafted = (resources: Resource[], model: string): Resource[] => {
    if (!resources.length) return [];
    const device = modelDevice(newId(), model);
    return [patient, ...resources, device, modelProvenance(newId(), resources, device, now)];
  };
  switch (input.kind) {
    case "assessment": {
      const { questionnaireResponse, observation } = assessmentResources(input.content, undefined, { subject, authored: now });
      return [patient, ...(questionnaireResponse ? [questionnaireResponse] : []), observation];
    }
    case "note":
      return drafted([statelessNoteDocument(input.content, subject, now, newId())], input.content.ai_response.model_used);
    case "diagnose":
      return drafted(differentialConditions(input.content, subject, now, newId), input.content.ai_response.model_used);
    case "treatment": {
      const { carePlan, goals } = treatmentResources(input.content, subject, now, newId, { medication: mayMedication });
      return drafted([carePlan, ...goals], input.content.ai_response.model_used);
    }
  }
}

/** The convert use case, for the REST route and the console: checked, built and audited; no HTTP. */
export function convertToFhir(
  deps: UseCaseDeps,
  input: ConvertInput,
  { action }: { action: string },
): Promise<Bundle & { type: "collection" }> {
  return audited(
    deps,
    {
      action,
      asked: { kind: input.kind, ...(input.kind === "assessment" ? { instrument: input.content.instrument } : {}) },
    },
    async () => {
      assertMay(deps.account, "clinical");
      const now = new Date().toISOString();
      const resources = answerResources(input, now, may(deps.account, "medication"));
      return {
        resourceType: "Bundle",
        id: newId(),
        type: "collection",
        timestamp: now,
        // FHIR JSON has no empty arrays: an answer with nothing to send is a Bundle without entries.
        ...(resources.length ? { entry: resources.map((resource) => ({ fullUrl: fullUrl(resource.id as string), resource })) } : {}),
      } satisfies Bundle;
    },
    (bundle) => ({ detail: { bytes: new TextEncoder().encode(JSON.stringify(bundle)).length } }),
  );
}

/** Where a download of this answer's Bundle is saved (`diagnose.fhir.json`). */
export const fhirFilename = (kind: ConvertInput["kind"]) => `${kind}.fhir.json`;
