/**
 * Passkeys through the JSON API (docs/api.md §14), with a software authenticator that signs real
 * ES256 assertions: registration, passwordless sign-in, sign-in as a password login's second
 * factor, removal, and the answers the server must refuse.
 */
import { describe, expect, it } from "vitest";
import { authHeader, expectProblem, ipHeader, type LoggedIn, randomIp, registerAndLogin, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";
import { api, profileOf, startOfRateWindow } from "./fixtures";
import { type CeremonyOverrides, SoftwareAuthenticator } from "./software-authenticator";

interface CreationOptions {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string };
  excludeCredentials?: { id: string }[];
  authenticatorSelection?: { residentKey?: string; userVerification?: string };
}
interface RequestOptions {
  challenge: string;
  rpId: string;
  allowCredentials?: { id: string }[];
  userVerification?: string;
}
interface Passkey {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  device_type: string | null;
  backed_up: boolean;
}

/** The account's access token (its login had no second factor to ask for: no passkey yet). */
const bearerOf = (account: LoggedIn) => (account.tokens as { access_token: string }).access_token;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api.json(path, body, { headers: { ...ipHeader(randomIp()), ...headers } });

async function registrationOptions(account: LoggedIn) {
  const { res, body } = await post("/api/auth/passkeys/registration/options", {}, authHeader(bearerOf(account)));
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as CreationOptions;
}

async function registerPasskey(account: LoggedIn, authenticator: SoftwareAuthenticator, name = "Work laptop") {
  const options = await registrationOptions(account);
  const response = await authenticator.register(options);
  const { res, body } = await post("/api/auth/passkeys/registration/verify", { name, response }, authHeader(bearerOf(account)));
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body as Passkey;
}

async function signInOptions(challengeToken?: string) {
  const { res, body } = await post("/api/auth/passkeys/authentication/options", challengeToken ? { challenge_token: challengeToken } : {});
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as RequestOptions;
}

async function passkeySignIn(authenticator: SoftwareAuthenticator, overrides: CeremonyOverrides = {}, challengeToken?: string) {
  const options = await signInOptions(challengeToken);
  const response = await authenticator.assert(options, overrides);
  return post("/api/auth/passkeys/authentication/verify", { response, ...(challengeToken ? { challenge_token: challengeToken } : {}) });
}

async function listPasskeys(account: LoggedIn) {
  const { res, body } = await api.get("/api/auth/passkeys", { headers: authHeader(bearerOf(account)) });
  expect(res.status).toBe(200);
  return (body as { passkeys: Passkey[] }).passkeys;
}

async function auditTrail(userId: string) {
  const rows = await runSql(
    api,
    "select action, outcome, detail::text from audit_events where user_id = $1 and action like 'auth.passkey.%'",
    [userId],
  );
  return rows.map(([action, outcome, detail]) => ({ action, outcome, detail: JSON.parse(String(detail ?? "null")) }));
}

describe("registering a passkey", () => {
  it("stores the public key under the clinician's name for it, and excludes it from the next registration", async () => {
    const account = await registerAndLogin(api);
    const options = await registrationOptions(account);
    expect(options.rp).toEqual({ id: "api.test", name: "Therapy Assistant" });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required" });
    expect(options.excludeCredentials).toEqual([]);

    const authenticator = await SoftwareAuthenticator.create();
    const response = await authenticator.register(options);
    const { res, body } = await post(
      "/api/auth/passkeys/registration/verify",
      { name: "Work laptop", response },
      authHeader(bearerOf(account)),
    );
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      name: "Work laptop",
      created_at: expect.any(String),
      last_used_at: null,
      device_type: "singleDevice",
      backed_up: false,
    });
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    expect(await listPasskeys(account)).toEqual([body]);
    expect((await registrationOptions(account)).excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    expect(await auditTrail(account.user.id)).toEqual([{ action: "auth.passkey.register", outcome: "success", detail: null }]);
  });

  it("refuses an answer from another origin, to a challenge it was not given, or to a challenge already used", async () => {
    const account = await registerAndLogin(api);
    const other = await registerAndLogin(api);
    const authenticator = await SoftwareAuthenticator.create();
    const verify = (response: unknown, who = account) =>
      post("/api/auth/passkeys/registration/verify", { name: "Key", response }, authHeader(bearerOf(who)));

    const phished = await verify(await authenticator.register(await registrationOptions(account), { origin: "https://api.test.example" }));
    expectProblem(phished.res, phished.body, 400, "passkey_not_verified");

    const invented = await verify(
      await authenticator.register(await registrationOptions(account), { challenge: "bm90LWlzc3VlZC1ieS10aGUtc2VydmVy" }),
    );
    expectProblem(invented.res, invented.body, 400, "passkey_not_verified");

    const someoneElses = await verify(await authenticator.register(await registrationOptions(other)));
    expectProblem(someoneElses.res, someoneElses.body, 400, "passkey_not_verified");

    const answer = await authenticator.register(await registrationOptions(account));
    expect((await verify(answer)).res.status).toBe(201);
    const replayed = await verify(answer);
    expectProblem(replayed.res, replayed.body, 400, "passkey_not_verified");
    expect(await listPasskeys(account)).toHaveLength(1);
    expect(await listPasskeys(other)).toEqual([]);
  });

  it("needs a signed-in account and a name", async () => {
    const anonymous = await post("/api/auth/passkeys/registration/options", {});
    expectProblem(anonymous.res, anonymous.body, 401, "unauthorized");
    const account = await registerAndLogin(api);
    const authenticator = await SoftwareAuthenticator.create();
    const response = await authenticator.register(await registrationOptions(account));
    const nameless = await post("/api/auth/passkeys/registration/verify", { name: " ", response }, authHeader(bearerOf(account)));
    expectProblem(nameless.res, nameless.body, 400, "validation_error");
  });
});

describe("signing in with a passkey alone", () => {
  it("answers the token pair a login answers, and records the use", async () => {
    const account = await registerAndLogin(api);
    const authenticator = await SoftwareAuthenticator.create();
    const passkey = await registerPasskey(account, authenticator);

    const options = await signInOptions();
    expect(options.rpId).toBe("api.test");
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe("required");
    const response = await authenticator.assert(options);
    const { res, body } = await post("/api/auth/passkeys/authentication/verify", { response });
    expect(res.status, JSON.stringify(body)).toBe(200);
    const pair = body as { access_token: string; refresh_token: string; token_type: string; user: { id: string } };
    expect(pair).toMatchObject({ token_type: "bearer", expires_in: 1800, user: { id: account.user.id } });
    expect((await profileOf(pair.access_token)).id).toBe(account.user.id);

    const [listed] = await listPasskeys(account);
    expect(listed.id).toBe(passkey.id);
    expect(listed.last_used_at).not.toBeNull();
    expect(await auditTrail(account.user.id)).toContainEqual({
      action: "auth.passkey.login",
      outcome: "success",
      detail: { stage: "passwordless" },
    });
  });

  it("refuses a wrong signature, another origin, an invented or reused challenge, an unknown credential and an unverified user", async () => {
    const account = await registerAndLogin(api);
    const authenticator = await SoftwareAuthenticator.create();
    await registerPasskey(account, authenticator);
    const refused = async (attempt: Promise<{ res: Response; body: unknown }>) => {
      const { res, body } = await attempt;
      expectProblem(res, body, 401, "passkey_not_verified");
      expect(body).not.toHaveProperty("access_token");
    };

    await refused(passkeySignIn(authenticator, { corruptSignature: true }));
    await refused(passkeySignIn(authenticator, { origin: "https://api.test.example" }));
    await refused(passkeySignIn(authenticator, { rpId: "example.org" }));
    await refused(passkeySignIn(authenticator, { challenge: "bm90LWlzc3VlZC1ieS10aGUtc2VydmVy" }));
    await refused(passkeySignIn(authenticator, { userVerified: false }));
    const stranger = await SoftwareAuthenticator.create();
    stranger.userHandle = authenticator.userHandle;
    await refused(passkeySignIn(stranger));

    const answer = await authenticator.assert(await signInOptions());
    expect((await post("/api/auth/passkeys/authentication/verify", { response: answer })).res.status).toBe(200);
    await refused(post("/api/auth/passkeys/authentication/verify", { response: answer }));

    // The failures that got as far as naming this account's credential are on its trail; the others name nobody.
    const failures = (await auditTrail(account.user.id)).filter((e) => e.action === "auth.passkey.login" && e.outcome === "failure");
    expect(failures.map((e) => e.detail)).toEqual(Array(4).fill({ reason: "verification_failed" }));
  });

  it("refuses a deactivated account with 403", async () => {
    const account = await registerAndLogin(api);
    const authenticator = await SoftwareAuthenticator.create();
    await registerPasskey(account, authenticator);
    await runSql(api, "update users set is_active = false where id = $1", [account.user.id]);
    const { res, body } = await passkeySignIn(authenticator);
    expectProblem(res, body, 403, "account_inactive");
  });

  it("limits how often one address may ask for sign-in options", async () => {
    await startOfRateWindow();
    const ip = ipHeader(randomIp());
    // The body is optional: none asks for a passwordless sign-in, as `{}` does.
    const bare = await api.fetch("/api/auth/passkeys/authentication/options", { method: "POST", headers: ip });
    expect(bare.status, await bare.clone().text()).toBe(200);
    expect(await bare.json()).toMatchObject({ userVerification: "required", challenge: expect.any(String) });
    const statuses: number[] = [];
    for (let i = 0; i < 19; i++) statuses.push((await api.post("/api/auth/passkeys/authentication/options", {}, { headers: ip })).status);
    expect(statuses).toEqual(Array(19).fill(200));
    const last = await api.post("/api/auth/passkeys/authentication/options", {}, { headers: ip });
    expect(last.status).toBe(429);
    expect(last.headers.get("Retry-After")).toBe("60");
  });
});

describe("a passkey as the second factor of a password login", () => {
  it("completes the login the challenge token names, once", async () => {
    const account = await registerAndLogin(api);
    const authenticator = await SoftwareAuthenticator.create();
    await registerPasskey(account, authenticator);

    const login = await post("/api/auth/login", { email: account.user.email, password: account.password });
    expect(login.res.status, JSON.stringify(login.body)).toBe(200);
    expect(login.body).toMatchObject({
      mfa_required: true,
      challenge_token: expect.any(String),
      methods: expect.arrayContaining(["passkey"]),
    });
    expect(login.body).not.toHaveProperty("access_token");
    const challengeToken = (login.body as { challenge_token: string }).challenge_token;

    const options = await signInOptions(challengeToken);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    const response = await authenticator.assert(options);
    const done = await post("/api/auth/passkeys/authentication/verify", { response, challenge_token: challengeToken });
    expect(done.res.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ token_type: "bearer", user: { id: account.user.id } });

    const again = await post("/api/auth/passkeys/authentication/options", { challenge_token: challengeToken });
    expectProblem(again.res, again.body, 401, "invalid_challenge");
  });

  it("refuses another account's passkey for the login", async () => {
    const account = await registerAndLogin(api);
    await registerPasskey(account, await SoftwareAuthenticator.create());
    const intruder = await registerAndLogin(api);
    const intrudersKey = await SoftwareAuthenticator.create();
    await registerPasskey(intruder, intrudersKey);

    const login = await post("/api/auth/login", { email: account.user.email, password: account.password });
    expect(login.body).toMatchObject({ mfa_required: true, challenge_token: expect.any(String) });
    const challengeToken = (login.body as { challenge_token: string }).challenge_token;
    const { res, body } = await passkeySignIn(intrudersKey, {}, challengeToken);
    expectProblem(res, body, 401, "passkey_not_verified");
  });
});

describe("removing a passkey", () => {
  it("needs the password, only reaches the caller's own, and the passkey no longer signs in", async () => {
    const account = await registerAndLogin(api);
    const other = await registerAndLogin(api);
    const authenticator = await SoftwareAuthenticator.create();
    const passkey = await registerPasskey(account, authenticator);
    const remove = (who: LoggedIn, password: string) =>
      api.json(`/api/auth/passkeys/${passkey.id}`, { password }, { method: "DELETE", headers: authHeader(bearerOf(who)) });

    const wrong = await remove(account, "not-the-password");
    expectProblem(wrong.res, wrong.body, 403, "invalid_password");
    const notTheirs = await remove(other, other.password);
    expectProblem(notTheirs.res, notTheirs.body, 404, "not_found");
    expect((await remove(account, account.password)).res.status).toBe(204);
    expect(await listPasskeys(account)).toEqual([]);

    const { res, body } = await passkeySignIn(authenticator);
    expectProblem(res, body, 401, "passkey_not_verified");
    expect((await auditTrail(account.user.id)).map((e) => `${e.action}:${e.outcome}`)).toEqual(
      expect.arrayContaining(["auth.passkey.remove:failure", "auth.passkey.remove:success"]),
    );
  });
});

describe("where passkeys are offered", () => {
  it("only on the origins WEBAUTHN_ORIGINS lists, when it lists any", async () => {
    const elsewhere = await createTestApi({ WEBAUTHN_ORIGINS: "https://console.example.org" }, { database: api.database });
    const { res, body } = await elsewhere.json("/api/auth/passkeys/authentication/options", {}, { headers: ipHeader(randomIp()) });
    expectProblem(res, body, 400, "passkeys_unavailable");
    const listed = await createTestApi({ WEBAUTHN_ORIGINS: "https://console.example.org, http://api.test" }, { database: api.database });
    const ok = await listed.json("/api/auth/passkeys/authentication/options", {}, { headers: ipHeader(randomIp()) });
    expect(ok.res.status).toBe(200);
    expect(ok.body).toMatchObject({ rpId: "api.test" });
  });
});
