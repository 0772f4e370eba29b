/** The console's pages (docs/api.md §8): cases and their analysis, knowledge, assessments, admin, settings. */
import { beforeAll, describe, expect, it } from "vitest";
import { INSTRUMENT_IDS, INSTRUMENTS } from "../src/assessments/instrument-registry";
import { authHeader, createAdmin, createVerifiedTherapist, registerUser, runSql } from "./support/accounts";
import { createTestApi } from "./support/api";
import { loadCases } from "./support/cases";
import { consoleVisitor, visibleText } from "./support/console";
import { loadCorpus } from "./support/corpus";
import { scriptOpenAi, stubStats } from "./support/openai-stub";

const api = await createTestApi();
const admin = await createAdmin(api);
const newTherapist = () => createVerifiedTherapist(api, admin.tokens.access_token, { first_name: "Thea", last_name: "Rapist" });

beforeAll(async () => {
  await loadCases();
  await loadCorpus(api);
});

async function signedIn(account: { user: { email: string }; password: string }) {
  const visitor = consoleVisitor(api);
  const res = await visitor.signIn(account.user.email, account.password);
  expect(res.status, await res.clone().text()).toBe(303);
  return { visitor, csrf: await visitor.csrfToken() };
}

describe("cases", () => {
  it("filters by severity and diagnosis and pages with cursors", async () => {
    const { visitor } = await signedIn(await newTherapist());
    const first = await visitor.page("/app/cases?severity=severe&limit=3");
    expect(first.res.status).toBe(200);
    const rows = [...first.html.matchAll(/<td>(mild|moderate|severe)<\/td>/g)].map((m) => m[1]);
    expect(rows).toHaveLength(3);
    expect(new Set(rows)).toEqual(new Set(["severe"]));
    const next = /<a href="([^"]+)" rel="next">/.exec(first.html)?.[1].replaceAll("&amp;", "&");
    expect(next).toMatch(/^\/app\/cases\?severity=severe&cursor=/);
    const second = await visitor.page(`${next}&limit=3`);
    const firstIds = [...first.html.matchAll(/href="\/app\/cases\/(case-\d+)"/g)].map((m) => m[1]);
    const secondIds = [...second.html.matchAll(/href="\/app\/cases\/(case-\d+)"/g)].map((m) => m[1]);
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.every((id) => id > firstIds[firstIds.length - 1])).toBe(true);

    // The filter form as a browser submits it: the empty diagnosis box means any diagnosis.
    const asSubmitted = await visitor.page("/app/cases?severity=mild&diagnosis=");
    expect(asSubmitted.res.status).toBe(200);
    expect(new Set([...asSubmitted.html.matchAll(/<td>(mild|moderate|severe)<\/td>/g)].map((m) => m[1]))).toEqual(new Set(["mild"]));

    const byCode = await visitor.page("/app/cases?diagnosis=F32");
    const codes = [...byCode.html.matchAll(/<td>(F[\d.]+) · /g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code.startsWith("F32"))).toBe(true);
  });

  it("answers a bad filter or an edited cursor with a 400 page, not a stack trace", async () => {
    const { visitor } = await signedIn(await newTherapist());
    const badSeverity = await visitor.page("/app/cases?severity=extreme");
    expect(badSeverity.res.status).toBe(400);
    expect(badSeverity.res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(badSeverity.html).toContain("severity must be one of");
    const badCursor = await visitor.page("/app/cases?cursor=not-a-cursor");
    expect(badCursor.res.status).toBe(400);
    expect(badCursor.html).toContain('role="alert"');
  });

  it("shows a case, and a 404 page for an unknown one", async () => {
    const { visitor } = await signedIn(await newTherapist());
    const { res, html } = await visitor.page("/app/cases/case-008");
    expect(res.status).toBe(200);
    expect(html).toContain("Presenting symptoms");
    expect(html).toContain('<button type="submit">Analyze case</button>');
    expect((await visitor.page("/app/cases/case-999")).res.status).toBe(404);
  });

  it("Analyze case runs the case analysis and shows it beside the case, sources linked to their documents", async () => {
    const therapist = await newTherapist();
    const { visitor, csrf } = await signedIn(therapist);
    const answer = {
      response: "## Formulation\n\nPanic disorder with agoraphobic avoidance is well supported.",
      suggested_diagnosis_supported: true,
      alternative_diagnoses: [
        {
          condition: "Agoraphobia",
          dsm5_code: "F40.00",
          icd11_code: "6B02",
          confidence: 0.3,
          rationale: "Avoids crowds.",
          supporting_sources: [],
        },
      ],
      missing_assessments: ["PDSS"],
      treatment_considerations: ["CBT with interoceptive exposure"],
    };
    await scriptOpenAi(api.openaiKey, { chat: [{ content: JSON.stringify(answer) }] });
    const res = await visitor.post("/app/cases/case-010/analyze", { _csrf: csrf });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain("Panic disorder with agoraphobic avoidance is well supported.");
    expect(text).toContain("Suggested diagnosis supported: yes");
    expect(text).toMatch(/Agoraphobia F40\.00 6B02 30% Avoids crowds\./);
    expect(text).toContain("PDSS");
    expect(html).toMatch(/<a href="\/app\/knowledge\/[0-9a-f-]{36}">/);
    expect(html).toContain("Analyze case again");
    // The case stays on the page beside its analysis.
    expect(text).toContain("Presenting symptoms");
  });

  it("leads the analysis of a risk case with the crisis banner and its resources", async () => {
    const { visitor, csrf } = await signedIn(await newTherapist());
    const res = await visitor.post("/app/cases/case-002/analyze", { _csrf: csrf });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toMatch(/<section class="alert crisis" role="alert"/);
    expect(html).toContain("findahelpline.com");
  });

  it("shows the AI's failure in the page with a retry, and refuses a student before any AI call", async () => {
    const { visitor, csrf } = await signedIn(await newTherapist());
    await scriptOpenAi(api.openaiKey, { chat: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    const failed = await visitor.post("/app/cases/case-010/analyze", { _csrf: csrf });
    expect(failed.status).toBeGreaterThanOrEqual(502);
    const html = await failed.text();
    expect(html).toMatch(/<p class="error" role="alert">[^<]+<\/p>/);
    expect(html).toContain("Analyze case again");
    expect(html).not.toMatch(/at [\w.]+ \(|Error:/);

    const student = await registerUser(api);
    const asStudent = await signedIn(student);
    const chatsBefore = (await stubStats(api.openaiKey)).chat ?? 0;
    const refused = await asStudent.visitor.post("/app/cases/case-010/analyze", { _csrf: asStudent.csrf });
    expect(refused.status).toBe(403);
    expect((await stubStats(api.openaiKey)).chat ?? 0).toBe(chatsBefore);
    expect(await (await asStudent.visitor.page("/app/cases/case-010")).html).toContain("Student accounts cannot use it");
  });

  it("refuses Analyze case without the CSRF token", async () => {
    const { visitor } = await signedIn(await newTherapist());
    expect((await visitor.post("/app/cases/case-010/analyze", {})).status).toBe(403);
  });
});

describe("knowledge", () => {
  it("searches by a posted query, marks the query's words in the snippets and opens a document", async () => {
    const { visitor, csrf } = await signedIn(await newTherapist());
    expect((await visitor.page("/app/knowledge")).html).toMatch(/<label for="q">Search<\/label>/);
    const res = await visitor.post("/app/knowledge", { _csrf: csrf, q: "panic attacks" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<mark>panic<\/mark>/i);
    const documentPath = /<a href="(\/app\/knowledge\/[0-9a-f-]{36})">/.exec(html)?.[1];
    expect(documentPath).toBeDefined();
    const document = await visitor.page(documentPath!);
    expect(document.res.status).toBe(200);
    expect(document.html).toContain("Search the knowledge base");
    expect((await visitor.page("/app/knowledge/00000000-0000-4000-8000-000000000000")).res.status).toBe(404);
    expect((await visitor.page("/app/knowledge/not-a-uuid")).res.status).toBe(400);
  });

  it("says when nothing in the knowledge base fits a search, and not when it does", async () => {
    const { visitor, csrf } = await signedIn(await newTherapist());
    const unrelated = await visitor.post("/app/knowledge", {
      _csrf: csrf,
      q: "Invoice for last month charged twice to my card, please refund",
    });
    expect(visibleText(await unrelated.text())).toContain("Low coverage: nothing in the knowledge base fits this search well");
    const related = await visitor.post("/app/knowledge", {
      _csrf: csrf,
      q: "panic attacks with fear of dying and avoiding the underground",
    });
    expect(visibleText(await related.text())).not.toContain("Low coverage");
  });

  it("answers an empty query with a 400 page", async () => {
    const { visitor, csrf } = await signedIn(await newTherapist());
    const res = await visitor.post("/app/knowledge", { _csrf: csrf, q: "  " });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("q must not be empty");
  });
});

describe("assessments", () => {
  it("offers every instrument, labelling each item and answer, with PHQ-9 and GAD-7 open", async () => {
    const { visitor } = await signedIn(await registerUser(api));
    const { html } = await visitor.page("/app/assessments");
    for (const id of INSTRUMENT_IDS) {
      const definition = INSTRUMENTS[id];
      const form = new RegExp(`<form[^>]*data-instrument="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1] ?? "";
      expect(form.match(/<fieldset class="item">/g), id).toHaveLength(definition.items.length);
      const answers = definition.items.reduce((sum, item) => sum + item.options.length, 0);
      expect(form.match(/<label class="choice"><input type="radio"/g), id).toHaveLength(answers);
      expect(html).toContain(`<a href="#${id}">${definition.name}</a>`);
    }
    expect(html.match(/<details id="[a-z0-9]+" class="card" open="">/g)).toEqual([
      '<details id="phq9" class="card" open="">',
      '<details id="gad7" class="card" open="">',
    ]);
    // The branching and the shaded zones are on the form, as on paper.
    expect(visibleText(html)).toContain("3. Have you been thinking about how you might do this? (ask only if item 2 is Yes)");
    expect(visibleText(html)).toContain("Often (3, shaded)");
    expect(html).toContain('<script type="module" src="/app/assets/assessments.js">');
  });

  it("scores a submitted AUDIT with its zone and domain subtotals", async () => {
    const { visitor, csrf } = await signedIn(await registerUser(api));
    const answers = [2, 1, 1, 1, 0, 0, 1, 0, 0, 2];
    const fields = Object.fromEntries(answers.map((value, index) => [`item${index + 1}`, String(value)]));
    const res = await visitor.post("/app/assessments", { _csrf: csrf, instrument: "audit", ...fields });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain("Score 8 of 40: hazardous (zone II) — a positive screen");
    expect(text).toContain("Harmful alcohol use (items 7–10): 3 of 16");
    expect(html).toContain('<details id="audit" class="card" open="">');
    expect(html).not.toMatch(/<section class="alert crisis"/);
  });

  it("leads an EPDS with a positive item 10 with the crisis banner, and a C-SSRS with its risk level", async () => {
    const { visitor, csrf } = await signedIn(await registerUser(api));
    const epds = [0, 0, 1, 0, 0, 1, 0, 0, 0, 1];
    const epdsFields = Object.fromEntries(epds.map((value, index) => [`item${index + 1}`, String(value)]));
    const epdsPage = await visitor.post("/app/assessments", { _csrf: csrf, instrument: "epds", ...epdsFields });
    expect(epdsPage.status).toBe(200);
    const epdsHtml = await epdsPage.text();
    expect(visibleText(epdsHtml)).toContain("Score 3 of 30: below the screening cut-off");
    expect(epdsHtml).toMatch(/<section class="alert crisis" role="alert"/);
    expect(visibleText(epdsHtml)).toContain("Indicators: self harm.");
    // C-SSRS: item 2 no, so 3–5 are left unanswered, as the branching says.
    const cssrs = await visitor.post("/app/assessments", {
      _csrf: csrf,
      instrument: "cssrs",
      item1: "1",
      item2: "0",
      item6: "1",
      item7: "0",
    });
    expect(cssrs.status).toBe(200);
    expect(visibleText(await cssrs.text())).toContain("Score 2 of 3: moderate risk");
  });

  it("scores a submitted PHQ-9 with the API's scorer and leads with the crisis banner for a positive item 9", async () => {
    const { visitor, csrf } = await signedIn(await registerUser(api));
    const answers = [2, 2, 1, 1, 1, 1, 1, 1, 1];
    const fields = Object.fromEntries(answers.map((value, index) => [`item${index + 1}`, String(value)]));
    const res = await visitor.post("/app/assessments", { _csrf: csrf, instrument: "phq9", ...fields });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(visibleText(html)).toContain("Score 11 of 27: moderate");
    expect(html).toMatch(/<section class="alert crisis" role="alert"/);
    // The answers stay selected.
    expect(html.match(/checked=""/g)).toHaveLength(9);
  });

  it("names the unanswered items of an incomplete form", async () => {
    const { visitor, csrf } = await signedIn(await registerUser(api));
    const res = await visitor.post("/app/assessments", { _csrf: csrf, instrument: "gad7", item1: "1", item2: "3", item7: "9" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("unanswered: 3, 4, 5, 6, 7");
  });
});

describe("admin", () => {
  it("lists and filters users, and verifies a clinician's license, who can then analyze", async () => {
    const clinician = await registerUser(api, { role: "psychologist", license_type: "PSYD", license_number: "P-77", license_state: "NY" });
    const { visitor, csrf } = await signedIn(admin);
    const { res, html } = await visitor.page(
      `/app/admin?role=psychologist&is_verified=false&q=${encodeURIComponent(clinician.user.email)}`,
    );
    expect(res.status).toBe(200);
    expect(html).toContain(clinician.user.email);
    expect(html).toContain(`aria-label="Verify license of ${clinician.user.first_name} ${clinician.user.last_name}"`);
    const verified = await visitor.post(`/app/admin/users/${clinician.user.id}`, { _csrf: csrf, change: "verify" });
    expect(verified.status).toBe(303);
    expect(verified.headers.get("Location")).toBe("/app/admin?done=verify");
    expect((await visitor.page("/app/admin?done=verify")).html).toContain("License verified.");
    const [[isVerified]] = await runSql(api, "select is_verified::text from users where id = $1", [clinician.user.id]);
    expect(isVerified).toBe("true");
    const asClinician = await signedIn(clinician);
    expect((await asClinician.visitor.page("/app/cases/case-001")).html).toContain(">Analyze case</button>");
  });

  it("changes a role and deactivates an account, whose session ends at once", async () => {
    const someone = await registerUser(api);
    const theirs = await signedIn(someone);
    const { visitor, csrf } = await signedIn(admin);
    expect((await visitor.post(`/app/admin/users/${someone.user.id}`, { _csrf: csrf, change: "role", role: "therapist" })).status).toBe(
      303,
    );
    expect((await visitor.post(`/app/admin/users/${someone.user.id}`, { _csrf: csrf, change: "deactivate" })).status).toBe(303);
    const [[role, active]] = await runSql(api, "select role, is_active::text from users where id = $1", [someone.user.id]);
    expect([role, active]).toEqual(["therapist", "false"]);
    expect((await theirs.visitor.fetch("/app")).status).toBe(303);
  });

  it("refuses a bad change, an admin's own lockout, and non-admins", async () => {
    const { visitor, csrf } = await signedIn(admin);
    const badRole = await visitor.post(`/app/admin/users/${admin.user.id}`, { _csrf: csrf, change: "role", role: "overlord" });
    expect(badRole.status).toBe(400);
    const lockout = await visitor.post(`/app/admin/users/${admin.user.id}`, { _csrf: csrf, change: "deactivate" });
    expect(lockout.status).toBe(409);
    expect(await lockout.text()).toContain("Admins cannot deactivate themselves");
    const therapist = await signedIn(await newTherapist());
    expect((await therapist.visitor.post(`/app/admin/users/${admin.user.id}`, { _csrf: therapist.csrf, change: "verify" })).status).toBe(
      403,
    );
    expect((await therapist.visitor.page("/app/admin/audit")).res.status).toBe(403);
  });

  it("shows the audit trail filtered by action, with no clinical text", async () => {
    const { visitor } = await signedIn(admin);
    const { res, html } = await visitor.page("/app/admin/audit?action=case.analyze");
    expect(res.status).toBe(200);
    const actions = [...html.matchAll(/<td>([a-z_.]+)<\/td><td>(success|failure|denied)<\/td>/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["case.analyze"]));
    expect(html).not.toContain("agoraphobic avoidance");
    expect((await visitor.page("/app/admin/audit?since=yesterday")).res.status).toBe(400);
  });
});

describe("settings", () => {
  it("saves the profile; a changed license goes back to an admin for verification", async () => {
    const therapist = await newTherapist();
    const { visitor, csrf } = await signedIn(therapist);
    const res = await visitor.post("/app/settings/profile", {
      _csrf: csrf,
      first_name: "Theodora",
      last_name: "Rapist",
      organization: "",
      license_type: "LMFT",
      license_number: "LMFT-99999",
      license_state: "CA",
    });
    expect(res.status).toBe(303);
    expect((await visitor.page("/app/settings?done=profile")).html).toContain("Profile saved.");
    const [[firstName, verified, organization]] = await runSql(
      api,
      "select first_name, is_verified::text, organization from users where id = $1",
      [therapist.user.id],
    );
    expect([firstName, verified, organization]).toEqual(["Theodora", "false", null]);
    const bad = await visitor.post("/app/settings/profile", { _csrf: csrf, first_name: "", last_name: "Rapist" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("first_name");
  });

  it("changes the password: a wrong current one is shown in the page; success ends every session", async () => {
    const therapist = await newTherapist();
    const { visitor, csrf } = await signedIn(therapist);
    const other = await signedIn(therapist);
    const wrong = await visitor.post("/app/settings/password", {
      _csrf: csrf,
      current_password: "Not-the-password-1!",
      new_password: "Brand-new-Passw0rd!",
      confirm_password: "Brand-new-Passw0rd!",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("The current password is incorrect.");
    const mismatch = await visitor.post("/app/settings/password", {
      _csrf: csrf,
      current_password: therapist.password,
      new_password: "Brand-new-Passw0rd!",
      confirm_password: "Brand-new-Passw0rd?",
    });
    expect(mismatch.status).toBe(400);
    const changed = await visitor.post("/app/settings/password", {
      _csrf: csrf,
      current_password: therapist.password,
      new_password: "Brand-new-Passw0rd!",
      confirm_password: "Brand-new-Passw0rd!",
    });
    expect(changed.status).toBe(303);
    expect(changed.headers.get("Location")).toBe("/app/login?changed=password");
    expect((await visitor.page("/app/login?changed=password")).html).toContain("Password changed.");
    expect((await other.visitor.fetch("/app")).status).toBe(303);
    expect((await consoleVisitor(api).signIn(therapist.user.email, "Brand-new-Passw0rd!")).status).toBe(303);
  });

  describe("personal access tokens", () => {
    const me = (token: string) => api.fetch("/api/auth/me", { headers: authHeader(token) });
    const storedCount = async (userId: string) =>
      Number((await runSql(api, "select count(*) from personal_access_tokens where user_id = $1", [userId]))[0][0]);
    /** Creates a token through the form (scopes MCP and Read) with the account's password: the answer page and the secret in it. */
    async function createThroughForm(
      visitor: Awaited<ReturnType<typeof signedIn>>["visitor"],
      csrf: string,
      name: string,
      password: string,
    ) {
      const res = await visitor.post("/app/settings/tokens", [
        ["_csrf", csrf],
        ["name", name],
        ["scopes", "mcp"],
        ["scopes", "read"],
        ["expires_in_days", "30"],
        ["password", password],
      ]);
      const html = await res.text();
      return { res, html, secret: /value="(tap_[A-Za-z0-9_-]{43})"/.exec(html)?.[1] };
    }

    it("creates a token from the form: the secret is shown once in the answer page, works as a bearer, and the list never shows it", async () => {
      const account = await registerUser(api);
      const { visitor, csrf } = await signedIn(account);
      const empty = await visitor.page("/app/settings");
      expect(empty.html).toContain("You have no live personal access tokens.");
      for (const label of ["Token name", "MCP", "Read", "Expires in days", "Your password, to confirm", "Create token"])
        expect(visibleText(empty.html)).toContain(label);

      const created = await createThroughForm(visitor, csrf, "My <script> helper", account.password);
      expect(created.res.status).toBe(200);
      expect(created.res.headers.get("Location")).toBeNull();
      expect(created.res.headers.get("Cache-Control")).toBe("no-store");
      expect(visibleText(created.html)).toContain("Copy it now: it will not be shown again.");
      expect(created.html).not.toContain("<script> helper");
      expect(created.secret).toBeDefined();
      const secret = created.secret as string;

      const meRes = await me(secret);
      expect(meRes.status).toBe(200);
      expect(((await meRes.json()) as { email: string }).email).toBe(account.user.email);
      expect((await api.fetch("/mcp", { method: "POST", headers: authHeader(secret) })).status).not.toBe(403);

      const listed = await visitor.page("/app/settings");
      const text = visibleText(listed.html);
      expect(text).toContain("My &lt;script&gt; helper mcp, read");
      // The locale's date format (English here: "Dec 6, 2026, 12:34 PM UTC").
      expect(text).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s?[AP]M UTC/);
      expect(listed.html).toContain('aria-label="Revoke My &lt;script&gt; helper"');
      expect(listed.html).not.toContain(secret);
      expect(listed.html).not.toContain(secret.slice(4));
      expect(await storedCount(account.user.id)).toBe(1);
    });

    it("refuses a form without a scope or with a bad expiry with a 400 page naming the field, and creates nothing", async () => {
      const account = await registerUser(api);
      const { visitor, csrf } = await signedIn(account);
      const noScope = await visitor.post("/app/settings/tokens", {
        _csrf: csrf,
        name: "script",
        expires_in_days: "30",
        password: account.password,
      });
      expect(noScope.status).toBe(400);
      expect(await noScope.text()).toContain("scopes: give at least one scope");
      const tooLong = await visitor.post("/app/settings/tokens", {
        _csrf: csrf,
        name: "script",
        scopes: "read",
        expires_in_days: "366",
        password: account.password,
      });
      expect(tooLong.status).toBe(400);
      expect(await tooLong.text()).toContain("expires_in_days");
      expect(await storedCount(account.user.id)).toBe(0);
    });

    it("revokes a token with its button: it stops working at once and leaves the list; another person's token is a 404", async () => {
      const account = await registerUser(api);
      const { visitor, csrf } = await signedIn(account);
      const { secret } = await createThroughForm(visitor, csrf, "to revoke", account.password);
      const id = /action="\/app\/settings\/tokens\/([0-9a-f-]{36})\/revoke"/.exec((await visitor.page("/app/settings")).html)?.[1];
      expect(id).toBeDefined();

      const intruder = await signedIn(await registerUser(api));
      expect((await intruder.visitor.post(`/app/settings/tokens/${id}/revoke`, { _csrf: intruder.csrf })).status).toBe(404);
      expect((await me(secret as string)).status).toBe(200);
      expect((await visitor.post("/app/settings/tokens/not-a-uuid/revoke", { _csrf: csrf })).status).toBe(400);

      const revoked = await visitor.post(`/app/settings/tokens/${id}/revoke`, { _csrf: csrf });
      expect(revoked.status).toBe(303);
      expect(revoked.headers.get("Location")).toBe("/app/settings?done=token_revoked#tokens");
      expect((await me(secret as string)).status).toBe(401);
      const after = await visitor.page("/app/settings?done=token_revoked");
      expect(after.html).toContain("Token revoked: it no longer works.");
      expect(after.html).not.toContain(id);
    });

    it("refuses creating or revoking without the console's CSRF token (403), and changes nothing", async () => {
      const account = await registerUser(api);
      const { visitor, csrf } = await signedIn(account);
      const forged = await visitor.post("/app/settings/tokens", {
        _csrf: "x".repeat(43),
        name: "forged",
        scopes: "read",
        password: account.password,
      });
      expect(forged.status).toBe(403);
      expect(await forged.text()).not.toContain("tap_");
      expect(await storedCount(account.user.id)).toBe(0);

      const { secret } = await createThroughForm(visitor, csrf, "kept", account.password);
      const id = /action="\/app\/settings\/tokens\/([0-9a-f-]{36})\/revoke"/.exec((await visitor.page("/app/settings")).html)?.[1];
      expect((await visitor.post(`/app/settings/tokens/${id}/revoke`, {})).status).toBe(403);
      const crossSite = await visitor.post(`/app/settings/tokens/${id}/revoke`, { _csrf: csrf }, { Origin: "https://evil.example" });
      expect(crossSite.status).toBe(403);
      expect((await me(secret as string)).status).toBe(200);
    });
  });
});
