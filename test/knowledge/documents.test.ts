/**
 * The admin's knowledge documents: indexing JSON and uploaded files (stored in R2, chunked,
 * embedded when a key is configured, searchable at once; the admin's type and title over a
 * file's own), bad documents refused with nothing stored, deletion with everything it indexed,
 * atomicity when the database fails mid-ingestion, and re-embedding a database seeded offline.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createAdmin, errorsAt, expectProblem, runSql, uniqueSuffix } from "../support/accounts";
import { createTestApi, databaseRequests, setDatabaseFault } from "../support/api";
import { ok } from "../support/client";
import { loadCorpus } from "../support/corpus";
import { scriptOpenAi } from "../support/openai-stub";
import {
  adminToken,
  api,
  as,
  createJson,
  deleteDocument,
  expectNothingLeftBehind,
  getDocument,
  offline,
  reembed,
  rowCounts,
  search,
  uniqueWord,
  upload,
} from "./fixtures";

// --- ingestion -------------------------------------------------------------------------------

describe("POST /api/v1/knowledge/documents (admin)", () => {
  it("indexes a JSON document: stored in R2, chunked, embedded and searchable right away", async () => {
    const word = uniqueWord();
    const title = `Behavioural activation protocol ${uniqueSuffix()}`;
    const content = `## Overview\n\nBehavioural activation schedules valued activities; the ${word} worksheet tracks them.\n\n## Steps\n\nMonitor activity, rate mood, schedule, review.`;
    const { body } = ok(
      await createJson({
        type: "treatment_guideline",
        title,
        content,
        disorder: "Major Depressive Disorder",
        dsm5_code: "F32.1",
        evidence_level: "A",
      }),
      201,
    );
    expect(body).toEqual({
      id: expect.any(String),
      object_key: expect.stringMatching(/^knowledge\/treatment_guideline\/behavioural-activation-protocol-[a-z0-9-]+\.json$/),
      chunks: expect.any(Number),
      embedded: true,
    });
    expect(body.chunks).toBeGreaterThanOrEqual(1);

    const object = await env.STORAGE.get(body.object_key);
    expect(object).not.toBeNull();
    expect(object!.customMetadata?.document_id).toBe(body.id);
    expect(JSON.parse(await object!.text())).toMatchObject({ title, content });

    const [[chunks, embedded]] = await runSql(
      api,
      "select count(*)::int, count(embedding)::int from knowledge_chunks where document_id = $1",
      [body.id],
    );
    expect(Number(chunks)).toBe(body.chunks);
    expect(Number(embedded)).toBe(body.chunks);

    for (const client of [api, offline]) {
      const found = ok(await search(client, { q: word }), 200);
      expect(found.body.results[0]).toMatchObject({ id: body.id, title, type: "treatment_guideline" });
    }
    const document = ok(await getDocument(body.id), 200);
    expect(document.body).toMatchObject({
      id: body.id,
      title,
      content,
      disorder: "Major Depressive Disorder",
      dsm5_code: "F32.1",
      evidence_level: "A",
      object_key: body.object_key,
    });
  });

  it("indexes a JSON document without embeddings when no AI key is configured", async () => {
    const { body } = ok(
      await createJson(
        { type: "reference", title: `Offline note ${uniqueSuffix()}`, content: "Indexed for lexical search only." },
        adminToken,
        offline,
      ),
      201,
    );
    expect(body.embedded).toBe(false);
    const [[embedded]] = await runSql(api, "select count(embedding)::int from knowledge_chunks where document_id = $1", [body.id]);
    expect(Number(embedded)).toBe(0);
  });

  it("indexes an uploaded markdown file with front matter", async () => {
    const word = uniqueWord();
    const markdown = `---\ntype: clinical_guideline\ntitle: Sleep diary review: a how-to\ndisorder: Insomnia Disorder\ndsm5_code: F51.01\ncategory: Sleep-wake disorders\n---\n\n## Purpose\n\nReview the ${word} sleep diary weekly.\n\n## Method\n\nCompute sleep efficiency.\n`;
    const { body } = ok(await upload(new File([markdown], "sleep-diary.md", { type: "text/markdown" })), 201);
    expect(body).toMatchObject({
      object_key: expect.stringMatching(/^knowledge\/clinical_guideline\/sleep-diary-review-a-how-to-[a-z0-9]+\.md$/),
      embedded: true,
    });
    expect(body.chunks).toBeGreaterThanOrEqual(1);

    const document = ok(await getDocument(body.id), 200);
    expect(document.body).toMatchObject({
      type: "clinical_guideline",
      title: "Sleep diary review: a how-to",
      disorder: "Insomnia Disorder",
      dsm5_code: "F51.01",
      category: "Sleep-wake disorders",
    });
    expect(document.body.content).toContain(word);
    expect(document.body.content).not.toContain("dsm5_code:");
    // The file is stored unchanged.
    const object = await env.STORAGE.get(body.object_key);
    expect(await object!.text()).toBe(markdown);
    expect(object!.httpMetadata?.contentType).toMatch(/^text\/markdown/);
    expect(ok(await search(offline, { q: word }), 200).body.results[0].id).toBe(body.id);
  });

  it("indexes an uploaded text file with type and title from the form fields", async () => {
    const word = uniqueWord();
    const title = `Relapse prevention plan ${uniqueSuffix()}`;
    const { body } = ok(
      await upload(new File([`Warning signs and ${word} coping steps.`], "plan.txt", { type: "text/plain" }), { type: "reference", title }),
      201,
    );
    expect(body.object_key).toMatch(/^knowledge\/reference\/relapse-prevention-plan-[a-z0-9-]+\.txt$/);
    const document = ok(await getDocument(body.id), 200);
    expect(document.body).toMatchObject({ type: "reference", title, content: `Warning signs and ${word} coping steps.` });
    expect(ok(await search(offline, { q: word, type: "reference" }), 200).body.results[0].id).toBe(body.id);
  });

  it.each([
    ["without a title", { type: "reference", content: "Some content." }, "body.title"],
    ["with an empty title", { type: "reference", title: "  ", content: "Some content." }, "body.title"],
    ["without content", { type: "reference", title: "No content" }, "body.content"],
    ["with empty content", { type: "reference", title: "No content", content: " \n " }, "body.content"],
    ["with an unknown type", { type: "gossip", title: "Bad type", content: "Some content." }, "body.type"],
  ])("rejects a JSON document %s with 400, storing nothing", async (_label, document, path) => {
    await expectNothingLeftBehind(async () => {
      const { res, body } = await createJson(document);
      expectProblem(res, body, 400, "validation_error");
      expect(errorsAt(body, path).length, JSON.stringify(body)).toBeGreaterThan(0);
    });
  });

  it("keeps the admin's type and title over an uploaded file's own front matter", async () => {
    const word = uniqueWord();
    const title = `Admin's title ${uniqueSuffix()}`;
    const markdown = `---\ntype: dsm5_criteria\ntitle: The file's own title\ndsm5_code: F32.1\n---\n\n## Notes\n\nThe ${word} handout.\n`;
    const { body } = ok(await upload(new File([markdown], "handout.md", { type: "text/markdown" }), { type: "reference", title }), 201);
    expect(body.object_key).toMatch(/^knowledge\/reference\//);
    expect(ok(await getDocument(body.id), 200).body).toMatchObject({ type: "reference", title, dsm5_code: "F32.1" });
  });

  it("refuses a document that names more than 20 other codes with 400, storing nothing", async () => {
    const codes = Array.from({ length: 21 }, (_, i) => `F${10 + i}.0`);
    await expectNothingLeftBehind(async () => {
      const { res, body } = await createJson({
        type: "reference",
        title: "Every code",
        content: "Claims to be about everything.",
        other_codes: codes,
      });
      expectProblem(res, body, 400, "validation_error");
      expect(errorsAt(body, "body.other_codes").length, JSON.stringify(body)).toBeGreaterThan(0);
    });
  });

  it("rejects an uploaded markdown file without a title with 400, storing nothing", async () => {
    await expectNothingLeftBehind(async () => {
      const { res, body } = await upload(new File(["## Just a heading\n\nNo front matter, no title field."], "untitled.md"), {
        type: "reference",
      });
      expectProblem(res, body, 400, "validation_error");
      expect(errorsAt(body, "body.title").length, JSON.stringify(body)).toBeGreaterThan(0);
    });
  });

  it("rejects an upload with an unsupported extension with 415, storing nothing", async () => {
    await expectNothingLeftBehind(async () => {
      const { res, body } = await upload(new File(["%PDF-1.7 not really"], "guideline.pdf", { type: "application/pdf" }), {
        type: "reference",
        title: "A PDF",
      });
      expectProblem(res, body, 415, "unsupported_media_type");
    });
  });
  it("DELETE removes the rows (chunks and postings cascade) and the R2 object → 204, then 404", async () => {
    const word = uniqueWord();
    const synonym = uniqueWord();
    const created = ok(
      await createJson({
        type: "reference",
        title: `Short-lived ${uniqueSuffix()}`,
        content: `## One\n\n${word} first part.\n\n## Two\n\nSecond part.`,
        synonyms: [`${synonym} in everyday words`],
      }),
      201,
    );
    const { id, object_key } = created.body;
    expect(created.body.chunks).toBe(3);
    expect(await env.STORAGE.head(object_key)).not.toBeNull();
    // The per-lexeme chunk counts search selects its terms by follow the chunks in and out.
    const lexemeCount = async () =>
      (
        await runSql(api, "select chunks from knowledge_lexemes where lexeme = any(tsvector_to_array(to_tsvector('english', $1)))", [word])
      ).map(([chunks]) => Number(chunks));
    expect(await lexemeCount()).toEqual([1]);
    // And so do the postings search reads its terms' chunks from: the word stands in one chunk, in its body.
    const postings = async (term = word) =>
      await runSql(
        api,
        "select document_id, in_heading::text, in_synonyms::text from knowledge_postings where lexeme = any(tsvector_to_array(to_tsvector('english', $1)))",
        [term],
      );
    expect(await postings()).toEqual([[id, "false", "false"]]);
    // A synonym stands in the document's synonyms chunk, which search weighs more.
    expect(await postings(synonym)).toEqual([[id, "false", "true"]]);

    const removed = await api.fetch(`/api/v1/knowledge/documents/${id}`, as(adminToken, { method: "DELETE" }));
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe("");

    const [[documents, chunks]] = await runSql(
      api,
      "select (select count(*) from knowledge_documents where id = $1)::int, (select count(*) from knowledge_chunks where document_id = $1)::int",
      [id],
    );
    expect([Number(documents), Number(chunks)]).toEqual([0, 0]);
    expect(await lexemeCount()).toEqual([]);
    expect(await postings()).toEqual([]);
    expect(await postings(synonym)).toEqual([]);
    expect(await env.STORAGE.head(object_key)).toBeNull();
    const gone = await getDocument(id);
    expectProblem(gone.res, gone.body, 404, "not_found");
    expect(ok(await search(offline, { q: word }), 200).body.results).toEqual([]);

    const again = await deleteDocument(id);
    expectProblem(again.res, again.body, 404, "not_found");
    const malformed = await deleteDocument("nope");
    expectProblem(malformed.res, malformed.body, 400, "validation_error");
  });
});

// --- atomicity -------------------------------------------------------------------------------

describe("ingestion when the database fails", () => {
  it("answers 503 and leaves no R2 object and no rows when the database dies mid-ingestion", async () => {
    const flaky = await createTestApi();
    const flakyAdmin = await createAdmin(flaky);
    // Hold the request in its embeddings call, after the auth guard's user lookup and before the
    // R2 put and the database batch, and take the database down in that window.
    await scriptOpenAi(flaky.openaiKey, { embeddings: [{ delay_ms: 1_000 }] });
    const title = `Doomed document ${uniqueSuffix()}`;

    await expectNothingLeftBehind(async () => {
      const before = await databaseRequests(flaky.database);
      const pending = createJson(
        { type: "reference", title, content: "## Part\n\nThis never gets indexed." },
        flakyAdmin.tokens.access_token,
        flaky,
      );
      try {
        const deadline = Date.now() + 5_000;
        while ((await databaseRequests(flaky.database)) === before && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await databaseRequests(flaky.database)).toBe(before + 1);
        await setDatabaseFault(flaky.database, "down");
        const { res, body } = await pending;
        expectProblem(res, body, 503, "database_unavailable");
        expect(res.headers.get("Retry-After")).toBeTruthy();
      } finally {
        await setDatabaseFault(flaky.database, "none");
      }
    }, flaky);

    // The database is back: nothing was half-written, and the same document now goes in whole.
    const retry = ok(
      await createJson({ type: "reference", title, content: "## Part\n\nThis gets indexed." }, flakyAdmin.tokens.access_token, flaky),
      201,
    );
    expect(await rowCounts(flaky)).toEqual({ documents: 1, chunks: retry.body.chunks });
  });

  it("answers 503 without storing anything when the database is down from the start", async () => {
    const flaky = await createTestApi();
    const flakyAdmin = await createAdmin(flaky);
    await expectNothingLeftBehind(async () => {
      await setDatabaseFault(flaky.database, "down");
      try {
        const { res, body } = await createJson(
          { type: "reference", title: "Never", content: "Never." },
          flakyAdmin.tokens.access_token,
          flaky,
        );
        expectProblem(res, body, 503, "database_unavailable");
      } finally {
        await setDatabaseFault(flaky.database, "none");
      }
    }, flaky);
  });
});

// --- re-embedding ----------------------------------------------------------------------------

describe("POST /api/v1/knowledge/reembed (admin)", () => {
  it("embeds the chunks of a database seeded offline until none remain; search becomes hybrid", async () => {
    const seeded = await createTestApi();
    const seededOffline = await createTestApi({ OPENAI_API_KEY: "" }, { database: seeded.database });
    await loadCorpus(seeded);
    const seededAdmin = await createAdmin(seeded);
    const token = seededAdmin.tokens.access_token;

    const [[total, missing]] = await runSql(
      seeded,
      "select count(*)::int, count(*) filter (where embedding is null)::int from knowledge_chunks",
    );
    expect(Number(total)).toBeGreaterThan(0);
    expect(Number(missing)).toBe(Number(total));
    expect(ok(await search(seededOffline, { q: "worry" }, token), 200).body.mode).toBe("lexical");

    const refused = await reembed(seededOffline, token);
    expectProblem(refused.res, refused.body, 503, "ai_not_configured");
    expect(refused.res.headers.get("Retry-After")).toBeTruthy();

    let embedded = 0;
    let remaining = Number(missing);
    // Each call embeds at most 64 chunks (embedMissingChunks): the loop must end after that many calls.
    const maxCalls = Math.ceil(Number(missing) / 64);
    for (let call = 0; remaining > 0; call++) {
      expect(call).toBeLessThan(maxCalls);
      const { body } = ok(await reembed(seeded, token), 200);
      expect(body).toEqual({ embedded: expect.any(Number), remaining: expect.any(Number) });
      expect(body.embedded).toBeGreaterThan(0);
      expect(body.remaining).toBe(remaining - body.embedded);
      embedded += body.embedded;
      remaining = body.remaining;
    }
    expect(embedded).toBe(Number(total));

    const [[stillMissing]] = await runSql(seeded, "select count(*)::int from knowledge_chunks where embedding is null");
    expect(Number(stillMissing)).toBe(0);
    // Nothing left to do: a further call embeds nothing.
    expect(ok(await reembed(seeded, token), 200).body).toEqual({ embedded: 0, remaining: 0 });

    const { body } = ok(await search(seeded, { q: "excessive worry more days than not" }, token), 200);
    expect(body.mode).toBe("hybrid");
    expect(body.results.length).toBeGreaterThan(0);
  });

  it.each([
    ["keeps failing", { status: 500 }, 502, "ai_upstream_error"],
    ["keeps rate limiting", { status: 429, retry_after: 1 }, 503, "ai_rate_limited"],
  ])("answers a provider that %s with a 5xx problem and embeds nothing", async (_label, reply, status, code) => {
    const own = await createTestApi();
    const ownOffline = await createTestApi({ OPENAI_API_KEY: "" }, { database: own.database });
    const token = (await createAdmin(own)).tokens.access_token;
    expect(
      (
        await createJson(
          { type: "reference", title: `Unembedded ${uniqueSuffix()}`, content: "## Part\n\nIndexed offline." },
          token,
          ownOffline,
        )
      ).res.status,
    ).toBe(201);
    // The SDK retries twice: three failures exhaust it.
    await scriptOpenAi(own.openaiKey, { embeddings: [1, 2, 3].map(() => reply) });

    const { res, body } = await reembed(own, token);
    expectProblem(res, body, status, code);
    const [[missing]] = await runSql(own, "select count(*)::int from knowledge_chunks where embedding is null");
    expect(Number(missing)).toBeGreaterThan(0);
  });
});
