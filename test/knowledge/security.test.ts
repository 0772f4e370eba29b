/**
 * Who may use the knowledge base and where an import may reach: reading needs a token; adding,
 * importing, deleting and re-embedding are for admins only; an import goes only to the hosts of
 * IMPORT_ALLOWED_HOSTS when it is set, and in production never to plain HTTP, loopback, private,
 * link-local or metadata addresses in any of their IPv4, IPv6 or trailing-dot forms.
 */
import { describe, expect, it } from "vitest";
import { authHeader, errorsAt, expectProblem, readProblem } from "../support/accounts";
import { createTestApi } from "../support/api";
import { answerOf, ok, read } from "../support/client";
import { FIXTURE_DOCUMENT_URL } from "../support/openai-stub";
import {
  api,
  createJson,
  deleteDocument,
  expectNothingLeftBehind,
  fixtureUrl,
  gadId,
  importUrl,
  type Knowledge,
  reembed,
  therapist,
  upload,
  userToken,
} from "./fixtures";

// --- reading ---------------------------------------------------------------------------------

describe("reading the knowledge base", () => {
  it.each([
    "/api/v1/knowledge/disorders",
    "/api/v1/knowledge/types",
    `/api/v1/knowledge/documents/${crypto.randomUUID()}`,
    "/api/v1/search/knowledge?q=anxiety",
  ])("GET %s needs a token (401 without)", async (path) => {
    await readProblem(await api.fetch(path), 401, "unauthorized");
    await readProblem(await api.fetch(path, { headers: authHeader("not.a.token") }), 401, "unauthorized");
  });
});

// --- ingestion -------------------------------------------------------------------------------

describe("POST /api/v1/knowledge/documents (admin)", () => {
  it("is for admins only: 403 for a student and a verified therapist, 401 without a token", async () => {
    for (const token of [userToken, therapist.tokens.access_token]) {
      await expectNothingLeftBehind(async () => {
        const created = await createJson({ type: "reference", title: "Not allowed", content: "Nope." }, token);
        expectProblem(created.res, created.body, 403, "forbidden");
        const uploaded = await upload(new File(["Nope."], "nope.txt"), { type: "reference", title: "Not allowed" }, token);
        expectProblem(uploaded.res, uploaded.body, 403, "forbidden");
        const imported = await importUrl({ url: fixtureUrl({}), type: "reference" }, api, token);
        expectProblem(imported.res, imported.body, 403, "forbidden");
        const removed = await deleteDocument(gadId, token);
        expectProblem(removed.res, removed.body, 403, "forbidden");
        const reembedded = await reembed(api, token);
        expectProblem(reembedded.res, reembedded.body, 403, "forbidden");
      });
    }
    const anonymous = await read(
      answerOf<Knowledge["documents"]["$post"]>(
        await api.post("/api/v1/knowledge/documents", { type: "reference", title: "x", content: "y" }),
      ),
    );
    expectProblem(anonymous.res, anonymous.body, 401, "unauthorized");
  });
});

// --- import ----------------------------------------------------------------------------------

describe("POST /api/v1/knowledge/import (admin)", () => {
  describe("with IMPORT_ALLOWED_HOSTS", () => {
    it("refuses a host outside the list with 400 import_host_not_allowed before sending any request", async () => {
      const restricted = await createTestApi(
        { IMPORT_ALLOWED_HOSTS: "guidelines.example.org, www.nice.org.uk" },
        { database: api.database },
      );
      await expectNothingLeftBehind(async () => {
        const { res, body } = await importUrl({ url: fixtureUrl({ title: "Not allowed" }), type: "reference" }, restricted);
        expectProblem(res, body, 400, "import_host_not_allowed");
        expect(body.detail).toContain("guidelines.example.org");
        expect(errorsAt(body, "body.url").length).toBeGreaterThan(0);
      });
    });

    it("imports from a host on the list", async () => {
      const allowed = await createTestApi(
        { IMPORT_ALLOWED_HOSTS: `guidelines.example.org,${new URL(FIXTURE_DOCUMENT_URL).hostname}` },
        { database: api.database },
      );
      ok(await importUrl({ url: fixtureUrl({ title: "Allowed" }), type: "reference" }, allowed), 201);
    });
  });

  describe("in production settings", () => {
    it.each([
      // Loopback on purpose: were the check missing, the request would only reach the test stub.
      ["a plain-HTTP URL", fixtureUrl({})],
      ["a loopback IP", "https://127.0.0.1/x"],
      ["a private IP", "https://10.0.0.1/x"],
      ["localhost", "https://localhost/x"],
      ["the cloud metadata address", "https://169.254.169.254/latest"],
      ["an IPv6 loopback", "https://[::1]/x"],
      ["an IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.1]/x"],
      ["an IPv4-mapped IPv6 metadata address in hex", "https://[::ffff:a9fe:a9fe]/x"],
      ["an IPv4-compatible IPv6 private address", "https://[::10.0.0.1]/x"],
      ["a NAT64 form of a private address", "https://[64:ff9b::10.1.2.3]/x"],
      ["a local-use NAT64 address", "https://[64:ff9b:1::808:808]/x"],
      ["a 6to4 form of the loopback", "https://[2002:7f00:1::]/x"],
      ["a Teredo address", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x"],
      ["a unique-local IPv6 address", "https://[fd12:3456::1]/x"],
      ["the benchmarking range 198.18.0.0/15", "https://198.19.255.1/x"],
      ["a decimal-encoded loopback", "https://2130706433/x"],
      ["localhost with a trailing dot", "https://localhost./x"],
      ["a public name with a trailing dot", "https://example.org./x"],
    ])("refuses %s with 400 invalid_import_url before sending any request", async (_label, url) => {
      const production = await createTestApi({ APP_ENV: "production" }, { database: api.database });
      await expectNothingLeftBehind(async () => {
        const { res, body } = await importUrl({ url, type: "reference", title: "Refused" }, production);
        expectProblem(res, body, 400, "invalid_import_url");
        expect(errorsAt(body, "body.url").length).toBeGreaterThan(0);
      });
    });
  });
});
