/**
 * Key rotation (docs/api.md §12, docs/encryption.md): rows sealed under the old key stay readable
 * while it is listed in DATA_ENCRYPTION_PREVIOUS_KEYS, the admin reseal route moves them to the
 * current key in batches (audited, counts only), and afterwards the old key can go. Without the
 * old key, an old row is a 503 encryption_key_missing, never garbage.
 */
import { describe, expect, it } from "vitest";
import { loadKeyring, open, sealContext, sealJson } from "../../src/workspace/crypto/field-cipher";
import { SEALED_COLUMNS } from "../../src/workspace/crypto/sealed-columns";
import { authHeader, createAdmin, createVerifiedTherapist, expectProblem, type LoggedIn, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";
import { auditEvents } from "../support/audit";

const keyA = "dGVzdC1vbmx5LXdvcmtzcGFjZS1rZXktMzItYnl0ZXM="; // vitest.config.ts's DATA_ENCRYPTION_KEY
const keyB = btoa("another-test-key-for-rotation!!!");

const underA = await createTestApi({ DATA_ENCRYPTION_KEY: keyA });
const rotating = await createTestApi({ DATA_ENCRYPTION_KEY: keyB, DATA_ENCRYPTION_PREVIOUS_KEYS: keyA }, { database: underA.database });
const onlyB = await createTestApi({ DATA_ENCRYPTION_KEY: keyB }, { database: underA.database });

const admin = await createAdmin(underA);
const as = (account: LoggedIn) => ({ headers: authHeader(account.tokens.access_token) });

describe("encryption key rotation", () => {
  it("re-seals every row under the new key in batches, after which the old key is not needed", async () => {
    const therapist = await createVerifiedTherapist(underA, admin.tokens.access_token);
    const ids: string[] = [];
    for (const pronouns of ["she/her", "he/him", "they/them"]) {
      const { res, body } = await underA.json("/api/v1/clients", { label: `Rotation ${pronouns}`, pronouns }, as(therapist));
      expect(res.status).toBe(201);
      ids.push((body as { id: string }).id);
    }
    // A note row too (a second sealed table), sealed under A as the notes flow would.
    const keyringA = await loadKeyring({ current: keyA, previous: [] });
    if (!keyringA) throw new Error("key A did not load");
    const noteId = crypto.randomUUID();
    const noteBody = { sections: { subjective: "Slept better this week." } };
    await runSql(
      underA,
      "insert into client_notes (id, client_id, session_date, format, body_sealed, key_id, created_by) values ($1, $2, '2026-12-01', 'soap', $3, $4, $5)",
      [
        noteId,
        ids[0],
        await sealJson(keyringA, noteBody, sealContext("client_notes", noteId, "body")),
        keyringA.current.id,
        therapist.user.id,
      ],
    );

    // Before the rotation the old key is still listed: old rows read.
    const before = await rotating.get(`/api/v1/clients/${ids[1]}`, as(therapist));
    expect(before.res.status).toBe(200);
    expect(before.body).toMatchObject({ pronouns: "he/him" });

    const first = await rotating.json("/api/admin/workspace/reseal", { batch_size: 2 }, as(admin));
    expect(first.res.status, JSON.stringify(first.body)).toBe(200);
    const progress = first.body as { resealed: number; remaining: number; current_key_id: string };
    expect(progress).toMatchObject({ resealed: 2, remaining: 2 });
    expect(progress.current_key_id).not.toBe(keyringA.current.id);

    const second = await rotating.json("/api/admin/workspace/reseal", {}, as(admin));
    expect(second.body).toEqual({ resealed: 2, remaining: 0, current_key_id: progress.current_key_id });

    const keyIds = await runSql(
      underA,
      "select key_id, details_sealed from clients where id = any($1::uuid[]) union all select key_id, body_sealed from client_notes where id = $2",
      [ids, noteId],
    );
    expect(keyIds).toHaveLength(4);
    for (const [keyId, envelope] of keyIds) {
      expect(keyId).toBe(progress.current_key_id);
      expect(String(envelope).split(".")[1]).toBe(progress.current_key_id);
    }

    // With only the new key everything still opens.
    for (const [index, pronouns] of ["she/her", "he/him", "they/them"].entries()) {
      const read = await onlyB.get(`/api/v1/clients/${ids[index]}`, as(therapist));
      expect(read.res.status).toBe(200);
      expect(read.body).toMatchObject({ pronouns });
    }
    const keyringB = await loadKeyring({ current: keyB, previous: [] });
    if (!keyringB) throw new Error("key B did not load");
    const [[noteEnvelope]] = (await runSql(underA, "select body_sealed from client_notes where id = $1", [noteId])) as [[string]];
    expect(JSON.parse(await open(keyringB, noteEnvelope, sealContext("client_notes", noteId, "body")))).toEqual(noteBody);

    const events = await auditEvents(underA, admin.tokens.access_token, { action: "workspace.reseal" });
    expect(events.map((event) => [event.outcome, event.detail])).toEqual([
      ["success", { resealed: 2, remaining: 0 }],
      ["success", { resealed: 2, remaining: 2 }],
    ]);
  });

  it("answers 503 encryption_key_missing for a row under a key that is no longer configured", async () => {
    const therapist = await createVerifiedTherapist(underA, admin.tokens.access_token);
    const { body } = await underA.json("/api/v1/clients", { label: "Old key", gender: "woman" }, as(therapist));
    const read = await onlyB.get(`/api/v1/clients/${(body as { id: string }).id}`, as(therapist));
    expectProblem(read.res, read.body, 503, "encryption_key_missing");
    // And a reseal without the old key cannot open it either: nothing is rewritten.
    const reseal = await onlyB.json("/api/admin/workspace/reseal", {}, as(admin));
    expectProblem(reseal.res, reseal.body, 503, "encryption_key_missing");
  });

  it("is for admins only and refuses a batch size outside 1–500", async () => {
    const therapist = await createVerifiedTherapist(underA, admin.tokens.access_token);
    const refused = await rotating.json("/api/admin/workspace/reseal", {}, as(therapist));
    expectProblem(refused.res, refused.body, 403, "forbidden");
    const tooMany = await rotating.json("/api/admin/workspace/reseal", { batch_size: 501 }, as(admin));
    expect(tooMany.res.status).toBe(400);
  });
});

describe("the sealed-column registry", () => {
  it("lists every *_sealed column in the database, so a rotation leaves none behind", async () => {
    const columns = await runSql(
      underA,
      "select table_name || '.' || column_name from information_schema.columns where table_schema = 'public' and column_name like '%\\_sealed' order by 1",
    );
    const registered = SEALED_COLUMNS.flatMap((entry) => entry.columns.map((column) => `${entry.tableName}.${column.sealed.name}`)).sort();
    expect(columns.map(([name]) => name)).toEqual(registered);
  });
});
