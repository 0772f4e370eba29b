/**
 * The clinician console at /app: pages rendered here with hono/jsx; their stylesheet and scripts
 * are static files in public/app/assets, served by Workers Static Assets (wrangler.toml
 * `[assets]`) before the Worker runs, under `wrangler dev`, `wrangler deploy` and Miniflare alike.
 * Pages and console actions are declared with their guard, `consoleSession` (./session.ts).
 */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { audit } from "../audit/audit";
import { listAuditEvents } from "../audit/audit.data";
import { revokeLoginSession } from "../auth/auth.data";
import { isMfaChallenge } from "../auth/mfa/mfa-challenge";
import { signIn } from "../auth/sessions";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { consoleActions } from "./actions";
import { consoleErrorPage } from "./error-page";
import { consoleNoStore, consoleSecurityHeaders } from "./headers";
import { DashboardPage } from "./pages/dashboard";
import { LoginPage } from "./pages/login";
import { LogoutPage } from "./pages/logout";
import { renderPage } from "./render";
import { adminPages } from "./routes/admin";
import { assessmentPages } from "./routes/assessments";
import { casePages } from "./routes/cases";
import { clientFhirPages } from "./routes/client-fhir";
import { clientNotePages } from "./routes/client-notes";
import { clientPlanPages } from "./routes/client-plan";
import { clientPages } from "./routes/clients";
import { clinicalPages } from "./routes/clinical-pages";
import { interactionPages } from "./routes/interactions";
import { knowledgePages } from "./routes/knowledge";
import { mfaPages, renderSecondStep } from "./routes/mfa";
import { passkeyActions } from "./routes/passkeys";
import { safetyPlanPages } from "./routes/safety-plan";
import { saveToClientActions } from "./routes/save-to-client";
import { sessionEndedNotice, sessionRoutes } from "./routes/sessions";
import { settingsPages } from "./routes/settings";
import { clearSessionCookies, consoleSession, safeReturnPath, setSessionCookies } from "./session";

export const consoleRouter = new Hono<AppEnv>();

consoleRouter.use(consoleSecurityHeaders, consoleNoStore);
// Form posts from another origin are refused before anything reads them (login included, where no CSRF token exists yet).
consoleRouter.use(csrf());
consoleRouter.onError(consoleErrorPage);

consoleRouter.get("/login", (c) =>
  renderPage(
    c,
    <LoginPage
      next={safeReturnPath(c.req.query("next"))}
      notice={c.req.query("changed") === "password" ? "Password changed. Sign in with your new password." : sessionEndedNotice(c)}
    />,
  ),
);

const MAX_EMAIL = 254;
const MAX_PASSWORD = 128;

consoleRouter.post("/login", async (c) => {
  const form = await c.req.parseBody();
  const email = typeof form.email === "string" ? form.email.trim() : "";
  const password = typeof form.password === "string" ? form.password : "";
  const next = safeReturnPath(typeof form.next === "string" ? form.next : undefined);
  const retry = (status: 400 | 401 | 403 | 429, error: string) =>
    renderPage(c, <LoginPage next={next} email={email.slice(0, MAX_EMAIL)} error={error} />, status);
  if (!email || !password) return retry(400, "Enter your email and password.");
  if (email.length > MAX_EMAIL || password.length > MAX_PASSWORD) return retry(400, "The email or password is too long.");
  try {
    const outcome = await signIn(c, email, password);
    // A second factor needed (or to enrol, MFA_REQUIRED): the next page, the challenge in its hidden field.
    if (isMfaChallenge(outcome)) return await renderSecondStep(c, outcome, next);
    await setSessionCookies(c, outcome);
  } catch (error) {
    if (!(error instanceof ProblemError) || ![401, 403, 429].includes(error.status)) throw error;
    if (error.status === 429) c.header("Retry-After", error.problem.headers?.["Retry-After"] ?? "60");
    return retry(error.status as 401 | 403 | 429, error.problem.detail);
  }
  return c.redirect(next, 303);
});

consoleRouter.get("/logout", consoleSession, (c) => renderPage(c, <LogoutPage account={c.var.account} csrfToken={c.var.csrfToken} />));

consoleRouter.post("/logout", consoleSession, async (c) => {
  const { token } = c.var;
  await revokeLoginSession(c.var.db, { id: token.sid, userId: token.sub, tokenVersion: token.ver });
  audit(c, { userId: token.sub, action: "auth.logout", target: `session:${token.sid}`, outcome: "success" });
  clearSessionCookies(c);
  return c.redirect("/app/login", 303);
});

const RECENT_ACTIVITY = 10;

consoleRouter.get("/", consoleSession, async (c) => {
  const activity = await listAuditEvents(c.var.db, { userId: c.var.account.id, limit: RECENT_ACTIVITY });
  return renderPage(c, <DashboardPage account={c.var.account} csrfToken={c.var.csrfToken} activity={activity.slice(0, RECENT_ACTIVITY)} />);
});

consoleRouter.route("/cases", casePages);
consoleRouter.route("/knowledge", knowledgePages);
consoleRouter.route("/assessments", assessmentPages);
consoleRouter.route("/interactions", interactionPages);
consoleRouter.route("/admin", adminPages);
consoleRouter.route("/", mfaPages);
consoleRouter.route("/settings", settingsPages);
consoleRouter.route("/", sessionRoutes);
consoleRouter.route("/safety-plan", safetyPlanPages);
consoleRouter.route("/clients", clientPages);
consoleRouter.route("/", clientPlanPages);
consoleRouter.route("/clients", clientNotePages);
consoleRouter.route("/clients", saveToClientActions);
consoleRouter.route("/clients", clientFhirPages);
consoleRouter.route("/", consoleActions);
consoleRouter.route("/", passkeyActions);
consoleRouter.route("/", clinicalPages);

// Last: any other console path is a 404 page (an HTML one, with the navigation back).
consoleRouter.get("*", consoleSession, () => {
  throw new ProblemError(404, { code: "not_found", detail: "There is no console page at this address." });
});
