/**
 * Importing a knowledge document from a URL (served by the OpenAI stub's `/_fixtures/doc` route):
 * HTML, markdown and JSON, the admin's type and title over the page's own, and each way the
 * page can fail (a binary type, 5 MiB, unreachable, too slow, an HTTP error, bad requests) with
 * nothing stored. Where an import may reach is in security.test.ts.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expectProblem, uniqueSuffix } from "../support/accounts";
import { ok } from "../support/client";
import { expectNothingLeftBehind, fixtureUrl, getDocument, importUrl, offline, search } from "./fixtures";

// --- import ----------------------------------------------------------------------------------

describe("POST /api/v1/knowledge/import (admin)", () => {
  it("imports an HTML page: scripts stripped, entities decoded, title from <title>", async () => {
    const url = fixtureUrl({ type: "text/html; charset=utf-8", title: "Grounding & breathing <basics>" });
    const { body } = ok(await importUrl({ url, type: "clinical_guideline" }), 201);
    expect(body).toMatchObject({
      object_key: expect.stringMatching(/^knowledge\/clinical_guideline\/grounding-breathing-basics-[a-z0-9]+\.html$/),
      embedded: true,
    });
    expect(body.chunks).toBeGreaterThanOrEqual(1);

    const document = ok(await getDocument(body.id), 200).body;
    expect(document).toMatchObject({ type: "clinical_guideline", title: "Grounding & breathing <basics>", source: url });
    expect(document.content).toContain("Grounding techniques");
    expect(document.content).toContain("5–4–3–2–1 technique & paced breathing <slowly>.");
    expect(document.content).toContain('Café "quotes" — done.');
    for (const hidden of ["script-text-must-not-be-indexed", "inline-script-text", "fixtureSecret", "#123456", "<p>", "&amp;"])
      expect(document.content).not.toContain(hidden);

    const object = await env.STORAGE.get(body.object_key);
    expect(object?.httpMetadata?.contentType).toBe("text/html");
    expect(await object!.text()).toContain("<script>");
    expect(ok(await search(offline, { q: "grounding paced breathing", type: "clinical_guideline" }), 200).body.results[0].id).toBe(body.id);
  });

  it("uses the request's title over the page's <title>", async () => {
    const { body } = ok(
      await importUrl({ url: fixtureUrl({ type: "text/html", title: "Page title" }), type: "reference", title: "Chosen title" }),
      201,
    );
    expect(ok(await getDocument(body.id), 200).body.title).toBe("Chosen title");
  });

  it("imports markdown with front matter", async () => {
    const { body } = ok(
      await importUrl({
        url: fixtureUrl({ type: "text/markdown; charset=utf-8", title: "Activation scheduling" }),
        type: "treatment_guideline",
      }),
      201,
    );
    expect(body.object_key).toMatch(/^knowledge\/treatment_guideline\/activation-scheduling-[a-z0-9]+\.md$/);
    const document = ok(await getDocument(body.id), 200).body;
    expect(document).toMatchObject({
      type: "treatment_guideline",
      title: "Activation scheduling",
      category: "Fixtures",
      evidence_level: "B",
    });
    expect(document.content).toContain("behavioural activation");
    expect(document.content).not.toContain("title:");
  });

  it("imports JSON in the document shape", async () => {
    const { body } = ok(
      await importUrl({ url: fixtureUrl({ type: "application/json", title: "Stimulus control" }), type: "treatment_guideline" }),
      201,
    );
    expect(body.object_key).toMatch(/\.json$/);
    const document = ok(await getDocument(body.id), 200).body;
    expect(document).toMatchObject({ type: "treatment_guideline", title: "Stimulus control", category: "Fixtures", evidence_level: "A" });
    expect(document.content).toContain("sleep hygiene and stimulus control");
  });

  it.each([
    ["markdown front matter", "text/markdown; charset=utf-8"],
    ["JSON metadata", "application/json"],
  ])("keeps the admin's type and title over the page's %s, and ignores the codes the page claims", async (_label, type) => {
    const meta = JSON.stringify({
      type: "dsm5_criteria",
      title: "The page's own title",
      dsm5_code: "F41.1",
      icd11_code: "6B00",
      other_codes: ["F32.1", "F43.10", "F42.2"],
    });
    const title = `Admin's import ${uniqueSuffix()}`;
    const { body } = ok(await importUrl({ url: fixtureUrl({ type, title: "Fixture", meta }), type: "reference", title }), 201);
    expect(body.object_key).toMatch(/^knowledge\/reference\//);
    expect(ok(await getDocument(body.id), 200).body).toMatchObject({ type: "reference", title, dsm5_code: null, icd11_code: null });
    // The page is not the exact match for the codes it claimed.
    for (const code of ["F41.1", "F32.1", "F43.10"]) {
      const found = ok(await search(offline, { q: code }), 200);
      expect(found.body.results.map((result) => result.id)).not.toContain(body.id);
    }
  });

  it("refuses a binary content type with 415 unsupported_import_type", async () => {
    await expectNothingLeftBehind(async () => {
      const { res, body } = await importUrl({ url: fixtureUrl({ type: "application/octet-stream" }), type: "reference", title: "Binary" });
      expectProblem(res, body, 415, "unsupported_import_type");
    });
  });

  it.each([
    ["a declared length", "false"],
    ["a chunked body", "true"],
  ])("refuses a 5 MiB page with %s with 413 import_too_large", async (_label, chunked) => {
    await expectNothingLeftBehind(async () => {
      const { res, body } = await importUrl({
        url: fixtureUrl({ type: "text/plain", bytes: 5 * 1024 * 1024, chunked }),
        type: "reference",
        title: "Too large",
      });
      expectProblem(res, body, 413, "import_too_large");
    });
  });

  it("answers 502 upstream_unreachable for a URL nothing listens on", async () => {
    await expectNothingLeftBehind(async () => {
      const { res, body } = await importUrl({ url: "http://127.0.0.1:1/", type: "reference", title: "Unreachable" });
      expectProblem(res, body, 502, "upstream_unreachable");
    });
  });

  // The import's deadline (10 s) covers the headers and the whole body.
  it.each([
    ["never answers", { delay_ms: 15_000 }],
    ["stops sending its body midway", { type: "text/plain", bytes: 256 * 1024, stall: "true" }],
  ])(
    "answers 504 upstream_timeout when the URL %s",
    async (_label, params) => {
      await expectNothingLeftBehind(async () => {
        const { res, body } = await importUrl({ url: fixtureUrl(params), type: "reference", title: "Slow" });
        expectProblem(res, body, 504, "upstream_timeout");
      });
    },
    20_000,
  );

  it("answers 502 upstream_error when the URL answers an HTTP error", async () => {
    await expectNothingLeftBehind(async () => {
      const { res, body } = await importUrl({ url: fixtureUrl({ status: 404 }), type: "reference", title: "Missing" });
      expectProblem(res, body, 502, "upstream_error");
    });
  });

  it.each([
    ["a missing url", { type: "reference" }, "body.url"],
    ["a url that is not a URL", { url: "not a url", type: "reference" }, "body.url"],
    // Loopback fixture URLs: nothing here may send traffic to another host, even if validation broke.
    ["a missing type", { url: fixtureUrl({}) }, "body.type"],
    ["an unknown field", { url: fixtureUrl({}), type: "reference", extra: true }, "body"],
  ])("rejects %s with 400", async (_label, request, path) => {
    const { res, body } = await importUrl(request);
    expectProblem(res, body, 400, "validation_error");
    expect(
      body.errors.some((error) => error.path === path || error.path.startsWith(`${path}.`)),
      JSON.stringify(body),
    ).toBe(true);
  });
});
