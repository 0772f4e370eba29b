/**
 * A client's record as one FHIR R4 `Bundle` of type collection (docs/api.md §13): the Patient,
 * the clinicians it names, each measure's QuestionnaireResponse and Observation, each diagnosis's
 * Condition, the CarePlan with its Goals, each note's DocumentReference, and a Provenance for
 * every note the model drafted. Every entry's fullUrl is `urn:uuid:<id>` and every reference
 * between entries uses it. Pure: the record, the exporting clinician and the time are given.
 */
import type { Bundle, BundleEntry, Practitioner, Provenance, Resource } from "@medplum/fhirtypes";
import type { ClientRecordForExport } from "./client-record";
import { carePlan, goal } from "./resources/care-plan";
import { condition } from "./resources/condition";
import { documentReference } from "./resources/document-reference";
import { measureResources } from "./resources/measure-resources";
import { patient } from "./resources/patient";
import { type Clinician, practitioner } from "./resources/practitioner";
import { noteGenerator, provenance } from "./resources/provenance";
import { derivedId, fullUrl, reference } from "./resources/reference";

export interface BundleOptions {
  /** The clinician exporting (the record's owner): named in their Practitioner. */
  exporter: Clinician;
  now: Date;
}

/** A note with generator statements came from the §10 generator (saved to the record from the notes page). */
const modelDrafted = (note: ClientRecordForExport["notes"][number]) => note.statements !== undefined;

export async function clientBundle(record: ClientRecordForExport, { exporter, now }: BundleOptions): Promise<Bundle> {
  const { client, diagnoses, notes, plan, measures } = record;
  const person = patient(client);
  const subject = reference(person);

  const clinicians = new Map<string, Practitioner>();
  const clinician = (id: string) => {
    const known = clinicians.get(id) ?? practitioner(id === exporter.id ? exporter : { id });
    clinicians.set(id, known);
    return reference(known);
  };

  const conditions = diagnoses.map((diagnosis) => condition(diagnosis, { subject, recorder: clinician(diagnosis.recorded_by) }));
  const scores = measures.flatMap((measure) => {
    const { questionnaireResponse, observation } = measureResources(measure, subject);
    return questionnaireResponse ? [questionnaireResponse, observation] : [observation];
  });
  const goals = plan ? plan.goals.map((ours) => goal(ours, subject)) : [];
  const plans = plan
    ? [carePlan(plan, { id: await derivedId(`care-plan:${client.id}`), subject, author: clinician(plan.updated_by), goals })]
    : [];

  const documents = notes.map((note) =>
    documentReference(note, {
      subject,
      author: clinician(note.created_by),
      signer: note.signed_by ? clinician(note.signed_by) : null,
    }),
  );
  const generator = notes.some(modelDrafted) ? await noteGenerator() : null;
  const provenances: Provenance[] = [];
  for (const [index, note] of notes.entries()) {
    if (!generator || !modelDrafted(note)) continue;
    provenances.push(
      provenance({
        id: await derivedId(`provenance:${note.id}`),
        target: reference(documents[index]),
        recorded: note.created_at,
        generator: reference(generator),
        verifier: note.status === "signed" && note.signed_by ? clinician(note.signed_by) : null,
      }),
    );
  }

  const resources: Resource[] = [
    person,
    ...clinicians.values(),
    ...(generator ? [generator] : []),
    ...conditions,
    ...scores,
    ...goals,
    ...plans,
    ...documents,
    ...provenances,
  ];
  return {
    resourceType: "Bundle",
    id: crypto.randomUUID(),
    type: "collection",
    timestamp: now.toISOString(),
    entry: resources.map((resource): BundleEntry => ({ fullUrl: fullUrl(resource.id as string), resource })),
  };
}
