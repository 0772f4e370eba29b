/**
 * Erasure and the audit trail: an admin who erases their own account leaves the record of what
 * they did to other people intact (the action and its detail, under the erased admin's pseudonym),
 * and the last active admin cannot erase themself, so the service is never left without one.
 */
import { describe, expect, it } from "vitest";
import {
  adminUpdateUser,
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  expectProblem,
  type LoggedIn,
  loginAs,
  registerAndLogin,
  runSql,
} from "./support/accounts";
import { createTestApi, type TestApi } from "./support/api";
import { auditEvents } from "./support/audit";
import { type ApiClient, answerOf, ok, read } from "./support/client";

function erase(api: TestApi, account: LoggedIn) {
  return api
    .post("/api/auth/me", { password: account.password }, { method: "DELETE", headers: authHeader(account.tokens.access_token) })
    .then((res) => read(answerOf<ApiClient["api"]["auth"]["me"]["$delete"]>(res)));
}

/** The stored rows of an account's own events and others' events about it, oldest first. */
function trailOf(api: TestApi, userId: string) {
  return runSql(
    api,
    "select id, user_id, action, target, detail from audit_events where user_id = $1 or target = $2 order by created_at, id",
    [userId, `user:${userId}`],
  );
}

// Two databases: one where another admin stays behind, one with a single active admin.
const api = await createTestApi();
const remaining = await createAdmin(api);
const soleAdminApi = await createTestApi();
const only = await createAdmin(soleAdminApi);

describe("an admin erasing their own account while another admin remains", () => {
  it("keeps what they did to other users: the action, its before/after detail, and a pseudonym as the actor", async () => {
    const leaving = await createAdmin(api);
    const verified = await createVerifiedTherapist(api, leaving.tokens.access_token);
    const deactivated = await registerAndLogin(api);
    ok(await adminUpdateUser(api, leaving.tokens.access_token, deactivated.user.id, { is_active: false }), 200);

    const { res } = await erase(api, leaving);
    expect(res.status).toBe(204);

    const [erasure] = await auditEvents(api, remaining.tokens.access_token, { action: "auth.erase" });
    const pseudonym = erasure?.user_id;
    expect(pseudonym).toMatch(/^[0-9a-f-]{36}$/);
    expect(pseudonym).not.toBe(leaving.user.id);

    const changes = await auditEvents(api, remaining.tokens.access_token, { action: "admin.update_user", limit: 100 });
    const about = (user: LoggedIn) => changes.find((event) => event.target === `user:${user.user.id}`);
    expect(about(verified)).toMatchObject({
      user_id: pseudonym,
      outcome: "success",
      detail: {
        before: { role: "therapist", is_active: true, is_verified: false },
        after: { role: "therapist", is_active: true, is_verified: true },
      },
    });
    expect(about(deactivated)).toMatchObject({
      user_id: pseudonym,
      outcome: "success",
      detail: {
        before: { role: "student", is_active: true, is_verified: false },
        after: { role: "student", is_active: false, is_verified: false },
      },
    });

    // The therapist's own export still shows the change made to their account, with its detail.
    const exported = ok(await read(api.client.api.auth.me.export.$get({}, { headers: authHeader(verified.tokens.access_token) })), 200);
    expect(exported.body.audit_events.find((event) => event.action === "admin.update_user")).toMatchObject({
      by_you: false,
      detail: { after: { is_verified: true } },
    });

    // Nothing names the erased admin any more, and their own events lost their personal detail.
    expect(await trailOf(api, leaving.user.id)).toEqual([]);
    const [[named]] = await runSql(api, "select count(*) from audit_events where detail::text like '%' || $1 || '%'", [leaving.user.id]);
    expect(Number(named)).toBe(0);
    const own = await auditEvents(api, remaining.tokens.access_token, { user_id: pseudonym!, limit: 100 });
    expect(own.filter((event) => event.target === `user:${pseudonym}`).map((event) => event.action)).toEqual(
      expect.arrayContaining(["auth.register", "auth.login", "auth.erase"]),
    );
  });

  it("still strips the account state from another admin's change to the erased person", async () => {
    const leaving = await createAdmin(api);
    ok(await adminUpdateUser(api, remaining.tokens.access_token, leaving.user.id, { is_verified: false }), 200);
    expect((await erase(api, leaving)).res.status).toBe(204);
    const [erasure] = await auditEvents(api, remaining.tokens.access_token, { action: "auth.erase" });
    const rows = await runSql(api, "select user_id, detail from audit_events where action = 'admin.update_user' and target = $1", [
      `user:${erasure?.user_id}`,
    ]);
    expect(rows).toEqual([[remaining.user.id, null]]);
  });
});

describe("the last active admin", () => {
  const api = soleAdminApi;

  it("cannot erase their account: 409 last_admin, and the account and its trail are unchanged", async () => {
    await createVerifiedTherapist(api, only.tokens.access_token); // something the admin did to someone else
    // An inactive admin cannot run the service, so does not count.
    const inactive = await createAdmin(api);
    ok(await adminUpdateUser(api, only.tokens.access_token, inactive.user.id, { is_active: false }), 200);
    const trailBefore = await trailOf(api, only.user.id);

    const { res, body } = await erase(api, only);
    expectProblem(res, body, 409, "last_admin");

    const tokens = await loginAs(api, only);
    expect(tokens.user).toMatchObject({ id: only.user.id, role: "admin", is_active: true });
    ok(await read(api.client.api.auth.me.$get({}, { headers: authHeader(only.tokens.access_token) })), 200);
    const trailAfter = await trailOf(api, only.user.id);
    expect(trailAfter.filter(([id]) => trailBefore.some(([before]) => before === id))).toEqual(trailBefore);
    const added = trailAfter.filter(([id]) => !trailBefore.some(([before]) => before === id));
    expect(added.map(([, , action, , detail]) => [action, detail === null ? null : JSON.parse(String(detail))])).toEqual([
      ["auth.erase", { reason: "last_admin" }],
      ["auth.login", null],
    ]);
  });

  it("can erase their account once another admin is active", async () => {
    const leaving = await createAdmin(api);
    const { res, body } = await erase(api, leaving);
    expect(res.status, JSON.stringify(body)).toBe(204);
    const [erasure] = await auditEvents(api, only.tokens.access_token, { action: "auth.erase" });
    expect(erasure).toMatchObject({ outcome: "success", target: `user:${erasure?.user_id}` });
  });
});
