/**
 * /app/clients/{id}/fhir: the client's record as a FHIR R4 Bundle file (docs/api.md §13), the same
 * use case as GET /api/v1/clients/{id}/fhir, so the download is audited and refused as over REST
 * (another clinician's client is the 404 page).
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { exportClientBundle } from "../../fhir/client-bundle.flow";
import { FHIR_JSON } from "../../fhir/terminology";
import { useCaseDeps } from "../../use-case/deps";
import { ClientIdParams } from "../../workspace/clients/clients.schemas";
import { parsed } from "../parsed";
import { consoleMay, consoleSessionWith } from "../session";

export const clientFhirPages = new Hono<AppEnv>();

/** `Client A-17` → `client-a-17`: ASCII only, so the filename needs no encoding in Content-Disposition. */
function labelSlug(label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "record";
}

clientFhirPages.get("/:id/fhir", consoleSessionWith(consoleMay("workspace")), async (c) => {
  const { id } = parsed(ClientIdParams.safeParse(c.req.param()), "path");
  const { bundle, label } = await exportClientBundle(useCaseDeps(c), id);
  const slug = labelSlug(label);
  // client-<label>, without doubling a label that already starts with "client".
  const filename = /^client(-|$)/.test(slug) ? slug : `client-${slug}`;
  return c.body(JSON.stringify(bundle, null, 2), 200, {
    "Content-Type": FHIR_JSON,
    "Content-Disposition": `attachment; filename="${filename}.fhir.json"`,
  });
});
