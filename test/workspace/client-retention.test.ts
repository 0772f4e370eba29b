/**
 * Retention of discharged clients (docs/api.md §2, §12): each clinician sets how many years a
 * discharged client's record is kept (`client_retention_years`, 1–30, default 7) and the daily
 * Cron Trigger deletes the records past it, with their notes; active clients and records still
 * within their owner's retention stay.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { expectProblem, type LoggedIn, registerAndLogin, runSql } from "../support/accounts";
import { csrfTokenIn } from "../support/console";
import { addClient, bearer, signedInVisitor, workspaceFixture } from "../support/workspace";

const { api, clinician } = await workspaceFixture();
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "17 3 * * *" }), api.env, ctx);
  await waitOnExecutionContext(ctx);
}

/** A client discharged `yearsAgo` years ago (null: still active). */
async function clientOf(account: LoggedIn, label: string, yearsAgo: number | null) {
  const { id } = await addClient(api, account, { label });
  if (yearsAgo !== null) {
    const discharged = await api.json(`/api/v1/clients/${id}`, { status: "discharged" }, { method: "PATCH", ...bearer(account) });
    expect(discharged.res.status).toBe(200);
    await runSql(api, "update clients set discharged_at = $2 where id = $1", [id, new Date(Date.now() - yearsAgo * YEAR_MS).toISOString()]);
  }
  return id;
}

async function setRetention(account: LoggedIn, years: unknown) {
  return api.json("/api/auth/me", { client_retention_years: years }, { method: "PATCH", ...bearer(account) });
}

describe("client retention setting", () => {
  it("defaults to 7 years, is set with PATCH /api/auth/me and shown on GET /api/auth/me", async () => {
    const therapist = await clinician();
    expect((await api.get("/api/auth/me", bearer(therapist))).body).toMatchObject({ client_retention_years: 7 });
    const set = await setRetention(therapist, 10);
    expect(set.res.status).toBe(200);
    expect(set.body).toMatchObject({ client_retention_years: 10 });
    expect((await api.get("/api/auth/me", bearer(therapist))).body).toMatchObject({ client_retention_years: 10 });
  });

  it.each([0, 31, 2.5, "7", null])("refuses %j with a 400 and keeps the setting", async (years) => {
    const therapist = await clinician();
    const refused = await setRetention(therapist, years);
    expectProblem(refused.res, refused.body, 400, "validation_error");
    expect(refused.body.errors?.map((error) => error.path)).toEqual(["body.client_retention_years"]);
    expect((await api.get("/api/auth/me", bearer(therapist))).body).toMatchObject({ client_retention_years: 7 });
  });
});

describe("client retention in the console settings", () => {
  it("shows the field to a clinician with the current value and saves a new one; a student sees none", async () => {
    const therapist = await clinician();
    const visitor = await signedInVisitor(api, therapist);
    const { html } = await visitor.page("/app/settings");
    expect(html).toMatch(/<label for="client_retention_years">Keep discharged clients&#39; records for \(years\)<\/label>/);
    expect(html).toMatch(/<input id="client_retention_years"[^>]*value="7"/);
    const saveRetention = (years: string) =>
      visitor.post("/app/settings/profile", {
        _csrf: csrfTokenIn(html),
        first_name: "Theo",
        last_name: "Rapist",
        client_retention_years: years,
      });
    const saved = await saveRetention("12");
    expect(saved.status).toBe(303);
    expect((await api.get("/api/auth/me", bearer(therapist))).body).toMatchObject({ client_retention_years: 12 });
    const bad = await saveRetention("40");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("client_retention_years");
    expect((await api.get("/api/auth/me", bearer(therapist))).body).toMatchObject({ client_retention_years: 12 });

    const student = await registerAndLogin(api);
    const studentVisitor = await signedInVisitor(api, student);
    expect((await studentVisitor.page("/app/settings")).html).not.toContain("client_retention_years");
  });
});

describe("the daily purge of discharged clients past retention", () => {
  it("deletes discharged records older than their owner's retention, with their notes, and keeps the rest", async () => {
    const byDefault = await clinician();
    const longer = await clinician();
    const shorter = await clinician();
    await setRetention(longer, 10);
    await setRetention(shorter, 1);

    const expired = await clientOf(byDefault, "Discharged 8 years ago", 8);
    const recent = await clientOf(byDefault, "Discharged 6 years ago", 6);
    const active = await clientOf(byDefault, "Still active", null);
    await runSql(api, "update clients set created_at = now() - interval '20 years' where id = $1", [active]);
    const keptLonger = await clientOf(longer, "Discharged 8 years ago", 8);
    const expiredShorter = await clientOf(shorter, "Discharged 2 years ago", 2);
    await runSql(
      api,
      "insert into client_notes (client_id, session_date, format, body_sealed, key_id, created_by) values ($1, '2018-01-01', 'soap', 'v1.x.y.z', 'x', $2)",
      [expired, byDefault.user.id],
    );

    await runCron();

    const left = (await runSql(api, "select id from clients where id = any($1::uuid[])", [
      [expired, recent, active, keptLonger, expiredShorter],
    ])) as [string][];
    expect(left.map(([id]) => id).sort()).toEqual([recent, active, keptLonger].sort());
    expect(await runSql(api, "select id from client_notes where client_id = $1", [expired])).toEqual([]);
    const gone = await api.get(`/api/v1/clients/${expired}`, bearer(byDefault));
    expectProblem(gone.res, gone.body, 404, "client_not_found");
  });
});
