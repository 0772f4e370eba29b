/**
 * Encryption at rest (docs/api.md §12, docs/encryption.md): a record filled through the API with a
 * distinctive word in every clinical text field, then every row of every workspace table read
 * raw, as a database dump would show it. The word appears nowhere, in clear or in base64, and
 * every sealed column holds an envelope naming its row's key.
 */
import { describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";

const api = await createTestApi();
const admin = await createAdmin(api);

/** Appears in every text field we send; nowhere else. */
const MARKER = "Quetzalcoatlus";
const WORKSPACE_TABLES = [
  "clients",
  "client_notes",
  "note_addenda",
  "client_measures",
  "treatment_plans",
  "plan_goals",
  "goal_status_changes",
  "client_diagnoses",
] as const;
const SEALED = [
  ["clients", "details_sealed"],
  ["client_notes", "body_sealed"],
  ["note_addenda", "text_sealed"],
  ["client_measures", "responses_sealed"],
  ["treatment_plans", "body_sealed"],
  ["plan_goals", "text_sealed"],
  ["client_diagnoses", "body_sealed"],
] as const;

/** base64 of the marker at each of the three alignments it can take inside a longer base64 text. */
const base64Forms = (word: string) =>
  [0, 1, 2]
    .map((shift) => btoa(`${"x".repeat(shift)}${word}`).slice(Math.ceil((shift * 4) / 3) + 1, -4))
    .filter((form) => form.length >= 8);

describe("the workspace at rest", () => {
  it("keeps no clinical text in clear: a raw read of every workspace table shows none of it", async () => {
    const clinician = await createVerifiedTherapist(api, admin.tokens.access_token);
    const as = { headers: authHeader(clinician.tokens.access_token) };
    const post = async (path: string, body: unknown, method = "POST") => {
      const { res, body: answer } = await api.json(path, body, { method, ...as });
      expect(res.status, JSON.stringify(answer)).toBeLessThan(300);
      return answer as { id: string; goals?: Array<{ id: string }> };
    };

    const client = await post("/api/v1/clients", { label: "Client R-1", gender: `${MARKER} gender`, pronouns: `${MARKER}/they` });
    const base = `/api/v1/clients/${client.id}`;
    const plan = await post(
      `${base}/plan`,
      {
        problems: [{ description: `${MARKER} problem` }],
        objectives: [{ description: `${MARKER} objective`, target_week: 4 }],
        interventions: [{ name: `${MARKER} intervention` }],
        measures: [{ instrument: "PHQ-9", frequency: `${MARKER} fortnightly`, target: `${MARKER} below 5` }],
        goals: [{ text: `${MARKER} goal` }],
      },
      "PUT",
    );
    const note = await post(`${base}/notes`, {
      session_date: "2026-11-30",
      format: "dap",
      sections: { data: `${MARKER} data`, assessment: `${MARKER} assessment`, plan: `${MARKER} plan` },
      statements: { data: [{ text: `${MARKER} statement`, spans: [{ start: 0, end: 5 }] }] },
      unsupported: [`${MARKER} unsupported`],
      goal_ids: [plan.goals?.[0]?.id],
    });
    await post(`${base}/notes/${note.id}/sign`, {});
    await post(`${base}/notes/${note.id}/addenda`, { text: `${MARKER} addendum` });
    await post(`${base}/plan/goals/${plan.goals?.[0]?.id}`, { status: "in_progress", note_id: note.id }, "PATCH");
    await post(`${base}/measures`, { instrument: "phq9", responses: [3, 2, 3, 1, 2, 3, 1, 2, 1], administered_at: "2026-11-30T10:00:00Z" });
    await post(`${base}/diagnoses`, { condition: `${MARKER} disorder`, dsm5_code: "F32.1" });

    // Through the API, the text is all there: the record is real, not empty.
    const read = await api.get(`${base}/notes/${note.id}`, as);
    expect(JSON.stringify(read.body).split(MARKER).length - 1).toBeGreaterThanOrEqual(6);

    const forms = [MARKER, MARKER.toLowerCase(), ...base64Forms(MARKER)];
    for (const table of WORKSPACE_TABLES) {
      const rows = await runSql(api, `select t::text from ${table} t`);
      expect(rows.length, `${table} has rows`).toBeGreaterThan(0);
      const dump = rows.map(([row]) => String(row)).join("\n");
      for (const form of forms) expect(dump, `${table} shows "${form}"`).not.toContain(form);
      // Nor the answers as the list they were sent as.
      expect(dump).not.toContain("3,2,3,1,2,3,1,2,1");
    }
    for (const [table, column] of SEALED) {
      const rows = (await runSql(api, `select ${column}, key_id from ${table}`)) as Array<[string, string]>;
      for (const [sealed, keyId] of rows) expect(sealed, `${table}.${column}`).toMatch(new RegExp(`^v1\\.${keyId}\\.[\\w-]+\\.[\\w-]+$`));
    }
  });
});
