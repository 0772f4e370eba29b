/**
 * Export a client's record as a FHIR R4 Bundle (docs/api.md §13): one audited event
 * (`workspace.fhir.export`, target `client:<id>`) around reading the whole record and building
 * the Bundle, for the REST route, the console download and the MCP tool alike. The owner only:
 * another clinician's client is 404 client_not_found, as everywhere in the workspace.
 */
import type { Bundle } from "@medplum/fhirtypes";
import type { UseCaseDeps } from "../use-case/deps";
import { clientTarget, workspaceAction } from "../workspace/workspace-action";
import { clientBundle } from "./client-bundle";
import { readClientRecord } from "./client-record";

export interface ClientBundleExport {
  bundle: Bundle;
  /** The clinician's label for the client (not in the Bundle: it stays pseudonymous), e.g. to name a download. */
  label: string;
}

export function exportClientBundle(deps: UseCaseDeps, clientId: string): Promise<ClientBundleExport> {
  return workspaceAction(
    deps,
    { action: "workspace.fhir.export", target: clientTarget(clientId), asked: { format: "fhir" } },
    async (workspace) => {
      const { account } = workspace;
      const record = await readClientRecord(workspace, clientId);
      const bundle = await clientBundle(record, {
        exporter: { id: account.id, name: { given: account.firstName, family: account.lastName } },
        now: new Date(),
      });
      return { bundle, label: record.client.label };
    },
  );
}
