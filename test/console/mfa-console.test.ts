/**
 * Two-factor sign-in in the console (worker tests; the browser test is e2e/mfa-totp.test.ts):
 * the password step of an account with TOTP answers the code page (no session yet, the challenge
 * only in a hidden field), a wrong code stays there, a right one signs in; under MFA_REQUIRED a
 * clinician without a factor goes from the password to the enrolment page, and confirming there
 * signs in and shows the recovery codes once.
 */
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, registerAndLogin } from "../support/accounts";
import { createTestApi } from "../support/api";
import { consoleVisitor } from "../support/console";

const api = await createTestApi();

const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

const hiddenChallenge = (html: string) => /name="challenge_token" value="(tac_[^"]+)"/.exec(html)?.[1];
const secretOnPage = (html: string) => /id="totp-secret">([A-Z2-7]+)</.exec(html)?.[1];

describe("the console's second sign-in step", () => {
  it("asks an account with TOTP for a code after the password, then signs it in", async () => {
    const account = await registerAndLogin(api);
    const bearer = { "Content-Type": "application/json", ...authHeader(account.tokens.access_token) };
    const started = await api.fetch("/api/auth/mfa/totp", {
      method: "POST",
      headers: bearer,
      body: JSON.stringify({ password: account.password }),
    });
    const { secret } = (await started.json()) as { secret: string };
    await api.fetch("/api/auth/mfa/totp/confirm", { method: "POST", headers: bearer, body: JSON.stringify({ code: codeFor(secret) }) });

    const visitor = consoleVisitor(api);
    const step = await visitor.signIn(account.user.email, account.password, "/app/settings");
    expect(step.status).toBe(200);
    expect(step.headers.get("Location")).toBeNull();
    expect(visitor.cookies.size).toBe(0);
    const html = await step.text();
    expect(html).toContain("Enter your sign-in code");
    const challenge = hiddenChallenge(html);
    expect(challenge).toBeDefined();

    const wrong = await visitor.post("/app/login/mfa", { challenge_token: challenge!, next: "/app/settings", code: "000000" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("attempts left");
    expect(visitor.cookies.size).toBe(0);

    const right = await visitor.post("/app/login/mfa", { challenge_token: challenge!, next: "/app/settings", code: codeFor(secret, 1) });
    expect(right.status).toBe(303);
    expect(right.headers.get("Location")).toBe("/app/settings");
    expect((await visitor.page("/app/settings/two-factor")).html).toContain("Recovery codes left: 10");
  });

  it("sends a clinician without a factor to enrolment under MFA_REQUIRED, and confirming signs in with the recovery codes shown", async () => {
    const required = await createTestApi({ MFA_REQUIRED: "true" } as Record<string, string>, { database: api.database });
    const admin = await createAdmin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const visitor = consoleVisitor(required);
    const step = await visitor.signIn(therapist.user.email, therapist.password);
    expect(step.status).toBe(200);
    const html = await step.text();
    expect(html).toContain("Set up two-factor sign-in");
    expect(html).toMatch(/<svg[^>]*>/);
    const secret = secretOnPage(html);
    const challenge = hiddenChallenge(html);
    expect(secret).toBeDefined();

    const wrong = await visitor.post("/app/login/mfa/enrol", { challenge_token: challenge!, next: "/app", code: "000000" });
    expect(wrong.status).toBe(400);
    expect(secretOnPage(await wrong.text())).toBe(secret);

    const confirmed = await visitor.post("/app/login/mfa/enrol", { challenge_token: challenge!, next: "/app", code: codeFor(secret!) });
    expect(confirmed.status).toBe(200);
    const codesPage = await confirmed.text();
    expect(codesPage.match(/<li><code>[a-z2-9]{5}-[a-z2-9]{5}<\/code><\/li>/g)).toHaveLength(10);
    expect((await visitor.page("/app")).res.status).toBe(200);
  });
});
