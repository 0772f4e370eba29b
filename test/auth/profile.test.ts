/**
 * The caller's own account: GET /me (also concurrent, for different accounts), PATCH /me (names
 * and organization, never role, activation or verification; a licence change resetting
 * verification, and its audit), and changing the password (wrong or equal or weak refused, the
 * limit on guesses, every older token and the old password ended).
 */
import { describe, expect, it } from "vitest";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  errorsAt,
  expectProblem,
  login,
  loginAs,
  registerAndLogin,
  registerUser,
} from "../support/accounts";
import { auditEvents } from "../support/audit";
import { type ApiClient, answerOf, ok, read } from "../support/client";
import { api, me, profileOf, refresh, startOfRateWindow, USER_FIELDS } from "./fixtures";

type UpdateMe = ApiClient["api"]["auth"]["me"]["$patch"];

/** PATCH /me with any changes (valid or not), sent raw; the answer typed as the route's. */
async function updateMe(token: string, changes: unknown) {
  return read(answerOf<UpdateMe>(await api.post("/api/auth/me", changes, { method: "PATCH", headers: authHeader(token) })));
}

function changePassword(token: string, json: { current_password: string; new_password: string }) {
  return read(api.client.api.auth["change-password"].$post({ json }, { headers: authHeader(token) }));
}

describe("change password", () => {
  it("refuses a wrong current password with 400", async () => {
    const { tokens } = await registerAndLogin(api);
    const { res, body } = await changePassword(tokens.access_token, {
      current_password: "Wr0ng-password!",
      new_password: "N3w-Password!!",
    });
    expectProblem(res, body, 400, "invalid_current_password");
    expect(errorsAt(body, "body.current_password")).toHaveLength(1);
  });

  it("limits guesses at the current password: the sixth within a minute is 429, even with the right one", async () => {
    const { tokens, password } = await registerAndLogin(api);
    await startOfRateWindow();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { res } = await changePassword(tokens.access_token, {
        current_password: `Wr0ng-password-${attempt}!`,
        new_password: "N3w-Password!!",
      });
      expect(res.status, `attempt ${attempt}`).toBe(400);
    }
    const { res, body } = await changePassword(tokens.access_token, { current_password: password, new_password: "N3w-Password!!" });
    expectProblem(res, body, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("refuses a new password equal to the current one with 400", async () => {
    const { tokens, password } = await registerAndLogin(api);
    const { res, body } = await changePassword(tokens.access_token, { current_password: password, new_password: password });
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.new_password")[0]).toMatch(/differ/);
  });

  it("refuses a weak new password with 400", async () => {
    const { tokens, password } = await registerAndLogin(api);
    const { res, body } = await changePassword(tokens.access_token, { current_password: password, new_password: "weakpassword" });
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, "body.new_password").length).toBeGreaterThan(0);
  });

  it("answers 204 and ends every older token and the old password", async () => {
    const account = await registerUser(api);
    const tokens = await loginAs(api, account);
    const newPassword = "Brand-N3w-Secret!";
    const res = await api.fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authHeader(tokens.access_token) },
      body: JSON.stringify({ current_password: account.password, new_password: newPassword }),
    });
    expect(res.status).toBe(204);

    const oldAccess = await me(tokens.access_token);
    expectProblem(oldAccess.res, oldAccess.body, 401, "unauthorized");
    const oldRefresh = await refresh(tokens.refresh_token);
    expectProblem(oldRefresh.res, oldRefresh.body, 401, "invalid_refresh_token");

    const withOld = await login(api, { email: account.user.email, password: account.password });
    expectProblem(withOld.res, withOld.body, 401, "invalid_credentials");
    const withNew = ok(await login(api, { email: account.user.email, password: newPassword }), 200);
    expect((await me(withNew.body.access_token)).res.status).toBe(200);
  });
});

describe("own profile", () => {
  it("GET /me returns the caller's user", async () => {
    const { tokens, user } = await registerAndLogin(api);
    const body = await profileOf(tokens.access_token);
    expect(Object.keys(body).sort()).toEqual(USER_FIELDS);
    expect(body).toEqual(user);
  });

  it("concurrent GET /me calls of different accounts each get their own account, and a logout ends only its own token", async () => {
    const accounts = await Promise.all(Array.from({ length: 4 }, () => registerAndLogin(api)));
    const rounds = await Promise.all(
      accounts.flatMap((account) => [profileOf(account.tokens.access_token), profileOf(account.tokens.access_token)]),
    );
    expect(rounds).toEqual(accounts.flatMap((account) => [account.user, account.user]));

    const [leaving, ...staying] = accounts;
    const logout = await api.fetch("/api/auth/logout", { method: "POST", headers: authHeader(leaving.tokens.access_token) });
    expect(logout.status).toBe(204);
    expect((await me(leaving.tokens.access_token)).res.status).toBe(401);
    for (const account of staying) expect(await profileOf(account.tokens.access_token)).toEqual(account.user);
  });

  it("PATCH /me updates names and organization", async () => {
    const { tokens } = await registerAndLogin(api);
    const changes = { first_name: "Ada", last_name: "Lovelace", organization: "Analytical Engines" };
    const { body } = ok(await read(api.client.api.auth.me.$patch({ json: changes }, { headers: authHeader(tokens.access_token) })), 200);
    expect(body).toMatchObject(changes);
    expect(await profileOf(tokens.access_token)).toMatchObject(changes);
  });

  it("PATCH /me cannot change role, activation or verification", async () => {
    const { tokens } = await registerAndLogin(api);
    for (const change of [{ role: "admin" }, { is_verified: true }, { is_active: true }]) {
      const { res, body } = await updateMe(tokens.access_token, change);
      expectProblem(res, body, 400, "validation_error");
    }
    expect(await profileOf(tokens.access_token)).toMatchObject({ role: "student", is_verified: false });
  });

  it("changing the licence number of a verified therapist resets verification", async () => {
    const admin = await createAdmin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    expect((await profileOf(therapist.tokens.access_token)).is_verified).toBe(true);

    // Names alone keep the verification.
    const rename = await read(
      api.client.api.auth.me.$patch({ json: { first_name: "Renamed" } }, { headers: authHeader(therapist.tokens.access_token) }),
    );
    expect(rename.body).toMatchObject({ first_name: "Renamed", is_verified: true });

    const { body } = ok(
      await read(
        api.client.api.auth.me.$patch({ json: { license_number: "LMFT-99999" } }, { headers: authHeader(therapist.tokens.access_token) }),
      ),
      200,
    );
    expect(body).toMatchObject({ license_number: "LMFT-99999", is_verified: false });
    expect((await profileOf(therapist.tokens.access_token)).is_verified).toBe(false);
  });

  it("records verification_reset only when verification was actually reset", async () => {
    const admin = await createAdmin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const profileEvents = (userId: string) =>
      auditEvents(api, admin.tokens.access_token, { action: "auth.update_profile", user_id: userId });

    // An admin's licence details are not what opens its routes: nothing is reset, nor recorded as reset.
    const adminChange = ok(
      await read(api.client.api.auth.me.$patch({ json: { license_number: "ADM-1" } }, { headers: authHeader(admin.tokens.access_token) })),
      200,
    );
    expect(adminChange.body.is_verified).toBe(true);
    expect(await profileEvents(admin.user.id)).toMatchObject([{ detail: { verification_reset: false } }]);

    await api.client.api.auth.me.$patch({ json: { license_number: "LMFT-77777" } }, { headers: authHeader(therapist.tokens.access_token) });
    expect(await profileEvents(therapist.user.id)).toMatchObject([{ detail: { verification_reset: true } }]);
  });
});
