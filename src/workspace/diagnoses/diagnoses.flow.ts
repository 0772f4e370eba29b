/** Recording a client's diagnoses and changing their verification status, each one audited event naming the client. */
import { ProblemError } from "../../lib/problem";
import type { UseCaseDeps } from "../../use-case/deps";
import { ownedClient } from "../clients/owned-client";
import { type Keyring, openJson, sealContext, sealJson } from "../crypto/field-cipher";
import type { ClientDiagnosisRow, DiagnosisVerification } from "../workspace.table";
import { clientTarget, workspaceAction } from "../workspace-action";
import { insertDiagnosis, listDiagnoses, updateDiagnosisVerification } from "./diagnoses.data";
import type { Diagnosis, RecordDiagnosisInput } from "./diagnoses.schemas";

interface DiagnosisBody {
  condition: string;
  dsm5_code: string | null;
  icd11_code: string | null;
}

const bodyContext = (id: string) => sealContext("client_diagnoses", id, "body");

async function toDiagnosis(keyring: Keyring, row: ClientDiagnosisRow): Promise<Diagnosis> {
  const body = await openJson<DiagnosisBody>(keyring, row.bodySealed, bodyContext(row.id));
  return {
    id: row.id,
    ...body,
    verification: row.verification,
    recorded_at: row.recordedAt.toISOString(),
    recorded_by: row.recordedBy,
    updated_at: row.updatedAt.toISOString(),
  };
}

export function recordDiagnosis(deps: UseCaseDeps, clientId: string, input: RecordDiagnosisInput): Promise<Diagnosis> {
  return workspaceAction(deps, { action: "workspace.diagnosis.create", target: clientTarget(clientId) }, async (workspace, note) => {
    await ownedClient(workspace, clientId);
    const id = crypto.randomUUID();
    note({ detail: { status: input.verification } });
    const body: DiagnosisBody = { condition: input.condition, dsm5_code: input.dsm5_code ?? null, icd11_code: input.icd11_code ?? null };
    const row = await insertDiagnosis(workspace.db, {
      id,
      clientId,
      bodySealed: await sealJson(workspace.keyring, body, bodyContext(id)),
      keyId: workspace.keyring.current.id,
      verification: input.verification,
      recordedBy: workspace.account.id,
    });
    return toDiagnosis(workspace.keyring, row);
  });
}

export function listClientDiagnoses(deps: UseCaseDeps, clientId: string): Promise<{ diagnoses: Diagnosis[] }> {
  return workspaceAction(deps, { action: "workspace.diagnosis.list", target: clientTarget(clientId) }, async (workspace) => {
    await ownedClient(workspace, clientId);
    const rows = await listDiagnoses(workspace.db, clientId);
    return { diagnoses: await Promise.all(rows.map((row) => toDiagnosis(workspace.keyring, row))) };
  });
}

export function changeDiagnosisVerification(
  deps: UseCaseDeps,
  clientId: string,
  diagnosisId: string,
  verification: DiagnosisVerification,
): Promise<Diagnosis> {
  return workspaceAction(
    deps,
    { action: "workspace.diagnosis.update", target: clientTarget(clientId), asked: { status: verification } },
    async (workspace) => {
      await ownedClient(workspace, clientId);
      const row = await updateDiagnosisVerification(workspace.db, clientId, diagnosisId, verification);
      if (!row) throw new ProblemError(404, { code: "diagnosis_not_found", detail: "This client has no diagnosis with this id." });
      return toDiagnosis(workspace.keyring, row);
    },
  );
}
