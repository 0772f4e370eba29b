import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "../src/audit/audit";
import { licensed } from "../src/auth/guard";
import type { AppEnv } from "../src/env";
import worker from "../src/index";
import { handleError } from "../src/lib/error-handler";
import { requestContext } from "../src/lib/request-context";
import {
  adminUpdateUser,
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  expectProblem,
  type LoggedIn,
  login,
  loginAs,
  readProblem,
  registerAndLogin,
  registerUser,
  runSql,
  uniqueSuffix,
} from "./support/accounts";
import { createTestApi, databaseRequests, type TestApi } from "./support/api";
import { type ApiClient, answerOf, type Endpoint, ok, read } from "./support/client";

const api = await createTestApi();
const admin = await createAdmin(api);
const adminAuth = { headers: authHeader(admin.tokens.access_token) };

type ListUsers = ApiClient["api"]["admin"]["users"]["$get"];
type ListAudit = ApiClient["api"]["admin"]["audit"]["$get"];

/** A GET with any query string (valid or not), sent raw, as an admin; the answer typed as route E's. */
async function adminGet<E extends Endpoint>(path: string, client: TestApi = api, token = admin.tokens.access_token) {
  return read(answerOf<E>(await client.fetch(path, { headers: authHeader(token) })));
}

function listUsers(query: string, client: TestApi = api, token = admin.tokens.access_token) {
  return adminGet<ListUsers>(`/api/admin/users${query}`, client, token);
}

function listAudit(query: string, client: TestApi = api, token = admin.tokens.access_token) {
  return adminGet<ListAudit>(`/api/admin/audit${query}`, client, token);
}

/** `query` with the cursor appended (none on the first page). */
function withCursor(query: string, cursor: string | null): string {
  if (cursor === null) return query;
  return `${query}${query ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

/** Follows next_cursor from the first page to the end, returning every page's items; every page must be a 200. */
async function walk<T>(readPage: (cursor: string | null) => Promise<{ items: T[]; next_cursor: string | null }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page = await readPage(cursor);
    pages.push(page.items);
    cursor = page.next_cursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor !== null);
  return pages;
}

async function walkUsers(client: TestApi, token: string, query: string) {
  return walk(async (cursor) => {
    const { body } = ok(await listUsers(withCursor(query, cursor), client, token), 200);
    return { items: body.users, next_cursor: body.next_cursor };
  });
}

async function walkAudit(client: TestApi, token: string, query: string) {
  return walk(async (cursor) => {
    const { body } = ok(await listAudit(withCursor(query, cursor), client, token), 200);
    return { items: body.events, next_cursor: body.next_cursor };
  });
}

describe("admin routes are for admins only", () => {
  const userId = crypto.randomUUID();
  const routes: Array<[string, string, RequestInit?]> = [
    ["GET", "/api/admin/users"],
    [
      "PATCH",
      `/api/admin/users/${userId}`,
      { body: JSON.stringify({ is_verified: true }), headers: { "Content-Type": "application/json" } },
    ],
    ["GET", "/api/admin/audit"],
  ];

  it.each(routes)("%s %s without a token is 401", async (method, path, init) => {
    const res = await api.fetch(path, { ...init, method });
    await readProblem(res, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });

  it.each(routes)("%s %s as a student or a verified therapist is 403 forbidden", async (method, path, init) => {
    const student = await registerAndLogin(api);
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    expect(therapist.user).toMatchObject({ role: "therapist", is_verified: true });
    for (const caller of [student, therapist]) {
      const res = await api.fetch(path, {
        ...init,
        method,
        headers: { ...(init?.headers as Record<string, string>), ...authHeader(caller.tokens.access_token) },
      });
      await readProblem(res, 403, "forbidden");
    }
  });

  it("a user promoted with an old token in hand is an admin on the next request", async () => {
    const account = await registerAndLogin(api);
    expect((await listUsers("", api, account.tokens.access_token)).res.status).toBe(403);
    await adminUpdateUser(api, admin.tokens.access_token, account.user.id, { role: "admin" });
    expect((await listUsers("", api, account.tokens.access_token)).res.status).toBe(200);
  });
});

describe("GET /api/admin/users", () => {
  // A database of its own, so the expected lists are exact.
  let listing: TestApi;
  let listingAdmin: LoggedIn;
  let everyone: Array<{ id: string; role: string; is_verified: boolean }>;
  let percent: LoggedIn["user"];
  let underscore: LoggedIn["user"];
  let verifiedTherapist: LoggedIn["user"];

  async function list(query: string) {
    return listUsers(query, listing, listingAdmin.tokens.access_token);
  }

  /** The users of one page (a 200 expected). */
  async function usersOf(query: string) {
    return ok(await list(query), 200).body.users;
  }

  beforeAll(async () => {
    listing = await createTestApi();
    listingAdmin = await createAdmin(listing);
    percent = (await registerUser(listing, { first_name: "Fifty%Off" })).user;
    underscore = (await registerUser(listing, { last_name: "Snake_Case" })).user;
    await registerUser(listing, { role: "therapist", license_type: "LPC" });
    await registerUser(listing, { role: "psychiatrist", license_type: "MD" });
    verifiedTherapist = (await createVerifiedTherapist(listing, listingAdmin.tokens.access_token)).user;
    await registerUser(listing);
    everyone = await usersOf("?limit=100");
  });

  it("lists every user, newest first, with the User object and next_cursor null at the end", async () => {
    const { body } = ok(await list("?limit=100"), 200);
    expect(body.next_cursor).toBeNull();
    expect(body.users).toHaveLength(7);
    expect(body.users[0].id).not.toBe(listingAdmin.user.id);
    expect(body.users.at(-1)?.id).toBe(listingAdmin.user.id);
    const created = body.users.map((user) => user.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    expect(JSON.stringify(body)).not.toMatch(/password|pbkdf2/i);
    expect(body.users.find((user) => user.id === listingAdmin.user.id)).toMatchObject({ role: "admin", email: listingAdmin.user.email });
  });

  it("filters by role", async () => {
    const { body } = ok(await list("?role=therapist"), 200);
    expect(body.users).toHaveLength(2);
    expect(body.users.every((user) => user.role === "therapist")).toBe(true);
    expect(await usersOf("?role=psychiatrist")).toHaveLength(1);
    expect(await usersOf("?role=student")).toHaveLength(everyone.filter((user) => user.role === "student").length);
  });

  it("filters by is_verified, alone and with role", async () => {
    const verified = await usersOf("?is_verified=true");
    expect(verified.map((user) => user.id).sort()).toEqual([listingAdmin.user.id, verifiedTherapist.id].sort());
    const unverified = await usersOf("?is_verified=false");
    expect(unverified).toHaveLength(everyone.length - 2);
    const unverifiedTherapists = await usersOf("?role=therapist&is_verified=false");
    expect(unverifiedTherapists).toHaveLength(1);
    expect(unverifiedTherapists[0].id).not.toBe(verifiedTherapist.id);
  });

  it("searches email, username and names case-insensitively", async () => {
    const byName = await usersOf("?q=fifty");
    expect(byName.map((user) => user.id)).toEqual([percent.id]);
    const byEmail = await usersOf(`?q=${encodeURIComponent(underscore.email.toUpperCase())}`);
    expect(byEmail.map((user) => user.id)).toEqual([underscore.id]);
    expect(await usersOf(`?q=nobody-${uniqueSuffix()}`)).toEqual([]);
  });

  it("matches % and _ in q literally, not as wildcards", async () => {
    const withPercent = await usersOf(`?q=${encodeURIComponent("%")}`);
    expect(withPercent.map((user) => user.id)).toEqual([percent.id]);
    const withUnderscore = await usersOf(`?q=${encodeURIComponent("_")}`);
    expect(withUnderscore.map((user) => user.id)).toEqual([underscore.id]);
    const pattern = await usersOf(`?q=${encodeURIComponent("y%o")}`);
    expect(pattern.map((user) => user.id)).toEqual([percent.id]);
    expect(await usersOf(`?q=${encodeURIComponent("Fif_y")}`)).toEqual([]);
    expect(await usersOf(`?q=${encodeURIComponent("\\")}`)).toEqual([]);
  });

  it("walks every page with limit=2 via next_cursor, without duplicates, ending with null", async () => {
    const pages = await walkUsers(listing, listingAdmin.tokens.access_token, "?limit=2");
    expect(pages).toHaveLength(Math.ceil(everyone.length / 2));
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(2);
    const ids = pages.flat().map((user) => user.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(everyone.map((user) => user.id));
  });

  it.each([["garbage"], [btoa(JSON.stringify(["users", "not a date", crypto.randomUUID()]))], [btoa(JSON.stringify({ offset: -1 }))]])(
    "refuses cursor=%s with 400 invalid_cursor",
    async (cursor) => {
      const { res, body } = await list(`?cursor=${encodeURIComponent(cursor)}`);
      expectProblem(res, body, 400, "invalid_cursor");
      expect(body.errors.map((error) => error.path)).toEqual(["query.cursor"]);
    },
  );

  it("paginates a filtered list too", async () => {
    const pages = await walkUsers(listing, listingAdmin.tokens.access_token, "?limit=2&is_verified=false");
    const ids = pages.flat().map((user) => user.id);
    expect(ids).toEqual(everyone.filter((user) => !user.is_verified).map((user) => user.id));
  });

  it.each([
    ["limit=0", "query.limit"],
    ["limit=101", "query.limit"],
    ["limit=abc", "query.limit"],
    ["role=superuser", "query.role"],
    ["is_verified=yes", "query.is_verified"],
  ])("rejects %s with 400 naming the parameter", async (query, path) => {
    const { res, body } = await list(`?${query}`);
    expectProblem(res, body, 400, "validation_error");
    expect(body.errors.map((error) => error.path)).toContain(path);
  });
});

describe("PATCH /api/admin/users/{id}", () => {
  it("costs the guard's round trip and one batch (plus the deferred audit), even when deactivating", async () => {
    const { user } = await registerUser(api);
    for (const change of [{ is_verified: true }, { is_active: false }]) {
      const before = await databaseRequests(api.database);
      const { res } = await adminUpdateUser(api, admin.tokens.access_token, user.id, change);
      expect(res.status).toBe(200);
      expect((await databaseRequests(api.database)) - before).toBe(3);
    }
  });

  it("sets is_verified, role and is_active", async () => {
    const { user } = await registerUser(api, { role: "therapist", license_type: "LCSW" });
    const verified = await adminUpdateUser(api, admin.tokens.access_token, user.id, { is_verified: true });
    expect(verified.res.status).toBe(200);
    expect(verified.body).toMatchObject({ id: user.id, is_verified: true, role: "therapist", is_active: true });

    const promoted = await adminUpdateUser(api, admin.tokens.access_token, user.id, { role: "psychologist" });
    expect(promoted.body).toMatchObject({ role: "psychologist", is_verified: true });

    const deactivated = await adminUpdateUser(api, admin.tokens.access_token, user.id, { is_active: false });
    expect(deactivated.body).toMatchObject({ is_active: false });

    const reactivated = await adminUpdateUser(api, admin.tokens.access_token, user.id, { is_active: true, is_verified: false });
    expect(reactivated.body).toMatchObject({ is_active: true, is_verified: false, role: "psychologist" });

    const listed = ok(await listUsers(`?q=${encodeURIComponent(user.email)}`), 200).body.users;
    expect(listed).toEqual([reactivated.body]);
  });

  it.each(["Application/JSON", "APPLICATION/JSON; Charset=UTF-8"])(
    "accepts a Content-Type of %s (media types are case-insensitive)",
    async (contentType) => {
      const { user } = await registerUser(api, { role: "therapist", license_type: "LCSW" });
      const res = await api.fetch(`/api/admin/users/${user.id}`, {
        method: "PATCH",
        headers: { ...authHeader(admin.tokens.access_token), "Content-Type": contentType },
        body: JSON.stringify({ is_verified: true }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: user.id, is_verified: true });
    },
  );

  it.each(["Application/JSON", "Application/Vnd.Therapy+JSON; Charset=UTF-8"])(
    "an admin's document upload with Content-Type %s is read as JSON",
    async (contentType) => {
      const res = await api.fetch("/api/v1/knowledge/documents", {
        method: "POST",
        headers: { ...authHeader(admin.tokens.access_token), "Content-Type": contentType },
        body: JSON.stringify({
          type: "reference",
          title: "Media type case",
          content: "A reference note used to check Content-Type handling.",
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await res.json()).toMatchObject({ id: expect.any(String), chunks: 1 });
    },
  );

  it("rejects a non-UUID id with 400", async () => {
    const { res, body } = await adminUpdateUser(api, admin.tokens.access_token, "not-a-uuid", { is_verified: true });
    expectProblem(res, body, 400, "validation_error");
    expect(JSON.stringify(body.errors)).toContain("id");
  });

  it("answers 404 for an unknown user", async () => {
    const { res, body } = await adminUpdateUser(api, admin.tokens.access_token, crypto.randomUUID(), { is_verified: true });
    expectProblem(res, body, 404, "not_found");
  });

  it.each([
    ["an empty body", {}],
    ["an unknown role", { role: "overlord" }],
    ["an unknown field", { password_hash: "x" }],
    ["a non-boolean flag", { is_active: "no" }],
  ])("rejects %s with 400", async (_case, changes) => {
    const { user } = await registerUser(api);
    const { res, body } = await adminUpdateUser(api, admin.tokens.access_token, user.id, changes);
    expectProblem(res, body, 400, "validation_error");
  });

  it("deactivation takes effect on the user's very next request", async () => {
    const account = await registerAndLogin(api);
    expect((await read(api.client.api.auth.me.$get({}, { headers: authHeader(account.tokens.access_token) }))).res.status).toBe(200);

    const { res } = await adminUpdateUser(api, admin.tokens.access_token, account.user.id, { is_active: false });
    expect(res.status).toBe(200);

    const me = await read(api.client.api.auth.me.$get({}, { headers: authHeader(account.tokens.access_token) }));
    expectProblem(me.res, me.body, 401, "unauthorized");
    const again = await login(api, { email: account.user.email, password: account.password });
    expectProblem(again.res, again.body, 403, "account_inactive");
    const refreshed = await read(api.client.api.auth.refresh.$post({ json: { refresh_token: account.tokens.refresh_token } }));
    expectProblem(refreshed.res, refreshed.body, 401, "invalid_refresh_token");
  });

  it("an admin cannot deactivate themselves or drop their own admin role (409)", async () => {
    const self = await adminUpdateUser(api, admin.tokens.access_token, admin.user.id, { is_active: false });
    expectProblem(self.res, self.body, 409, "self_lockout");
    const demote = await adminUpdateUser(api, admin.tokens.access_token, admin.user.id, { role: "student" });
    expectProblem(demote.res, demote.body, 409, "self_lockout");
    const me = await read(api.client.api.auth.me.$get({}, adminAuth));
    expect(me.body).toMatchObject({ role: "admin", is_active: true });
  });

  it("an admin can deactivate another admin", async () => {
    const other = await createAdmin(api);
    const { res, body } = await adminUpdateUser(api, admin.tokens.access_token, other.user.id, { is_active: false });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ role: "admin", is_active: false });
    expect((await read(api.client.api.auth.me.$get({}, { headers: authHeader(other.tokens.access_token) }))).res.status).toBe(401);
  });
});

describe("GET /api/admin/audit", () => {
  // A database of its own, so every event in it comes from this block.
  let trail: TestApi;
  let trailAdmin: LoggedIn;
  let subject: LoggedIn;
  const secrets: string[] = [];
  const newPassword = "Rotated-Passw0rd!";

  async function events(query = "") {
    return ok(await listAudit(query, trail, trailAdmin.tokens.access_token), 200).body.events;
  }

  beforeAll(async () => {
    trail = await createTestApi();
    trailAdmin = await createAdmin(trail);
    subject = await registerAndLogin(trail, { role: "therapist", license_type: "LMFT" });
    const failed = await login(trail, { email: subject.user.email, password: "Wr0ng-Passw0rd!" });
    expect(failed.res.status).toBe(401);
    const unknown = await login(trail, { email: `ghost.${uniqueSuffix()}@example.com`, password: "Gh0st-Passw0rd!" });
    expect(unknown.res.status).toBe(401);
    expect((await adminUpdateUser(trail, trailAdmin.tokens.access_token, subject.user.id, { is_verified: true })).res.status).toBe(200);
    expect((await adminUpdateUser(trail, trailAdmin.tokens.access_token, subject.user.id, { role: "psychologist" })).res.status).toBe(200);
    const changed = await trail.fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authHeader(subject.tokens.access_token) },
      body: JSON.stringify({ current_password: subject.password, new_password: newPassword }),
    });
    expect(changed.status).toBe(204);
    const relogin = await loginAs(trail, { user: subject.user, password: newPassword });
    secrets.push(subject.password, newPassword, "Wr0ng-Passw0rd!", "Gh0st-Passw0rd!", trailAdmin.password);
    secrets.push(
      subject.tokens.access_token,
      subject.tokens.refresh_token,
      relogin.access_token,
      relogin.refresh_token,
      trailAdmin.tokens.access_token,
      trailAdmin.tokens.refresh_token,
    );
  });

  it("records registration, logins, failed logins, role and verification changes and password changes", async () => {
    const all = await events("?limit=100");
    const has = (action: string, outcome: string, userId?: string | null) =>
      all.some((event) => event.action === action && event.outcome === outcome && (userId === undefined || event.user_id === userId));
    expect(has("auth.register", "success", subject.user.id)).toBe(true);
    expect(has("auth.login", "success", subject.user.id)).toBe(true);
    expect(has("auth.login", "failure", subject.user.id)).toBe(true);
    expect(has("auth.login", "failure", null)).toBe(true);
    expect(has("auth.change_password", "success", subject.user.id)).toBe(true);

    const adminChanges = all.filter((event) => event.action === "admin.update_user" && event.target === `user:${subject.user.id}`);
    expect(adminChanges).toHaveLength(2);
    for (const event of adminChanges) expect(event.user_id).toBe(trailAdmin.user.id);
    expect(adminChanges.map((event) => event.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          before: expect.objectContaining({ is_verified: false }),
          after: expect.objectContaining({ is_verified: true }),
        }),
        expect.objectContaining({
          before: expect.objectContaining({ role: "therapist" }),
          after: expect.objectContaining({ role: "psychologist" }),
        }),
      ]),
    );

    for (const event of all) {
      expect(event).toMatchObject({
        id: expect.any(String),
        action: expect.any(String),
        outcome: expect.stringMatching(/^(success|failure|denied)$/),
        created_at: expect.any(String),
      });
    }
    const created = all.map((event) => event.created_at);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it("never holds a password, a password hash or a token", async () => {
    const text = JSON.stringify(await events("?limit=100"));
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain("pbkdf2");
    expect(text).not.toMatch(/"(access_|refresh_)?token"\s*:/);
  });

  it("filters by user_id", async () => {
    const mine = await events(`?user_id=${subject.user.id}&limit=100`);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine.every((event) => event.user_id === subject.user.id)).toBe(true);
  });

  it("filters by action", async () => {
    const logins = await events("?action=auth.login&limit=100");
    expect(logins.length).toBeGreaterThanOrEqual(4);
    expect(logins.every((event) => event.action === "auth.login")).toBe(true);
    expect(await events("?action=no.such.action")).toEqual([]);
  });

  it("filters by since, keeping events at or after it", async () => {
    const all = await events("?limit=100");
    const pivot = all[Math.floor(all.length / 2)].created_at;
    const since = await events(`?since=${encodeURIComponent(pivot)}&limit=100`);
    expect(since.map((event) => event.id)).toEqual(all.filter((event) => event.created_at >= pivot).map((event) => event.id));
    expect(since.length).toBeLessThan(all.length);
    expect(await events(`?since=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).toEqual([]);
  });

  it("combines filters", async () => {
    const logins = await events(`?user_id=${subject.user.id}&action=auth.login`);
    expect(logins.length).toBeGreaterThanOrEqual(3);
    expect(logins.every((event) => event.user_id === subject.user.id && event.action === "auth.login")).toBe(true);
  });

  it("paginates with limit and next_cursor", async () => {
    const all = await events("?limit=100");
    const pages = await walkAudit(trail, trailAdmin.tokens.access_token, "?limit=2");
    const ids = pages.flat().map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Reading the trail is not itself audited, so the walk sees the same events.
    expect(ids).toEqual(all.map((event) => event.id));
  });

  it("shows an event written before the allow-list without its clinical text", async () => {
    const action = `legacy.diagnose.${uniqueSuffix()}`;
    const sourceId = crypto.randomUUID();
    const legacy = {
      request: { symptoms: "Hears voices telling him to hurt his brother." },
      response: { ai_response: { response: "Command hallucinations: assess risk now." } },
      sources: [sourceId],
      error: "ai_timeout",
      symptoms_chars: "not a count",
    };
    await runSql(api, "insert into audit_events (action, outcome, detail) values ($1, 'failure', $2::jsonb)", [
      action,
      JSON.stringify(legacy),
    ]);
    const { body } = ok(await listAudit(`?action=${action}`), 200);
    expect(body.events).toEqual([
      expect.objectContaining({ action, outcome: "failure", detail: { sources: [sourceId], error: "ai_timeout" } }),
    ]);
  });

  it("the writer keeps an event whose detail breaks the allow-list, without that detail", async () => {
    const hono = new Hono<AppEnv>();
    hono.use(requestContext);
    const action = `test.refused.${uniqueSuffix()}`;
    const details = [{ transcript: "She said she wants to end her life." }, { reason: "she wants to end her life" }];
    hono.get("/write", (c) => {
      // The types refuse these details; the casts stand for a caller that got past them.
      for (const detail of details) audit(c, { action, outcome: "success", detail: detail as never });
      return c.body(null, 204);
    });
    const ctx = createExecutionContext();
    expect((await hono.request("/write", {}, api.env, ctx)).status).toBe(204);
    await waitOnExecutionContext(ctx);
    const { body } = ok(await listAudit(`?action=${action}`), 200);
    expect(body.events).toHaveLength(2);
    expect(body.events.map((event) => event.detail)).toEqual([null, null]);
    const [[stored]] = await runSql(api, "select count(*)::int from audit_events where action = $1 and detail is not null", [action]);
    expect(Number(stored)).toBe(0);
  });

  it.each(["user_id=not-a-uuid", "since=yesterday", "limit=0", "limit=101"])("rejects %s with 400", async (query) => {
    const { res, body } = await listAudit(`?${query}`, trail, trailAdmin.tokens.access_token);
    expectProblem(res, body, 400, "validation_error");
  });

  it("refuses a users-list cursor (and an edited one) with 400 invalid_cursor", async () => {
    const users = ok(await listUsers("?limit=1", trail, trailAdmin.tokens.access_token), 200);
    expect(users.body.next_cursor).toEqual(expect.any(String));
    const usersCursor = users.body.next_cursor!;
    const [list, createdAt, id]: unknown[] = JSON.parse(atob(usersCursor));
    expect(list).toBe("users");
    for (const cursor of [
      usersCursor,
      btoa(JSON.stringify(["audit", "not a date", id])),
      btoa(JSON.stringify(["audit", createdAt])),
      btoa(JSON.stringify(["audit", createdAt, "not-a-uuid"])),
      "garbage",
    ]) {
      const { res, body } = await listAudit(`?cursor=${encodeURIComponent(cursor)}`, trail, trailAdmin.tokens.access_token);
      expectProblem(res, body, 400, "invalid_cursor");
    }
  });
});

describe("the daily Cron Trigger's audit purge", () => {
  const DAY_MS = 24 * 60 * 60 * 1000;

  async function runCron(client: TestApi) {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "17 3 * * *" }), client.env, ctx);
    await waitOnExecutionContext(ctx);
  }

  async function remainingAges(action: string): Promise<number[]> {
    const rows = await runSql(
      api,
      "select round(extract(epoch from now() - created_at) / 86400)::int from audit_events where action = $1 order by created_at",
      [action],
    );
    return rows.map(([days]) => Number(days));
  }

  it("deletes events older than AUDIT_RETENTION_DAYS (365 by default) and keeps the rest", async () => {
    const action = `test.retention.${uniqueSuffix()}`;
    for (const days of [400, 366, 364, 10]) {
      await runSql(api, "insert into audit_events (action, outcome, created_at) values ($1, 'success', $2)", [
        action,
        new Date(Date.now() - days * DAY_MS).toISOString(),
      ]);
    }
    await runCron(api);
    expect(await remainingAges(action)).toEqual([364, 10]);

    // A shorter setting takes effect on the next run.
    await runCron(await createTestApi({ AUDIT_RETENTION_DAYS: "30" }, { database: api.database }));
    expect(await remainingAges(action)).toEqual([10]);
  });
});

describe("the licensed guard", () => {
  const hono = new Hono<AppEnv>();
  hono.use(requestContext);
  hono.onError(handleError);
  // `licensed` is the middleware list a (licensed) route declares.
  hono.use("/licensed", ...licensed);
  hono.get("/licensed", (c) => c.json({ ok: true }));

  async function call(token?: string) {
    const res = await hono.request("/licensed", { headers: token ? authHeader(token) : {} }, api.env);
    const body: unknown = JSON.parse(await res.text());
    return { res, body };
  }

  function expectForbidden(res: Response, body: unknown) {
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ status: 403, code: "forbidden", detail: expect.stringMatching(/verified by an admin/) });
  }

  it("refuses a caller without a token with 401", async () => {
    const { res, body } = await call();
    expect(res.status).toBe(401);
    expect(body).toMatchObject({ code: "unauthorized" });
  });

  it("refuses a student with 403, saying it needs verification by an admin", async () => {
    const student = await registerAndLogin(api);
    const { res, body } = await call(student.tokens.access_token);
    expectForbidden(res, body);
  });

  it.each(["therapist", "psychiatrist", "psychologist"])(
    "refuses an unverified %s with 403, saying it needs verification by an admin",
    async (role) => {
      const unverified = await registerAndLogin(api, { role, license_type: "OTHER" });
      const { res, body } = await call(unverified.tokens.access_token);
      expectForbidden(res, body);
    },
  );

  it("lets a verified therapist and an admin through", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const first = await call(therapist.tokens.access_token);
    expect(first.res.status).toBe(200);
    expect(first.body).toEqual({ ok: true });
    const second = await call(admin.tokens.access_token);
    expect(second.res.status).toBe(200);
    expect(second.body).toEqual({ ok: true });
  });

  it("closes again when an admin revokes the verification", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    expect((await call(therapist.tokens.access_token)).res.status).toBe(200);
    await adminUpdateUser(api, admin.tokens.access_token, therapist.user.id, { is_verified: false });
    const { res, body } = await call(therapist.tokens.access_token);
    expectForbidden(res, body);
  });
});
