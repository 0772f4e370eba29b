/**
 * Personal access tokens (`/api/auth/tokens`): created with the secret shown once and stored only
 * as its SHA-256, listed without it, revoked; a per-user limit on live tokens; and the guards:
 * a token acts with its owner's current account, only on routes its scopes allow, and stops
 * working at once when revoked, expired, or its owner is deactivated or changes password.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { toUser } from "../src/auth/auth.schemas";
import { type Authorized, mcpAccess } from "../src/auth/guard";
import type { AppEnv } from "../src/env";
import { handleError } from "../src/lib/error-handler";
import { requestContext } from "../src/lib/request-context";
import {
  adminUpdateUser,
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  DEFAULT_PASSWORD,
  expectProblem,
  type LoggedIn,
  readProblem,
  registerAndLogin,
  runSql,
} from "./support/accounts";
import { createTestApi, databaseRequests } from "./support/api";
import { auditEvents } from "./support/audit";
import { loadCases } from "./support/cases";
import { type ApiClient, answerOf, ok, read } from "./support/client";
import { postDocument } from "./support/knowledge";

const api = await createTestApi();
const admin = await createAdmin(api);
const DAY_MS = 24 * 60 * 60 * 1000;

type CreateToken = ApiClient["api"]["auth"]["tokens"]["$post"];
type Scope = "mcp" | "read";

/** POST /api/auth/tokens with any body (valid or not), sent raw; the answer typed as the route's. */
async function createTokenRaw(bearer: string, body: unknown) {
  return read(answerOf<CreateToken>(await api.post("/api/auth/tokens", body, { headers: authHeader(bearer) })));
}

/**
 * A new token of `owner` (201 expected): the answer's body, secret included. Each creation checks
 * the password, and an account may check it 5 times a minute: no test makes more for one account.
 */
async function newToken(owner: LoggedIn, scopes: Scope[] = ["read"], expiresInDays?: number) {
  const json = {
    name: `token ${crypto.randomUUID().slice(0, 8)}`,
    scopes,
    ...(expiresInDays ? { expires_in_days: expiresInDays } : {}),
    password: owner.password,
  };
  return ok(await read(api.client.api.auth.tokens.$post({ json }, { headers: authHeader(owner.tokens.access_token) })), 201).body;
}

function listTokens(bearer: string) {
  return read(api.client.api.auth.tokens.$get({}, { headers: authHeader(bearer) }));
}

function revoke(bearer: string, id: string) {
  return read(api.client.api.auth.tokens[":id"].$delete({ param: { id } }, { headers: authHeader(bearer) }));
}

function me(bearer: string) {
  return read(api.client.api.auth.me.$get({}, { headers: authHeader(bearer) }));
}

async function storedTokens(userId: string) {
  return runSql(api, "select token_hash, revoked_at from personal_access_tokens where user_id = $1", [userId]);
}

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

describe("POST /api/auth/tokens", () => {
  it("answers 201 with a tap_ secret of 32 random bytes, shown once and stored only as its SHA-256", async () => {
    const owner = await registerAndLogin(api);
    const started = Date.now();
    const created = await newToken(owner, ["read", "mcp"], 30);
    expect(Object.keys(created).sort()).toEqual(["created_at", "expires_at", "id", "last_used_at", "name", "scopes", "token"]);
    expect(created.token).toMatch(/^tap_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(["read", "mcp"]);
    expect(created.last_used_at).toBeNull();
    const expiresAt = Date.parse(created.expires_at);
    expect(expiresAt).toBeGreaterThanOrEqual(started + 30 * DAY_MS - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS + 1000);

    const rows = await runSql(api, "select * from personal_access_tokens where user_id = $1", [owner.user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(await sha256Hex(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(4));

    const second = await newToken(owner);
    expect(second.token).not.toBe(created.token);
    expect(second.id).not.toBe(created.id);
  });

  it("expires in 90 days unless told otherwise", async () => {
    const created = await newToken(await registerAndLogin(api));
    expect(Math.round((Date.parse(created.expires_at) - Date.parse(created.created_at)) / DAY_MS)).toBe(90);
  });

  it.each([
    ["no scope", { name: "x", scopes: [] }, "body.scopes"],
    ["an unknown scope", { name: "x", scopes: ["admin"] }, "body.scopes.0"],
    ["a repeated scope", { name: "x", scopes: ["read", "read"] }, "body.scopes"],
    ["four scopes", { name: "x", scopes: ["read", "mcp", "workspace", "read"] }, "body.scopes"],
    ["no name", { scopes: ["read"] }, "body.name"],
    ["an empty name", { name: "  ", scopes: ["read"] }, "body.name"],
    ["a name with control characters", { name: "a\u0007b", scopes: ["read"] }, "body.name"],
    ["a name over 100 characters", { name: "n".repeat(101), scopes: ["read"] }, "body.name"],
    ["0 days", { name: "x", scopes: ["read"], expires_in_days: 0 }, "body.expires_in_days"],
    ["366 days", { name: "x", scopes: ["read"], expires_in_days: 366 }, "body.expires_in_days"],
    ["fractional days", { name: "x", scopes: ["read"], expires_in_days: 1.5 }, "body.expires_in_days"],
    ["an unknown field", { name: "x", scopes: ["read"], owner: "someone-else" }, "body.owner"],
  ])("refuses %s with a 400 naming the field, and creates nothing", async (_case, body, path) => {
    const owner = await registerAndLogin(api);
    const { res, body: problem } = await createTokenRaw(owner.tokens.access_token, body);
    expectProblem(res, problem, 400, "validation_error");
    expect(problem.errors.map((error) => error.path)).toContain(path);
    expect(await storedTokens(owner.user.id)).toEqual([]);
  });

  it(`allows 20 live tokens; the 21st is a 409 until one is revoked or expires`, async () => {
    const owner = await registerAndLogin(api);
    // 19 made with SQL: the password check allows 5 creations a minute per account.
    const seeded = await runSql(
      api,
      `insert into personal_access_tokens (user_id, name, scopes, token_hash, expires_at)
       select $1, 'seeded ' || i, array['read'], md5(random()::text || i), now() + interval '90 days' from generate_series(1, 19) i
       returning id`,
      [owner.user.id],
    );
    const tokens = [{ id: seeded[0][0] as string }, { id: seeded[1][0] as string }];
    await newToken(owner);
    const refused = await createTokenRaw(owner.tokens.access_token, { name: "one more", scopes: ["read"], password: owner.password });
    expectProblem(refused.res, refused.body, 409, "token_limit_reached");
    expect(await storedTokens(owner.user.id)).toHaveLength(20);

    expect((await revoke(owner.tokens.access_token, tokens[0].id)).res.status).toBe(204);
    await newToken(owner);
    const again = await createTokenRaw(owner.tokens.access_token, { name: "x", scopes: ["read"], password: owner.password });
    expectProblem(again.res, again.body, 409, "token_limit_reached");

    await runSql(api, "update personal_access_tokens set expires_at = now() - interval '1 second' where id = $1", [tokens[1].id]);
    await newToken(owner);
    // Another account's limit is its own.
    await newToken(await registerAndLogin(api));
  });

  it("is audited (create and revoke) with the token id and scopes, never the secret or its hash", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner, ["mcp"]);
    await revoke(owner.tokens.access_token, created.id);
    const events = await auditEvents(api, admin.tokens.access_token, { user_id: owner.user.id });
    expect(events.map(({ action, target, outcome }) => ({ action, target, outcome }))).toEqual(
      expect.arrayContaining([
        { action: "auth.token_create", target: `token:${created.id}`, outcome: "success" },
        { action: "auth.token_revoke", target: `token:${created.id}`, outcome: "success" },
      ]),
    );
    expect(events.find((event) => event.action === "auth.token_create")?.detail).toEqual({ scopes: ["mcp"] });
    const text = JSON.stringify(events);
    expect(text).not.toContain(created.token.slice(4));
    expect(text).not.toContain(await sha256Hex(created.token));
  });
});

describe("GET /api/auth/tokens", () => {
  it("lists the caller's live tokens, newest first, without the secret; never another user's or a revoked or expired one", async () => {
    const owner = await registerAndLogin(api);
    const other = await registerAndLogin(api);
    const first = await newToken(owner, ["read"]);
    const second = await newToken(owner, ["mcp"]);
    const revoked = await newToken(owner);
    const expired = await newToken(owner);
    await newToken(other);
    await revoke(owner.tokens.access_token, revoked.id);
    await runSql(api, "update personal_access_tokens set expires_at = now() - interval '1 second' where id = $1", [expired.id]);

    const { body } = ok(await listTokens(owner.tokens.access_token), 200);
    expect(body.tokens.map((token) => token.id)).toEqual([second.id, first.id]);
    const { token: _secret, ...listed } = first;
    expect(body.tokens[1]).toEqual(listed);
    const text = JSON.stringify(body);
    expect(text).not.toContain("tap_");
    expect(text).not.toContain(await sha256Hex(first.token));
  });

  it("shows when a token was last used", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner);
    ok(await me(created.token), 200);
    const [listed] = ok(await listTokens(owner.tokens.access_token), 200).body.tokens;
    expect(Date.parse(listed.last_used_at ?? "")).toBeGreaterThanOrEqual(Date.parse(created.created_at));
  });
});

describe("DELETE /api/auth/tokens/{id}", () => {
  it("revokes the token: refused from the next request, again is harmless", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner);
    ok(await me(created.token), 200);
    expect((await revoke(owner.tokens.access_token, created.id)).res.status).toBe(204);
    const { res, body } = await me(created.token);
    expectProblem(res, body, 401, "unauthorized");
    expect(body.detail).toMatch(/revoked/);
    expect((await revoke(owner.tokens.access_token, created.id)).res.status).toBe(204);
  });

  it("answers 404 for another user's token, exactly as for an unknown id, and leaves it working", async () => {
    const owner = await registerAndLogin(api);
    const intruder = await registerAndLogin(api);
    const created = await newToken(owner);
    const theirs = await revoke(intruder.tokens.access_token, created.id);
    const unknown = await revoke(intruder.tokens.access_token, crypto.randomUUID());
    expectProblem(theirs.res, theirs.body, 404, "not_found");
    expectProblem(unknown.res, unknown.body, 404, "not_found");
    expect(theirs.body.detail).toBe(unknown.body.detail);
    ok(await me(created.token), 200);
  });

  it("refuses an id that is not a UUID with a 400", async () => {
    const owner = await registerAndLogin(api);
    const { res, body } = await revoke(owner.tokens.access_token, "1 or 1=1");
    expectProblem(res, body, 400, "validation_error");
  });
});

describe("a personal token on the API", () => {
  it("acts with its owner's current role and verification", async () => {
    const therapist = await registerAndLogin(api, { role: "therapist", license_type: "LMFT", license_number: "L-9", license_state: "CA" });
    const created = await newToken(therapist);
    expect(ok(await me(created.token), 200).body).toMatchObject({ id: therapist.user.id, role: "therapist", is_verified: false });
    ok(await adminUpdateUser(api, admin.tokens.access_token, therapist.user.id, { is_verified: true, role: "psychologist" }), 200);
    expect(ok(await me(created.token), 200).body).toMatchObject({ role: "psychologist", is_verified: true });
  });

  it("stops working on the owner's deactivation, and works again on reactivation", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner);
    ok(await adminUpdateUser(api, admin.tokens.access_token, owner.user.id, { is_active: false }), 200);
    const { res, body } = await me(created.token);
    expectProblem(res, body, 401, "unauthorized");
    expect(body.detail).toMatch(/deactivated/);
    ok(await adminUpdateUser(api, admin.tokens.access_token, owner.user.id, { is_active: true }), 200);
    ok(await me(created.token), 200);
  });

  it("is refused (401) once expired", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner);
    await runSql(api, "update personal_access_tokens set expires_at = now() - interval '1 second' where id = $1", [created.id]);
    const { res, body } = await me(created.token);
    expectProblem(res, body, 401, "unauthorized");
    expect(body.detail).toMatch(/expired/);
  });

  it("is refused (401) when unknown or altered, with WWW-Authenticate", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner);
    const altered = `${created.token.slice(0, -1)}${created.token.endsWith("A") ? "B" : "A"}`;
    for (const bearer of [altered, "tap_", `tap_${"x".repeat(43)}`]) {
      const { res, body } = await me(bearer);
      expectProblem(res, body, 401, "unauthorized");
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    }
  });

  it("stops working when its owner changes password", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner);
    const changed = await read(
      api.client.api.auth["change-password"].$post(
        { json: { current_password: DEFAULT_PASSWORD, new_password: "N3w-Password!x" } },
        { headers: authHeader(owner.tokens.access_token) },
      ),
    );
    expect(changed.res.status).toBe(204);
    const after = await me(created.token);
    expectProblem(after.res, after.body, 401, "unauthorized");
  });

  it("costs one database round trip on GET /me (its last use is written after the response, at most once a minute)", async () => {
    const owner = await registerAndLogin(api);
    const created = await newToken(owner);
    let before = await databaseRequests(api.database);
    ok(await me(created.token), 200);
    expect((await databaseRequests(api.database)) - before).toBe(2);
    before = await databaseRequests(api.database);
    ok(await me(created.token), 200);
    expect((await databaseRequests(api.database)) - before).toBe(1);
  });

  describe("with scope read", () => {
    let therapist: LoggedIn;
    let reader: { token: string };
    let mcpOnly: { token: string };
    let bothScopes: { token: string };
    let documentId: string;

    beforeAll(async () => {
      therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
      reader = await newToken(therapist, ["read"]);
      mcpOnly = await newToken(therapist, ["mcp"]);
      bothScopes = await newToken(therapist, ["read", "mcp"]);
      await loadCases();
      const document = await postDocument(api, admin.tokens.access_token, {
        type: "reference",
        title: "Token scope reference",
        content: "Sleep hygiene notes for token scope tests.",
      });
      documentId = ((await document.json()) as { id: string }).id;
    });

    const readRoutes = [
      "/api/auth/me",
      "/api/v1/knowledge/disorders",
      "/api/v1/knowledge/types",
      "/api/v1/knowledge/documents/{document}",
      "/api/v1/search/knowledge?q=sleep%20hygiene",
      "/api/v1/synthetic-cases?limit=2",
    ];

    it.each(readRoutes)("reads %s; a token without read gets 403 insufficient_scope", async (route) => {
      const path = route.replace("{document}", documentId);
      const { res, body } = await api.get(path, { headers: authHeader(reader.token) });
      expect(res.status, JSON.stringify(body)).toBe(200);
      const refused = await api.get(path, { headers: authHeader(mcpOnly.token) });
      expectProblem(refused.res, refused.body, 403, "insufficient_scope");
      expect(refused.res.headers.get("WWW-Authenticate")).toContain('error="insufficient_scope"');
    });

    it("reads a synthetic case and finds the document it searched for", async () => {
      const { body: list } = ok(
        await read(api.client.api.v1["synthetic-cases"].$get({ query: {} }, { headers: authHeader(reader.token) })),
        200,
      );
      const caseId = list.cases[0].case_id;
      const { body: one } = ok(
        await read(
          api.client.api.v1["synthetic-cases"][":case_id"].$get({ param: { case_id: caseId } }, { headers: authHeader(reader.token) }),
        ),
        200,
      );
      expect(one.case_id).toBe(caseId);
      const { body: found } = ok(
        await read(api.client.api.v1.search.knowledge.$get({ query: { q: "token scope tests" } }, { headers: authHeader(reader.token) })),
        200,
      );
      expect(found.results.map((hit) => hit.id)).toContain(documentId);
    });

    it("search with a token is refused once the owner is deactivated", async () => {
      const owner = await registerAndLogin(api);
      const created = await newToken(owner);
      ok(await adminUpdateUser(api, admin.tokens.access_token, owner.user.id, { is_active: false }), 200);
      const { res, body } = await api.get("/api/v1/search/knowledge?q=sleep", { headers: authHeader(created.token) });
      expectProblem(res, body, 401, "unauthorized");
    });

    const writeOrModelRoutes: Array<[string, string, unknown?]> = [
      ["PATCH", "/api/auth/me", { first_name: "Mallory" }],
      ["POST", "/api/auth/tokens", { name: "chained", scopes: ["read"], password: DEFAULT_PASSWORD }],
      ["GET", "/api/auth/tokens"],
      ["POST", "/api/auth/change-password", { current_password: DEFAULT_PASSWORD, new_password: "Chang3d-Password!" }],
      ["POST", "/api/auth/logout"],
      ["GET", "/api/auth/me/export"],
      ["GET", "/api/auth/me/audit-events"],
      ["DELETE", "/api/auth/me", { password: DEFAULT_PASSWORD }],
      ["GET", "/api/v1/rag/diagnose?symptoms=worry%20and%20poor%20sleep"],
      ["GET", "/api/admin/users"],
      ["POST", "/api/v1/assessments/phq9", { responses: [0, 0, 0, 0, 0, 0, 0, 0, 0] }],
    ];

    it.each(writeOrModelRoutes)("is refused on %s %s (403 insufficient_scope), which changes nothing", async (method, path, body) => {
      const res = await api.fetch(path, {
        method,
        headers: { ...authHeader(bothScopes.token), "Content-Type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const problem = await readProblem(res, 403, "insufficient_scope");
      expect(problem.detail).toMatch(/Personal access tokens are not accepted on this route/);
      expect(ok(await me(therapist.tokens.access_token), 200).body).toMatchObject({ first_name: therapist.user.first_name });
      ok(await me(bothScopes.token), 200);
    });
  });
});

describe("mcpAccess (the MCP server's guard)", () => {
  // The guard on a route of its own, as the MCP server mounts it: what it puts on c.var.account.
  const probe = new Hono<AppEnv>()
    .use(requestContext)
    .get("/probe", ...mcpAccess, (c: import("hono").Context<AppEnv & Authorized>) =>
      c.json({ user: toUser(c.var.account), via: c.var.credential.kind }),
    );
  probe.onError(handleError);

  async function callProbe(bearer: string) {
    const ctx = createExecutionContext();
    const res = await probe.fetch(new Request("http://api.test/probe", { headers: authHeader(bearer) }), api.env, ctx);
    await waitOnExecutionContext(ctx);
    return { res, body: (await res.json()) as { user?: { id: string; role: string }; via?: string; code?: string } };
  }

  it("sets the owner's account for a token with scope mcp, and for an access token", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const viaToken = await callProbe((await newToken(therapist, ["mcp"])).token);
    expect(viaToken.res.status).toBe(200);
    expect(viaToken.body).toMatchObject({ user: { id: therapist.user.id, role: "therapist" }, via: "personal_token" });
    const viaLogin = await callProbe(therapist.tokens.access_token);
    expect(viaLogin.body).toMatchObject({ user: { id: therapist.user.id }, via: "access_token" });
  });

  it("refuses a read-only token (403), a revoked or expired one (401), and no token (401)", async () => {
    const owner = await registerAndLogin(api);
    expect((await callProbe((await newToken(owner, ["read"])).token)).body).toMatchObject({ code: "insufficient_scope" });
    const revoked = await newToken(owner, ["mcp"]);
    await revoke(owner.tokens.access_token, revoked.id);
    expect((await callProbe(revoked.token)).res.status).toBe(401);
    const expired = await newToken(owner, ["mcp"]);
    await runSql(api, "update personal_access_tokens set expires_at = now() where id = $1", [expired.id]);
    expect((await callProbe(expired.token)).res.status).toBe(401);
    const anonymous = await probe.fetch(new Request("http://api.test/probe"), api.env, createExecutionContext());
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
  });
});
