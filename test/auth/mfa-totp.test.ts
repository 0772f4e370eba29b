/**
 * Two-factor sign-in with an authenticator app (docs/api.md §2 "Two-factor sign-in"): enrolment
 * with the password, confirmation with a code and ten recovery codes; a login that then answers
 * with a challenge instead of tokens; the second step with a code (once per code), with a
 * recovery code (once per code); wrong codes counted until the challenge is spent; MFA_REQUIRED
 * sending a clinician without a factor through enrolment to their tokens; removal; the audit
 * trail, which never holds a code. Codes are computed here from the secret the API returns.
 */
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  expectProblem,
  ipHeader,
  type LoggedIn,
  randomIp,
  registerAndLogin,
  runSql,
} from "../support/accounts";
import { createTestApi, type TestApi } from "../support/api";
import { auditEvents } from "../support/audit";
import { api } from "./fixtures";

/** The code an authenticator app shows for `secret`, `offsetSteps` 30-second steps from now. */
function codeFor(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });
}

/** A wrong code: the current one with its last digit changed. */
const wrongCode = (secret: string) => codeFor(secret).replace(/.$/, (d) => String((Number(d) + 1) % 10));

type Body = Record<string, unknown>;

async function call(client: TestApi, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await client.fetch(path, {
    method,
    headers: { "Content-Type": "application/json", ...ipHeader(), ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { res, body: (text ? JSON.parse(text) : {}) as Body };
}

const passwordLogin = (client: TestApi, account: { user: { email: string }; password: string }, ip = randomIp()) =>
  call(client, "POST", "/api/auth/login", { email: account.user.email, password: account.password }, ipHeader(ip));

/** Enrols and confirms TOTP for a signed-in account: its secret and recovery codes. */
async function enrolTotp(client: TestApi, account: LoggedIn) {
  const bearer = authHeader(account.tokens.access_token);
  const started = await call(client, "POST", "/api/auth/mfa/totp", { password: account.password }, bearer);
  expect(started.res.status, JSON.stringify(started.body)).toBe(201);
  const secret = started.body.secret as string;
  const confirmed = await call(client, "POST", "/api/auth/mfa/totp/confirm", { code: codeFor(secret) }, bearer);
  expect(confirmed.res.status, JSON.stringify(confirmed.body)).toBe(200);
  return { secret, recoveryCodes: confirmed.body.recovery_codes as string[], started: started.body };
}

describe("TOTP enrolment", () => {
  it("returns a base32 secret, its otpauth URL and a server-rendered QR SVG, and confirms with a code into ten recovery codes", async () => {
    const account = await registerAndLogin(api);
    const bearer = authHeader(account.tokens.access_token);
    const { secret, recoveryCodes, started } = await enrolTotp(api, account);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauth_url).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    expect(started.otpauth_url).toContain("algorithm=SHA1");
    expect(started.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const status = await api.get("/api/auth/mfa", { headers: bearer });
    expect(status.body).toMatchObject({ totp: { enabled: true, confirmed_at: expect.any(String) }, passkeys: 0, recovery_codes_left: 10 });

    // Stored sealed and hashed, never in clear.
    const [[sealed]] = await runSql(api, "select secret_sealed from user_totp where user_id=$1", [account.user.id]);
    expect(String(sealed)).toMatch(/^v1\./);
    expect(String(sealed)).not.toContain(secret);
    const hashes = (await runSql(api, "select code_hash from recovery_codes where user_id=$1", [account.user.id])).map((r) => String(r[0]));
    expect(hashes).toHaveLength(10);
    for (const code of recoveryCodes) expect(hashes).not.toContain(code);

    // A confirmed TOTP must be removed before a new enrolment.
    const again = await call(api, "POST", "/api/auth/mfa/totp", { password: account.password }, bearer);
    expectProblem(again.res, again.body, 409, "totp_already_enrolled");
  });

  it("needs the current password, and refuses a wrong confirming code without confirming", async () => {
    const account = await registerAndLogin(api);
    const bearer = authHeader(account.tokens.access_token);
    const wrong = await call(api, "POST", "/api/auth/mfa/totp", { password: "not-the-password" }, bearer);
    expectProblem(wrong.res, wrong.body, 403, "invalid_password");
    const missing = await call(api, "POST", "/api/auth/mfa/totp", {}, bearer);
    expect(missing.res.status).toBe(400);
    const anonymous = await call(api, "POST", "/api/auth/mfa/totp", { password: account.password });
    expect(anonymous.res.status).toBe(401);

    const started = await call(api, "POST", "/api/auth/mfa/totp", { password: account.password }, bearer);
    const badCode = await call(api, "POST", "/api/auth/mfa/totp/confirm", { code: wrongCode(started.body.secret as string) }, bearer);
    expectProblem(badCode.res, badCode.body, 400, "invalid_code");
    // An unconfirmed enrolment is replaced by the next one, and asks nothing at login.
    const restarted = await call(api, "POST", "/api/auth/mfa/totp", { password: account.password }, bearer);
    expect(restarted.res.status).toBe(201);
    expect(restarted.body.secret).not.toBe(started.body.secret);
    const login = await passwordLogin(api, account);
    expect(login.body.access_token).toEqual(expect.any(String));
  });
});

describe("sign-in with TOTP", () => {
  it("answers the password with a challenge, and a code with the token pair; the same code is refused a second time", async () => {
    const account = await registerAndLogin(api);
    const { secret } = await enrolTotp(api, account);

    const first = await passwordLogin(api, account);
    expect(first.res.status).toBe(200);
    expect(first.body).toEqual({
      mfa_required: true,
      challenge_token: expect.stringMatching(/^tac_/),
      methods: ["totp", "recovery_code"],
      expires_in: 300,
    });
    const [[stored]] = await runSql(api, "select challenge from auth_challenges where user_id=$1 and purpose='mfa_login'", [
      account.user.id,
    ]);
    expect(stored).not.toBe(first.body.challenge_token);

    // The confirming code used this step: the next step's code is the one to give.
    const code = codeFor(secret, 1);
    const verified = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: first.body.challenge_token, code });
    expect(verified.res.status, JSON.stringify(verified.body)).toBe(200);
    expect(Object.keys(verified.body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type", "user"]);
    const me = await api.get("/api/auth/me", { headers: authHeader(verified.body.access_token as string) });
    expect(me.res.status).toBe(200);

    // The challenge is single use, and the code works once.
    const replayedChallenge = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: first.body.challenge_token, code });
    expectProblem(replayedChallenge.res, replayedChallenge.body, 401, "invalid_challenge");
    const second = await passwordLogin(api, account);
    const reused = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: second.body.challenge_token, code });
    expectProblem(reused.res, reused.body, 401, "invalid_code");
  });

  it("counts wrong codes and spends the challenge after five, even for the right code", async () => {
    const account = await registerAndLogin(api);
    const { secret } = await enrolTotp(api, account);
    const { body } = await passwordLogin(api, account);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: body.challenge_token, code: wrongCode(secret) });
      expectProblem(wrong.res, wrong.body, 401, attempt < 5 ? "invalid_code" : "invalid_code");
      if (attempt < 5) expect(wrong.body.detail).toContain(`${5 - attempt} attempt`);
    }
    const right = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: body.challenge_token, code: codeFor(secret, 1) });
    expectProblem(right.res, right.body, 401, "invalid_challenge");
  });

  it("accepts a recovery code once, in any case and spacing", async () => {
    const account = await registerAndLogin(api);
    const { recoveryCodes } = await enrolTotp(api, account);
    const [code] = recoveryCodes;
    const first = await passwordLogin(api, account);
    const used = await call(api, "POST", "/api/auth/mfa/verify", {
      challenge_token: first.body.challenge_token,
      recovery_code: ` ${code.toUpperCase()} `,
    });
    expect(used.res.status, JSON.stringify(used.body)).toBe(200);
    expect(used.body.access_token).toEqual(expect.any(String));
    const status = await api.get("/api/auth/mfa", { headers: authHeader(used.body.access_token as string) });
    expect(status.body).toMatchObject({ recovery_codes_left: 9 });

    const second = await passwordLogin(api, account);
    const again = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: second.body.challenge_token, recovery_code: code });
    expectProblem(again.res, again.body, 401, "invalid_code");
  });

  it("refuses a verify body with neither or both answers", async () => {
    const both = await call(api, "POST", "/api/auth/mfa/verify", {
      challenge_token: "tac_x",
      code: "123456",
      recovery_code: "abcde-fghjk",
    });
    expectProblem(both.res, both.body, 400, "validation_error");
    const neither = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: "tac_x" });
    expectProblem(neither.res, neither.body, 400, "validation_error");
    const unknown = await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: "tac_unknown", code: "123456" });
    expectProblem(unknown.res, unknown.body, 401, "invalid_challenge");
  });
});

describe("removing TOTP", () => {
  it("needs the password, removes the recovery codes, and the next login gets tokens again", async () => {
    const account = await registerAndLogin(api);
    const { secret } = await enrolTotp(api, account);
    const bearer = authHeader(account.tokens.access_token);
    const wrong = await call(api, "DELETE", "/api/auth/mfa/totp", { password: "wrong-password" }, bearer);
    expectProblem(wrong.res, wrong.body, 403, "invalid_password");
    const still = await passwordLogin(api, account);
    expect(still.body.mfa_required).toBe(true);

    const removed = await api.fetch("/api/auth/mfa/totp", {
      method: "DELETE",
      headers: { "Content-Type": "application/json", ...bearer },
      body: JSON.stringify({ password: account.password }),
    });
    expect(removed.status).toBe(204);
    const [[codes]] = await runSql(api, "select count(*)::int from recovery_codes where user_id=$1", [account.user.id]);
    expect(Number(codes)).toBe(0);
    const login = await passwordLogin(api, account);
    expect(login.body.access_token).toEqual(expect.any(String));
    expect(JSON.stringify(login.body)).not.toContain(secret);
  });
});

describe("MFA_REQUIRED", () => {
  it("sends a verified clinician without a factor to enrol with the challenge, and confirming completes the login", async () => {
    const required = await createTestApi({ MFA_REQUIRED: "true" } as Record<string, string>, { database: api.database });
    const admin = await createAdmin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);

    const login = await passwordLogin(required, therapist);
    expect(login.body).toEqual({
      mfa_enrolment_required: true,
      challenge_token: expect.stringMatching(/^tac_/),
      methods: [],
      expires_in: 300,
    });
    const challenge_token = login.body.challenge_token as string;

    // The challenge only enrols: it is no answer to the second step and no access token.
    const asBearer = await required.get("/api/auth/me", { headers: authHeader(challenge_token) });
    expect(asBearer.res.status).toBe(401);
    const started = await call(required, "POST", "/api/auth/mfa/totp", { challenge_token });
    expect(started.res.status, JSON.stringify(started.body)).toBe(201);
    const secret = started.body.secret as string;
    const confirmed = await call(required, "POST", "/api/auth/mfa/totp/confirm", { challenge_token, code: codeFor(secret) });
    expect(confirmed.res.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.recovery_codes).toHaveLength(10);
    expect(confirmed.body.user).toMatchObject({ id: therapist.user.id });
    const me = await required.get("/api/auth/me", { headers: authHeader(confirmed.body.access_token as string) });
    expect(me.res.status).toBe(200);

    // Spent: the same challenge cannot enrol again; the next login asks for the code.
    const reuse = await call(required, "POST", "/api/auth/mfa/totp", { challenge_token });
    expectProblem(reuse.res, reuse.body, 401, "invalid_challenge");
    const next = await passwordLogin(required, therapist);
    expect(next.body).toMatchObject({ mfa_required: true, methods: ["totp", "recovery_code"] });
  });

  it("does not ask a student, and a login challenge cannot replace an existing factor", async () => {
    const required = await createTestApi({ MFA_REQUIRED: "true" } as Record<string, string>, { database: api.database });
    const student = await registerAndLogin(api);
    const login = await passwordLogin(required, student);
    expect(login.body.access_token).toEqual(expect.any(String));

    await enrolTotp(api, student);
    const challenged = await passwordLogin(required, student);
    expect(challenged.body.mfa_required).toBe(true);
    const hijack = await call(required, "POST", "/api/auth/mfa/totp", { challenge_token: challenged.body.challenge_token });
    expectProblem(hijack.res, hijack.body, 403, "mfa_enrolment_not_allowed");
  });
});

describe("the audit trail of two-factor sign-in", () => {
  it("records enrolment, confirmation, each verification with its method and outcome, a recovery code's use and removal, never a code", async () => {
    const admin = await createAdmin(api);
    const account = await registerAndLogin(api);
    const { secret, recoveryCodes } = await enrolTotp(api, account);
    const challenged = await passwordLogin(api, account);
    const wrong = wrongCode(secret);
    await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: challenged.body.challenge_token, code: wrong });
    await call(api, "POST", "/api/auth/mfa/verify", { challenge_token: challenged.body.challenge_token, recovery_code: recoveryCodes[1] });
    await call(api, "DELETE", "/api/auth/mfa/totp", { password: account.password }, authHeader(account.tokens.access_token));

    const events = await auditEvents(api, admin.tokens.access_token, { user_id: account.user.id, limit: 100 });
    const summary = events.map((e) => `${e.action}:${e.outcome}:${(e.detail as Body | null)?.method ?? ""}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        "auth.mfa.enrol:success:totp",
        "auth.mfa.confirm:success:totp",
        "auth.mfa.verify:failure:totp",
        "auth.mfa.verify:success:recovery_code",
        "auth.mfa.recovery_code_used:success:",
        "auth.mfa.remove:success:totp",
        "auth.login:success:recovery_code",
      ]),
    );
    const trail = JSON.stringify(events);
    for (const secretThing of [secret, wrong, ...recoveryCodes, String(challenged.body.challenge_token)])
      expect(trail).not.toContain(secretThing);
  });
});
