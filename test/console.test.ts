/** The console's sessions and pages (docs/api.md §8): cookies, CSRF, headers, redirects, navigation by role. */
import { describe, expect, it } from "vitest";
import { adminUpdateUser, authHeader, createAdmin, createVerifiedTherapist, registerUser, runSql } from "./support/accounts";
import { createTestApi } from "./support/api";
import { consoleVisitor, csrfTokenIn, navigationLabels, ORIGIN } from "./support/console";

const api = await createTestApi();
const admin = await createAdmin(api);
/** Sign-ins count against a per-account limit (10 a minute), so most tests use an account of their own. */
const newTherapist = () => createVerifiedTherapist(api, admin.tokens.access_token, { first_name: "Thea", last_name: "Rapist" });

async function signedIn(account: { user: { email: string }; password: string }) {
  const visitor = consoleVisitor(api);
  const res = await visitor.signIn(account.user.email, account.password);
  expect(res.status, await res.clone().text()).toBe(303);
  return visitor;
}

describe("signing in", () => {
  it("sends a visitor without a session to the sign-in page, and back afterwards", async () => {
    const therapist = await newTherapist();
    const visitor = consoleVisitor(api);
    const res = await visitor.fetch("/app/cases?severity=severe");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/app/login?next=${encodeURIComponent("/app/cases?severity=severe")}`);
    const signIn = await visitor.signIn(therapist.user.email, therapist.password, "/app/cases?severity=severe");
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("Location")).toBe("/app/cases?severity=severe");
  });

  it("labels the form Email, Password and Sign in", async () => {
    const { res, html } = await consoleVisitor(api).page("/app/login");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(html).toMatch(/<label for="email">Email<\/label>/);
    expect(html).toMatch(/<input id="email" name="email" type="email"/);
    expect(html).toMatch(/<label for="password">Password<\/label>/);
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
  });

  it("shows a wrong password's error in the page and sets no cookie", async () => {
    const therapist = await newTherapist();
    const visitor = consoleVisitor(api);
    const res = await visitor.signIn(therapist.user.email, "Wrong-password-1!");
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("The username/email or password is incorrect.");
    expect(html).toContain(`value="${therapist.user.email}"`);
  });

  it("sets __Host- cookies that are HttpOnly, Secure, SameSite=Lax, Path=/ and have no Domain", async () => {
    const therapist = await newTherapist();
    const visitor = consoleVisitor(api);
    const res = await visitor.signIn(therapist.user.email, therapist.password);
    expect(res.status).toBe(303);
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => c.split("=")[0]).sort()).toEqual(["__Host-ta-access", "__Host-ta-activity", "__Host-ta-refresh"]);
    for (const cookie of cookies) {
      const attributes = cookie.split(";").map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
      expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
    }
  });

  it("never sends the visitor off the console after sign-in", async () => {
    const therapist = await newTherapist();
    for (const next of ["https://evil.example/", "//evil.example/app", "/api/auth/me", "/app\\@evil.example"]) {
      const res = await consoleVisitor(api).signIn(therapist.user.email, therapist.password, next);
      expect(res.headers.get("Location")).toBe("/app");
    }
  });

  it("shows the login rate limit's message and wait time in the page", async () => {
    const therapist = await newTherapist();
    const visitor = consoleVisitor(api);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      last = await visitor.signIn(therapist.user.email, "Wrong-password-1!");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(last!.headers.get("Retry-After")).toBe("60");
    expect(await last!.text()).toContain("try again in a minute");
  });

  it("refuses a deactivated account in the page", async () => {
    const inactive = await registerUser(api);
    await adminUpdateUser(api, admin.tokens.access_token, inactive.user.id, { is_active: false });
    const res = await consoleVisitor(api).signIn(inactive.user.email, inactive.password);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("deactivated");
  });
});

describe("the signed-in console", () => {
  it("shows who is signed in, the role's tools and recent own activity on the dashboard", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    const { res, html } = await visitor.page("/app");
    expect(res.status).toBe(200);
    expect(html).toContain("Thea Rapist");
    expect(html).toContain("Therapist");
    expect(html).toContain("License verified");
    expect(html).toMatch(/<td>auth\.login<\/td>\s*<td>success<\/td>/);
    for (const path of [
      "/app/diagnose",
      "/app/treatment",
      "/app/cases",
      "/app/knowledge",
      "/app/voice",
      "/app/assessments",
      "/app/notes",
      "/app/settings",
    ])
      expect(html).toContain(`href="${path}"`);
    expect(html).not.toContain('href="/app/admin"');
  });

  it("shows each role only the tools it may use, and the clinical tools locked for a student", async () => {
    const therapist = await newTherapist();
    const student = await registerUser(api, { first_name: "Stu", last_name: "Dent" });
    const [studentNav, therapistNav, adminNav] = await Promise.all(
      [student, therapist, admin].map(async (account) => navigationLabels((await (await signedIn(account)).page("/app")).html)),
    );
    expect(therapistNav).not.toContain("Admin");
    expect(therapistNav).toContain("Diagnose");
    expect(adminNav).toContain("Admin");
    expect(studentNav).not.toContain("Admin");
    expect(studentNav).toContain("Diagnose (needs verification)");
    expect(studentNav).toContain("Cases");
    const visitor = await signedIn(student);
    const { res, html } = await visitor.page("/app/diagnose");
    expect(res.status).toBe(200);
    expect(html).toContain("Student accounts cannot use it");
    const forbidden = await visitor.page("/app/admin");
    expect(forbidden.res.status).toBe(403);
    expect(forbidden.html).toContain("administrator");
  });

  it("explains to an unverified clinician that an admin must verify the license", async () => {
    const clinician = await registerUser(api, { role: "psychologist", license_type: "PSYD", license_number: "P-1", license_state: "NY" });
    const { html } = await (await signedIn(clinician)).page("/app/voice");
    expect(html).toContain("An administrator must verify your license");
  });

  it("sends a CSP without inline scripts and no-store on every page, the sign-in page included", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    for (const path of ["/app/login", "/app", "/app/diagnose", "/app/logout"]) {
      const { res, html } = await visitor.page(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

describe("unknown console pages", () => {
  it("answer a 404 page with the navigation back", async () => {
    const visitor = await signedIn(await newTherapist());
    const { res, html } = await visitor.page("/app/no-such-page");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(html).toContain("There is no console page at this address.");
    expect(html).toContain('href="/app"');
  });
});

describe("the JSON API and the console cookie", () => {
  it("refuses the console's cookie: the API takes only a bearer token", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    const cookie = [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const res = await api.fetch("/api/auth/me", { headers: { Cookie: cookie } });
    expect(res.status).toBe(401);
    const diagnose = await api.fetch("/api/v1/search/knowledge?q=depression", { headers: { Cookie: cookie } });
    expect(diagnose.status).toBe(401);
  });
});

describe("CSRF", () => {
  it("refuses a state-changing request without the login's token, and changes nothing", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    const res = await visitor.post("/app/logout", {});
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("reload the page");
    expect((await visitor.page("/app")).res.status).toBe(200);
  });

  it("refuses another login's token", async () => {
    const therapist = await newTherapist();
    const mine = await signedIn(therapist);
    const theirs = await signedIn(therapist);
    const res = await mine.post("/app/logout", { _csrf: await theirs.csrfToken() });
    expect(res.status).toBe(403);
    expect((await mine.page("/app")).res.status).toBe(200);
  });

  it("refuses a form posted from another origin, the sign-in form included", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    const token = await visitor.csrfToken();
    const res = await visitor.post("/app/logout", { _csrf: token }, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await visitor.page("/app")).res.status).toBe(200);
    const login = await consoleVisitor(api).post(
      "/app/login",
      { email: therapist.user.email, password: therapist.password },
      { Origin: "https://evil.example" },
    );
    expect(login.status).toBe(403);
    expect(login.headers.getSetCookie()).toEqual([]);
  });

  it("accepts the token as the X-CSRF-Token header from the console's scripts", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    const res = await visitor.fetch("/app/logout", {
      method: "POST",
      headers: { Origin: ORIGIN, "X-CSRF-Token": await visitor.csrfToken() },
    });
    expect(res.status).toBe(303);
  });
});

describe("session lifetime", () => {
  it("renews an expired access cookie from the refresh cookie, rotating it; the spent one, back after the grace window, ends the login", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    const spent = visitor.cookies.get("__Host-ta-refresh")!;
    visitor.cookies.delete("__Host-ta-access");
    const renewed = await visitor.fetch("/app");
    expect(renewed.status).toBe(200);
    expect(
      renewed.headers
        .getSetCookie()
        .map((c) => c.split("=")[0])
        .sort(),
    ).toEqual(["__Host-ta-access", "__Host-ta-refresh"]);
    expect(visitor.cookies.get("__Host-ta-refresh")).not.toBe(spent);
    expect((await visitor.fetch("/app")).status).toBe(200);

    // A copy of the spent refresh token comes back after the grace window: the whole login ends,
    // the current cookies with it.
    await runSql(api, "update refresh_tokens set used_at = used_at - interval '1 minute' where used_at is not null and user_id = $1", [
      therapist.user.id,
    ]);
    const thief = consoleVisitor(api);
    thief.cookies.set("__Host-ta-refresh", spent);
    expect((await thief.fetch("/app")).status).toBe(303);
    expect((await visitor.fetch("/app")).status).toBe(303);
  });

  it("ends the session on the next request after a password change through the API", async () => {
    const account = await createVerifiedTherapist(api, admin.tokens.access_token);
    const visitor = await signedIn(account);
    const changed = await api.post(
      "/api/auth/change-password",
      { current_password: account.password, new_password: "N3w-password-for-you!" },
      { headers: authHeader(account.tokens.access_token) },
    );
    expect(changed.status).toBe(204);
    const res = await visitor.fetch("/app");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/app/login?next=%2Fapp");
    expect(visitor.cookies.size).toBe(0);
  });

  it("ends the session on the next request after deactivation", async () => {
    const account = await registerUser(api);
    const visitor = await signedIn(account);
    await adminUpdateUser(api, admin.tokens.access_token, account.user.id, { is_active: false });
    expect((await visitor.fetch("/app")).status).toBe(303);
  });

  it("signs out: the login is revoked, its cookies cleared, and a copy of them no longer works", async () => {
    const therapist = await newTherapist();
    const visitor = await signedIn(therapist);
    const copy = new Map(visitor.cookies);
    const { html } = await visitor.page("/app/logout");
    const res = await visitor.post("/app/logout", { _csrf: csrfTokenIn(html) });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/app/login");
    expect(visitor.cookies.size).toBe(0);
    const replay = consoleVisitor(api);
    for (const [name, value] of copy) replay.cookies.set(name, value);
    expect((await replay.fetch("/app")).status).toBe(303);
    const [[revoked]] = await runSql(api, "select count(*)::int from login_sessions where user_id = $1 and revoked_at is not null", [
      therapist.user.id,
    ]);
    expect(Number(revoked)).toBeGreaterThan(0);
  });
});
