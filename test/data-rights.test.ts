/**
 * Data-subject rights: `GET /api/auth/me/export` (and `/me/audit-events` for the rest of a long
 * audit trail) returns what was stored about the caller through the app's own routes (logins, a
 * personal token, a voice recording in R2, audit events, an admin's change); `DELETE /api/auth/me`
 * erases the account, its logins, tokens and audio, leaving the audit trail under a pseudonym.
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import {
  adminUpdateUser,
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  decodeJwt,
  expectProblem,
  type LoggedIn,
  login,
  loginAs,
  randomIp,
  register,
  registerAndLogin,
  runSql,
} from "./support/accounts";
import { createTestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { type ApiClient, answerOf, ok, read } from "./support/client";
import { scriptOpenAi } from "./support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);

afterEach(async () => {
  await scriptOpenAi(api.openaiKey, { reset: true });
});

/** A 16-bit mono PCM WAV of silence: what the voice route stores. */
function wav(samples = 4000): Uint8Array {
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (text: string, at: number) =>
    bytes.set(
      Array.from(text, (char) => char.charCodeAt(0)),
      at,
    );
  ascii("RIFF", 0);
  view.setUint32(4, 36 + samples * 2, true);
  ascii("WAVEfmt ", 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16_000, true);
  view.setUint32(28, 32_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii("data", 36);
  view.setUint32(40, samples * 2, true);
  return bytes;
}

/** Stores a recording through POST /voice/transcribe; its audio id. */
async function uploadAudio(owner: LoggedIn, audio: Uint8Array): Promise<string> {
  await scriptOpenAi(api.openaiKey, { transcription: [{ text: "A short note.", duration: 1 }] });
  const res = await api.post(
    "/voice/transcribe",
    { audio_data: btoa(String.fromCharCode(...audio)), format: "wav" },
    { headers: authHeader(owner.tokens.access_token) },
  );
  return ok(await read(answerOf<ApiClient["voice"]["transcribe"]["$post"]>(res)), 200).body.audio_id;
}

async function newToken(owner: LoggedIn) {
  const json = { name: "assistant", scopes: ["read" as const, "mcp" as const], password: owner.password };
  return ok(await read(api.client.api.auth.tokens.$post({ json }, { headers: authHeader(owner.tokens.access_token) })), 201).body;
}

function exportOf(bearer: string) {
  return read(api.client.api.auth.me.export.$get({}, { headers: authHeader(bearer) }));
}

function erase(bearer: string, body: unknown) {
  return api
    .post("/api/auth/me", body, { method: "DELETE", headers: authHeader(bearer) })
    .then((res) => read(answerOf<ApiClient["api"]["auth"]["me"]["$delete"]>(res)));
}

async function audioKeys(userId: string) {
  return (await env.STORAGE.list({ prefix: `audio/${userId}/` })).objects.map((object) => object.key);
}

/** Rows anywhere in the database that still name the account's id. */
async function rowsNaming(userId: string) {
  const [[count]] = await runSql(
    api,
    `select (select count(*) from users where id = $1)
          + (select count(*) from login_sessions where user_id = $1)
          + (select count(*) from refresh_tokens where user_id = $1)
          + (select count(*) from personal_access_tokens where user_id = $1)
          + (select count(*) from audit_events where user_id = $1 or target = 'user:' || $1 or detail::text like '%' || $1 || '%')`,
    [userId],
  );
  return Number(count);
}

/** A therapist with two logins (one ended), a personal token, a recording, a profile edit and an admin's verification. */
async function busyTherapist() {
  const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
  const second = await loginAs(api, therapist);
  ok(await read(api.client.api.auth.logout.$post({}, { headers: authHeader(second.access_token) })), 204);
  ok(
    await read(api.client.api.auth.me.$patch({ json: { first_name: "Renamed" } }, { headers: authHeader(therapist.tokens.access_token) })),
    200,
  );
  const token = await newToken(therapist);
  const audio = wav();
  const audioId = await uploadAudio(therapist, audio);
  return { therapist, second, token, audio, audioId };
}

describe("GET /api/auth/me/export", () => {
  it("holds the account, its logins, tokens, audit events and stored audio; no secret, hash or another user's data", async () => {
    const { therapist, second, token, audio, audioId } = await busyTherapist();
    const bystander = await registerAndLogin(api);
    await newToken(bystander);

    const { res, body } = ok(await exportOf(therapist.tokens.access_token), 200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(body.user).toMatchObject({ id: therapist.user.id, email: therapist.user.email, first_name: "Renamed", is_verified: true });
    expect(Object.keys(body.user)).not.toContain("password_hash");
    expect(body.user.updated_at).toEqual(expect.any(String));

    const firstSid = decodeJwt(therapist.tokens.access_token).payload.sid;
    const secondSid = decodeJwt(second.access_token).payload.sid;
    expect(body.login_sessions.map((session) => session.id).sort()).toEqual([firstSid, secondSid].sort());
    expect(body.login_sessions.find((session) => session.id === secondSid)?.revoked_at).toEqual(expect.any(String));
    expect(body.login_sessions.find((session) => session.id === firstSid)?.revoked_at).toBeNull();

    const { token: secret, ...tokenMetadata } = token;
    expect(body.personal_tokens).toEqual([{ ...tokenMetadata, revoked_at: null }]);

    expect(body.audio).toEqual([
      {
        audio_id: audioId,
        object_key: `audio/${therapist.user.id}/${audioId}.wav`,
        content_type: "audio/wav",
        bytes: audio.length,
        uploaded_at: expect.any(String),
        expires_at: expect.any(String),
      },
    ]);

    const actions = body.audit_events.map((event) => `${event.action}:${event.outcome}:${event.by_you}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        "auth.register:success:true",
        "auth.login:success:true",
        "auth.logout:success:true",
        "auth.update_profile:success:true",
        "auth.token_create:success:true",
        "voice.transcribe:success:true",
        "admin.update_user:success:false",
      ]),
    );
    expect(body.audit_events_next_cursor).toBeNull();

    const text = JSON.stringify(body);
    for (const hidden of [
      secret,
      "pbkdf2",
      "token_version",
      "token_hash",
      therapist.password,
      bystander.user.id,
      bystander.user.email,
      admin.user.id,
    ])
      expect(text).not.toContain(hidden);
    expect(text).not.toMatch(/"[0-9a-f]{64}"/); // no SHA-256 (refresh or personal token) anywhere

    const exported = await auditEvents(api, admin.tokens.access_token, { user_id: therapist.user.id, action: "auth.export" });
    expect(exported).toHaveLength(1);
  });

  it("pages an audit trail longer than the export through /me/audit-events: every event once", async () => {
    const owner = await registerAndLogin(api);
    await runSql(
      api,
      `insert into audit_events (user_id, action, outcome, created_at)
       select $1, 'test.bulk', 'success', now() - make_interval(secs => g) from generate_series(1, 1100) g`,
      [owner.user.id],
    );
    const [[stored]] = await runSql(api, "select count(*) from audit_events where user_id = $1", [owner.user.id]);
    const { body } = ok(await exportOf(owner.tokens.access_token), 200);
    expect(body.audit_events).toHaveLength(1000);
    expect(body.audit_events_next_cursor).toEqual(expect.any(String));

    const ids = body.audit_events.map((event) => event.id);
    let cursor: string | null = body.audit_events_next_cursor;
    while (cursor) {
      const next = ok(
        await read(
          api.client.api.auth.me["audit-events"].$get(
            { query: { cursor, limit: "100" } },
            { headers: authHeader(owner.tokens.access_token) },
          ),
        ),
        200,
      ).body;
      ids.push(...next.events.map((event) => event.id));
      cursor = next.next_cursor;
    }
    expect(ids).toHaveLength(Number(stored));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses a cursor from another list with 400 invalid_cursor", async () => {
    const owner = await registerAndLogin(api);
    const foreign = btoa(JSON.stringify(["audit", new Date().toISOString(), crypto.randomUUID()])).replaceAll("=", "");
    const { res, body } = await read(
      api.client.api.auth.me["audit-events"].$get({ query: { cursor: foreign } }, { headers: authHeader(owner.tokens.access_token) }),
    );
    expectProblem(res, body, 400, "invalid_cursor");
  });

  it("needs a login: 401 without a token", async () => {
    const { res, body } = await api.get("/api/auth/me/export");
    expectProblem(res, body, 401, "unauthorized");
  });
});

describe("DELETE /api/auth/me", () => {
  it("refuses a wrong password with 403 and changes nothing", async () => {
    const { therapist, token, audioId } = await busyTherapist();
    const before = ok(await exportOf(therapist.tokens.access_token), 200).body;
    const { res, body } = await erase(therapist.tokens.access_token, { password: "Wr0ng-password!" });
    expectProblem(res, body, 403, "invalid_password");
    expect(await audioKeys(therapist.user.id)).toEqual([`audio/${therapist.user.id}/${audioId}.wav`]);
    ok(await read(api.client.api.auth.me.$get({}, { headers: authHeader(token.token) })), 200);
    await loginAs(api, therapist);
    const after = ok(await exportOf(therapist.tokens.access_token), 200).body;
    const { last_login: _login, updated_at: _updated, ...identity } = before.user;
    expect(after.user).toMatchObject(identity);
    expect(after.personal_tokens.map(({ id, revoked_at }) => ({ id, revoked_at }))).toEqual([{ id: token.id, revoked_at: null }]);
  });

  it.each([
    ["no password", {}],
    ["an empty password", { password: "" }],
    ["an unknown field", { password: "x", confirm: true }],
  ])("refuses %s with a 400 and erases nothing", async (_case, payload) => {
    const owner = await registerAndLogin(api);
    const { res, body } = await erase(owner.tokens.access_token, payload);
    expectProblem(res, body, 400, "validation_error");
    await loginAs(api, owner);
  });

  it("limits password guesses like change-password: the sixth within a minute is 429, even with the right one", async () => {
    const owner = await registerAndLogin(api);
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
    for (let attempt = 1; attempt <= 5; attempt++)
      expect((await erase(owner.tokens.access_token, { password: `Wr0ng-${attempt}!` })).res.status, `attempt ${attempt}`).toBe(403);
    const { res, body } = await erase(owner.tokens.access_token, { password: owner.password });
    expectProblem(res, body, 429, "rate_limited");
    await loginAs(api, owner);
  });

  it("erases the account, logins, tokens and audio; the audit trail stays under a pseudonym; the name can be registered again", async () => {
    const { therapist, token, audioId } = await busyTherapist();
    const eventsBefore = await auditEvents(api, admin.tokens.access_token, { user_id: therapist.user.id, limit: 100 });
    const [[aboutBefore]] = await runSql(api, "select count(*) from audit_events where user_id = $1 or target = $2", [
      therapist.user.id,
      `user:${therapist.user.id}`,
    ]);
    expect(await audioKeys(therapist.user.id)).toEqual([`audio/${therapist.user.id}/${audioId}.wav`]);

    const { res } = await erase(therapist.tokens.access_token, { password: therapist.password });
    expect(res.status).toBe(204);

    // Nothing the person could sign in with works any more.
    const relogin = await login(api, { email: therapist.user.email, password: therapist.password });
    expectProblem(relogin.res, relogin.body, 401, "invalid_credentials");
    for (const bearer of [therapist.tokens.access_token, token.token]) {
      const { res: refused, body } = await read(api.client.api.auth.me.$get({}, { headers: authHeader(bearer) }));
      expectProblem(refused, body, 401, "unauthorized");
    }
    const refreshed = await read(api.client.api.auth.refresh.$post({ json: { refresh_token: therapist.tokens.refresh_token } }));
    expectProblem(refreshed.res, refreshed.body, 401, "invalid_refresh_token");
    expect(await audioKeys(therapist.user.id)).toEqual([]);
    expect(await rowsNaming(therapist.user.id)).toBe(0);

    // The trail: every event kept, under one pseudonym that names no account, detail without personal facts.
    const erasure = await auditEvents(api, admin.tokens.access_token, { action: "auth.erase", limit: 100 });
    const erasureEvent = erasure.find((event) => event.target === `user:${event.user_id}` && event.outcome === "success");
    const pseudonym = erasureEvent?.user_id;
    expect(pseudonym).toMatch(/^[0-9a-f-]{36}$/);
    expect(pseudonym).not.toBe(therapist.user.id);
    const [[pseudonymousUsers]] = await runSql(api, "select count(*) from users where id = $1", [pseudonym]);
    expect(Number(pseudonymousUsers)).toBe(0);
    const after = await auditEvents(api, admin.tokens.access_token, { user_id: pseudonym!, limit: 100 });
    expect(after.map((event) => event.id).sort()).toEqual([...eventsBefore.map((event) => event.id), erasureEvent?.id].sort());
    const [[aboutAfter]] = await runSql(api, "select count(*) from audit_events where user_id = $1 or target = $2", [
      pseudonym,
      `user:${pseudonym}`,
    ]);
    expect(Number(aboutAfter)).toBe(Number(aboutBefore) + 1);
    const adminChange = await runSql(api, "select user_id, detail from audit_events where action = 'admin.update_user' and target = $1", [
      `user:${pseudonym}`,
    ]);
    expect(adminChange).toEqual([[admin.user.id, null]]);
    const profileEdit = after.find((event) => event.action === "auth.update_profile");
    expect(profileEdit?.detail).toBeNull();
    const transcription = after.find((event) => event.action === "voice.transcribe");
    expect(transcription?.detail).toMatchObject({ bytes: expect.any(Number), format: "wav" });

    // The email and username are free again.
    const again = await register(
      api,
      {
        username: therapist.user.username,
        email: therapist.user.email,
        password: therapist.password,
        first_name: "New",
        last_name: "Person",
      },
      randomIp(),
    );
    expect(again.res.status, JSON.stringify(again.body)).toBe(201);
  });

  it("leaves other accounts alone", async () => {
    const leaving = await registerAndLogin(api);
    const staying = await registerAndLogin(api);
    const stayingToken = await newToken(staying);
    ok(await adminUpdateUser(api, admin.tokens.access_token, staying.user.id, { role: "psychologist" }), 200);
    expect((await erase(leaving.tokens.access_token, { password: leaving.password })).res.status).toBe(204);
    ok(await read(api.client.api.auth.me.$get({}, { headers: authHeader(stayingToken.token) })), 200);
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: staying.user.id });
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["auth.register", "auth.login", "auth.token_create"]));
  });
});
