/**
 * Two-factor sign-in in the console, through the API's own functions (src/auth/mfa/):
 * - the sign-in page's second step: the password step (console.index.tsx) renders the code page
 *   or, under MFA_REQUIRED for a clinician without a factor, the enrolment page; both carry the
 *   login's challenge token in a hidden field, so it never stands in a URL, a log line or history;
 * - settings: /app/settings/two-factor to see the status, set up (password, QR code, confirming
 *   code, recovery codes shown once) and turn off (password).
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { UserRow } from "../../auth/auth.table";
import { challengeEnroller } from "../../auth/mfa/mfa-access";
import { findMfaChallenge, type MfaLoginChallenge, mfaFactors, mfaMethods } from "../../auth/mfa/mfa-challenge";
import { verifySecondFactor } from "../../auth/mfa/mfa-verify";
import { confirmTotp, enrolTotp, mfaStatus, pendingTotpEnrolment, removeTotp, requirePassword } from "../../auth/mfa/totp-enrolment";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { consoleLocale, t } from "../i18n/i18n";
import { LoginPage } from "../pages/login";
import { MfaCodePage, MfaLoginEnrolPage, MfaSettingsEnrolPage, RecoveryCodesPage, TwoFactorPage } from "../pages/mfa";
import { renderPage } from "../render";
import { type ConsoleContext, consoleSession, safeReturnPath, setSessionCookies } from "../session";

export const mfaPages = new Hono<AppEnv>();

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const MAX_CHALLENGE = 200;

/** A problem the person can act on in the form (a wrong code or password, too many tries, a spent challenge); anything else is the error page's. */
function formProblem(error: unknown): { status: 400 | 401 | 403 | 409 | 429; message: string; code: string } {
  if (error instanceof ProblemError && [400, 401, 403, 409, 429].includes(error.status))
    return { status: error.status as 400 | 401 | 403 | 409 | 429, message: error.problem.detail, code: error.problem.code };
  throw error;
}

/** After a correct password that needs more: the code page, or enrolment (which starts now: its QR code is on the page). */
export async function renderSecondStep<E extends AppEnv>(c: Context<E>, challenge: MfaLoginChallenge, next: string) {
  if (challenge.kind === "mfa_required")
    return renderPage(c, <MfaCodePage challengeToken={challenge.challengeToken} next={next} methods={challenge.methods} />);
  const who = await challengeEnroller(c, challenge.challengeToken);
  const enrolment = await enrolTotp(c, who);
  return renderPage(c, <MfaLoginEnrolPage challengeToken={challenge.challengeToken} next={next} view={enrolment} />);
}

/** A spent or expired challenge: back to the password, saying why. */
const backToPassword = (c: Context<AppEnv>, message: string, status: 401) =>
  renderPage(c, <LoginPage next="/app" error={message} />, status);

mfaPages.post("/login/mfa", async (c) => {
  const form = await c.req.parseBody();
  const challengeToken = text(form.challenge_token).slice(0, MAX_CHALLENGE);
  const next = safeReturnPath(typeof form.next === "string" ? form.next : undefined);
  const code = text(form.code);
  const recoveryCode = text(form.recovery_code).slice(0, 40);
  try {
    const grant = await verifySecondFactor(c, challengeToken, recoveryCode && !code ? { recovery_code: recoveryCode } : { code });
    await setSessionCookies(c, grant);
  } catch (error) {
    const problem = formProblem(error);
    if (problem.code === "invalid_challenge") return backToPassword(c, problem.message, 401);
    if (problem.status === 429) c.header("Retry-After", "60");
    const live = await findMfaChallenge(c.var.db, challengeToken);
    const methods = live ? mfaMethods(await mfaFactors(c.var.db, live.userId)) : (["totp", "recovery_code"] as const);
    return renderPage(
      c,
      <MfaCodePage challengeToken={challengeToken} next={next} methods={methods} error={problem.message} />,
      problem.status,
    );
  }
  return c.redirect(next, 303);
});

mfaPages.post("/login/mfa/enrol", async (c) => {
  const form = await c.req.parseBody();
  const challengeToken = text(form.challenge_token).slice(0, MAX_CHALLENGE);
  const next = safeReturnPath(typeof form.next === "string" ? form.next : undefined);
  let who: { user: UserRow; challengeId: string };
  try {
    who = await challengeEnroller(c, challengeToken);
  } catch (error) {
    return backToPassword(c, formProblem(error).message, 401);
  }
  try {
    const { recoveryCodes, grant } = await confirmTotp(c, who, text(form.code));
    if (grant) await setSessionCookies(c, grant);
    return renderPage(c, <RecoveryCodesPage codes={recoveryCodes} continueTo={next} />);
  } catch (error) {
    const problem = formProblem(error);
    const pending = problem.code === "invalid_challenge" ? undefined : await pendingTotpEnrolment(c, who.user);
    if (!pending) return backToPassword(c, problem.message, 401);
    if (problem.status === 429) c.header("Retry-After", "60");
    return renderPage(
      c,
      <MfaLoginEnrolPage challengeToken={challengeToken} next={next} view={{ ...pending, error: problem.message }} />,
      problem.status,
    );
  }
});

async function twoFactorPage(
  c: ConsoleContext,
  view: { notice?: string; error?: string } = {},
  status: 200 | 400 | 403 | 404 | 409 | 429 = 200,
) {
  const mfa = await mfaStatus(c, c.var.account.id);
  return renderPage(c, <TwoFactorPage account={c.var.account} csrfToken={c.var.csrfToken} status={mfa} {...view} />, status);
}

mfaPages.get("/settings/two-factor", consoleSession, (c) =>
  twoFactorPage(c, {
    notice: c.req.query("done") === "removed" ? t(consoleLocale(c.var.account, c.req.header("accept-language")), "mfa.removed") : undefined,
  }),
);

mfaPages.post("/settings/two-factor/enrol", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  try {
    await requirePassword(c, c.var.account, typeof form.password === "string" ? form.password : "", "auth.mfa.enrol");
    const enrolment = await enrolTotp(c, { user: c.var.account });
    return renderPage(c, <MfaSettingsEnrolPage account={c.var.account} csrfToken={c.var.csrfToken} view={enrolment} />);
  } catch (error) {
    const problem = formProblem(error);
    return twoFactorPage(c, { error: problem.message }, problem.status === 401 ? 403 : problem.status);
  }
});

mfaPages.post("/settings/two-factor/confirm", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  try {
    const { recoveryCodes } = await confirmTotp(c, { user: c.var.account }, text(form.code));
    return renderPage(
      c,
      <RecoveryCodesPage account={c.var.account} csrfToken={c.var.csrfToken} codes={recoveryCodes} continueTo="/app/settings/two-factor" />,
    );
  } catch (error) {
    const problem = formProblem(error);
    const pending = await pendingTotpEnrolment(c, c.var.account);
    if (!pending) return twoFactorPage(c, { error: problem.message }, problem.status === 401 ? 403 : problem.status);
    return renderPage(
      c,
      <MfaSettingsEnrolPage account={c.var.account} csrfToken={c.var.csrfToken} view={{ ...pending, error: problem.message }} />,
      problem.status,
    );
  }
});

mfaPages.post("/settings/two-factor/remove", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  try {
    await removeTotp(c, c.var.account, typeof form.password === "string" ? form.password : "");
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return c.redirect("/app/settings/two-factor", 303);
    const problem = formProblem(error);
    return twoFactorPage(c, { error: problem.message }, problem.status === 401 ? 403 : problem.status);
  }
  return c.redirect("/app/settings/two-factor?done=removed", 303);
});
