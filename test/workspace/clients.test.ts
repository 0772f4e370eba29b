/**
 * Client records (docs/api.md §12): a clinician's own, private workspace. Another clinician's
 * client is 404; students and administrators have no workspace; labels are unique per clinician;
 * the client's own words (gender, pronouns) are stored sealed; every read and write is audited
 * without the text.
 */
import { describe, expect, it } from "vitest";
import { errorsAt, expectProblem, registerAndLogin, runSql } from "../support/accounts";
import { addClient, bearer, workspaceFixture } from "../support/workspace";

const { api, admin, clinician } = await workspaceFixture();

interface ClientBody {
  id: string;
  label: string;
  gender: string | null;
  pronouns: string | null;
  status: string;
  discharged_at: string | null;
}

describe("client records", () => {
  it("creates, reads, lists with a label filter, changes and deletes a client", async () => {
    const therapist = await clinician();
    const created = await addClient<ClientBody>(api, therapist, {
      label: "Client A-17",
      year_of_birth: 1990,
      sex: "female",
      pronouns: "she/her",
    });
    expect(created).toMatchObject({ label: "Client A-17", pronouns: "she/her", gender: null, status: "active", discharged_at: null });
    await addClient<ClientBody>(api, therapist, { label: "Client B-02" });

    const read = await api.get(`/api/v1/clients/${created.id}`, bearer(therapist));
    expect(read.body).toEqual(created);

    const filtered = await api.get("/api/v1/clients?q=a-1", bearer(therapist));
    expect((filtered.body as { clients: ClientBody[] }).clients.map((client) => client.label)).toEqual(["Client A-17"]);

    const changed = await api.json(
      `/api/v1/clients/${created.id}`,
      { gender: "non-binary", status: "discharged" },
      { method: "PATCH", ...bearer(therapist) },
    );
    expect(changed.res.status).toBe(200);
    expect(changed.body).toMatchObject({
      gender: "non-binary",
      pronouns: "she/her",
      status: "discharged",
      discharged_at: expect.any(String),
    });
    const active = await api.get("/api/v1/clients?status=active", bearer(therapist));
    expect((active.body as { clients: ClientBody[] }).clients.map((client) => client.label)).toEqual(["Client B-02"]);

    const removed = await api.fetch(`/api/v1/clients/${created.id}`, { method: "DELETE", ...bearer(therapist) });
    expect(removed.status).toBe(204);
    const gone = await api.get(`/api/v1/clients/${created.id}`, bearer(therapist));
    expectProblem(gone.res, gone.body, 404, "client_not_found");
  });

  it("pages the list with a cursor", async () => {
    const therapist = await clinician();
    for (const label of ["P1", "P2", "P3"]) await addClient<ClientBody>(api, therapist, { label });
    const first = await api.get("/api/v1/clients?limit=2", bearer(therapist));
    const firstPage = first.body as { clients: ClientBody[]; next_cursor: string };
    expect(firstPage.clients.map((client) => client.label)).toEqual(["P3", "P2"]);
    const second = await api.get(`/api/v1/clients?limit=2&cursor=${encodeURIComponent(firstPage.next_cursor)}`, bearer(therapist));
    expect(second.body).toMatchObject({ clients: [{ label: "P1" }], next_cursor: null });
  });

  it("refuses a second client with the same label (any case) with 409 and keeps the first", async () => {
    const therapist = await clinician();
    await addClient<ClientBody>(api, therapist, { label: "Client C" });
    const again = await api.json("/api/v1/clients", { label: "client c" }, bearer(therapist));
    expectProblem(again.res, again.body, 409, "label_taken");
    const list = await api.get("/api/v1/clients", bearer(therapist));
    expect((list.body as { clients: unknown[] }).clients).toHaveLength(1);
    // Another clinician may use the same label: labels are unique per clinician.
    await addClient<ClientBody>(api, await clinician(), { label: "Client C" });
  });

  it("refuses a name-like field, a future year of birth and an empty change with 400 and stores nothing", async () => {
    const therapist = await clinician();
    const withName = await api.json("/api/v1/clients", { label: "X", name: "Jane Doe" }, bearer(therapist));
    expectProblem(withName.res, withName.body, 400, "validation_error");
    const future = await api.json("/api/v1/clients", { label: "Y", year_of_birth: new Date().getUTCFullYear() + 1 }, bearer(therapist));
    expectProblem(future.res, future.body, 400, "validation_error");
    expect(errorsAt(future.body, "body.year_of_birth")).not.toHaveLength(0);
    const list = await api.get("/api/v1/clients", bearer(therapist));
    expect((list.body as { clients: unknown[] }).clients).toHaveLength(0);
  });

  it("answers 404 for another clinician's client, whatever the method, and changes nothing", async () => {
    const owner = await clinician();
    const other = await clinician();
    const client = await addClient<ClientBody>(api, owner, { label: "Private" });
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { label: "Taken over" }],
      ["DELETE", undefined],
    ] as const) {
      const res = await api.fetch(`/api/v1/clients/${client.id}`, {
        method,
        headers: { ...bearer(other).headers, "Content-Type": "application/json" },
        body: body && JSON.stringify(body),
      });
      const problem = await res.json();
      expectProblem(res, problem, 404, "client_not_found");
    }
    const still = await api.get(`/api/v1/clients/${client.id}`, bearer(owner));
    expect(still.body).toMatchObject({ label: "Private" });
  });

  it("gives students and administrators no workspace (403)", async () => {
    const student = await registerAndLogin(api);
    for (const account of [student, admin]) {
      const res = await api.json("/api/v1/clients", { label: "Z" }, bearer(account));
      expectProblem(res.res, res.body, 403, "forbidden");
    }
  });

  it("stores the client's own words sealed, and audits each access by client id without them", async () => {
    const therapist = await clinician();
    const client = await addClient<ClientBody>(api, therapist, { label: "Sealed-1", gender: "genderfluid", pronouns: "xe/xem" });
    const rows = await runSql(api, "select details_sealed, key_id from clients where id = $1", [client.id]);
    const [sealed, keyId] = rows[0] as [string, string];
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("genderfluid");
    expect(atobSafe(sealed)).not.toContain("genderfluid");
    expect(sealed.split(".")[1]).toBe(keyId);

    await api.get(`/api/v1/clients/${client.id}`, bearer(therapist));
    const events = await runSql(api, "select action, outcome, detail::text from audit_events where target = $1 order by created_at", [
      `client:${client.id}`,
    ]);
    expect(events.map(([action, outcome]) => `${action}:${outcome}`)).toEqual([
      "workspace.client.create:success",
      "workspace.client.read:success",
    ]);
    expect(JSON.stringify(events)).not.toMatch(/genderfluid|xe\/xem|Sealed-1/);
  });
});

/** Every base64url run of the envelope decoded, to show the text is not merely encoded. */
function atobSafe(envelope: string): string {
  return envelope
    .split(".")
    .map((part) => {
      try {
        return atob(part.replaceAll("-", "+").replaceAll("_", "/"));
      } catch {
        return "";
      }
    })
    .join("|");
}
