/**
 * What the client page shows of a client's record besides the client: notes, note templates,
 * measure series, plan and recorded diagnoses, each read through its own use case (so each read is its own audited
 * event, as over REST).
 */
import { ProblemError } from "../../lib/problem";
import type { UseCaseDeps } from "../../use-case/deps";
import { listClientDiagnoses } from "../../workspace/diagnoses/diagnoses.flow";
import { allMeasureSeries } from "../../workspace/measures/measures.flow";
import { listTemplates } from "../../workspace/note-templates/note-templates.flow";
import { listClientNotes } from "../../workspace/notes/client-notes.flow";
import { readPlan } from "../../workspace/plan/plan.flow";
import type { Plan } from "../../workspace/plan/plan.schemas";
import type { ClientRecord } from "../pages/workspace/client-page";

/** The timeline shows the latest sessions' notes (the API's largest page); older ones are a note list's later pages. */
const RECORD_NOTES = 100;

/** A client without a plan yet is usual: the plan section offers to write one. */
async function planOrNone(deps: UseCaseDeps, clientId: string): Promise<Plan | null> {
  try {
    return await readPlan(deps, clientId);
  } catch (error) {
    if (error instanceof ProblemError && error.problem.code === "plan_not_found") return null;
    throw error;
  }
}

export async function clientRecord(deps: UseCaseDeps, clientId: string): Promise<ClientRecord> {
  const { notes } = await listClientNotes(deps, clientId, { limit: RECORD_NOTES });
  const { templates } = await listTemplates(deps);
  const series = await allMeasureSeries(deps, clientId);
  const plan = await planOrNone(deps, clientId);
  const { diagnoses } = await listClientDiagnoses(deps, clientId);
  return { notes, templates, series, plan, diagnoses };
}
