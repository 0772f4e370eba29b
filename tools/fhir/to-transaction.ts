/**
 * A client record Bundle (type collection, from GET /api/v1/clients/{id}/fhir or the console's
 * Download FHIR) as a transaction Bundle a FHIR server stores in one go
 * (https://hl7.org/fhir/R4/http.html#transaction): each entry gains a `request`.
 *
 * - `put` (the default): `PUT <type>/<id>` with our ids. Exporting the same record again and
 *   re-importing updates what the server stored instead of duplicating it. Needs a server that
 *   accepts client-assigned ids (HAPI FHIR does for non-numeric ids such as our UUIDs).
 * - `post`: `POST <type>`, the server assigns ids (for servers that refuse client ids).
 *
 * Either way the `urn:uuid:` fullUrls stay, so the server rewrites the references between the
 * entries to the ids it stored them under, as the transaction rules require.
 */
import type { Bundle, BundleEntry } from "@medplum/fhirtypes";

export type TransactionMethod = "put" | "post";

export function toTransaction(bundle: Bundle, method: TransactionMethod = "put"): Bundle {
  if (bundle.resourceType !== "Bundle" || bundle.type !== "collection")
    throw new Error("expected a FHIR Bundle of type collection (a client record exported from the Therapy Assistant)");
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: (bundle.entry ?? []).map((entry): BundleEntry => {
      const { resource, fullUrl } = entry;
      if (!resource?.id) throw new Error(`entry ${fullUrl ?? "?"} has no resource id`);
      return {
        fullUrl,
        resource,
        request:
          method === "put"
            ? { method: "PUT", url: `${resource.resourceType}/${resource.id}` }
            : { method: "POST", url: resource.resourceType },
      };
    }),
  };
}
