/**
 * The clinical knowledge base: reading, search, admin ingestion (JSON and file
 * uploads), atomicity against a failing database, re-embedding a database seeded offline, and
 * importing from a URL (served by the OpenAI stub's `/_fixtures/doc` route).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  authHeader,
  createAdmin,
  createVerifiedTherapist,
  errorsAt,
  expectProblem,
  readProblem,
  registerAndLogin,
  runSql,
  uniqueSuffix,
} from "./support/accounts";
import { createTestApi, databaseRequests, setDatabaseFault, type TestApi } from "./support/api";
import { type ApiClient, answerOf, ok, read } from "./support/client";
import { corpusFiles, loadCorpus } from "./support/corpus";
import { postDocument } from "./support/knowledge";
import { FIXTURE_DOCUMENT_URL, scriptOpenAi, stubStats } from "./support/openai-stub";

// One database with the corpus embedded through the stub; `offline` reads the same data without a key.
const api = await createTestApi();
const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
await loadCorpus(api, { embed: true });
const admin = await createAdmin(api);
const student = await registerAndLogin(api);
const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
const adminToken = admin.tokens.access_token;
const userToken = student.tokens.access_token;

const GAD_TITLE = "Generalized Anxiety Disorder: DSM-5-TR criteria summary";
const GAD_KEY = "knowledge/dsm5_criteria/generalized-anxiety-disorder.md";
const [[gadId]] = (await runSql(api, "select id from knowledge_documents where object_key = $1", [GAD_KEY])) as [[string]];

const corpusKeys = new Set(corpusFiles.map((file) => file.key));

// --- helpers ---------------------------------------------------------------------------------

type Knowledge = ApiClient["api"]["v1"]["knowledge"];
type Search = ApiClient["api"]["v1"]["search"]["knowledge"]["$get"];

function as(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), ...authHeader(token) } };
}

/**
 * A student's token for searching. A user's searches embed at most 10 queries a minute (the AI
 * limit), so every tenth search moves on to a fresh student and each search here stays hybrid.
 */
let searcher = Promise.resolve(userToken);
let searchesBySearcher = 0;
function searcherToken(): Promise<string> {
  if (++searchesBySearcher > 9) {
    searcher = registerAndLogin(api).then((account) => account.tokens.access_token);
    searchesBySearcher = 0;
  }
  return searcher;
}

async function search(client: TestApi, params: Record<string, string | number>, token?: string) {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
  return read(answerOf<Search>(await client.fetch(`/api/v1/search/knowledge?${query}`, as(token ?? (await searcherToken())))));
}

async function embeddingCalls(client: TestApi): Promise<number> {
  return (await stubStats(client.openaiKey)).embeddings ?? 0;
}

/** Every R2 key under `knowledge/` (paged), except the corpus files any test file may (re)write. */
async function ingestedObjectKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await env.STORAGE.list({ prefix: "knowledge/", cursor });
    for (const object of page.objects) if (!corpusKeys.has(object.key)) keys.add(object.key);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

async function rowCounts(client: TestApi = api): Promise<{ documents: number; chunks: number }> {
  const [[documents, chunks]] = await runSql(
    client,
    "select (select count(*) from knowledge_documents)::int, (select count(*) from knowledge_chunks)::int",
  );
  return { documents: Number(documents), chunks: Number(chunks) };
}

/** Runs `work` and asserts it left no knowledge rows and no R2 objects behind. */
async function expectNothingLeftBehind(work: () => Promise<void>, client: TestApi = api) {
  const rowsBefore = await rowCounts(client);
  const objectsBefore = await ingestedObjectKeys();
  await work();
  expect(await rowCounts(client)).toEqual(rowsBefore);
  expect([...(await ingestedObjectKeys())].filter((key) => !objectsBefore.has(key))).toEqual([]);
}

/** Any JSON body (valid or not), sent raw; the answer typed as the route's. */
async function createJson(body: unknown, token = adminToken, client: TestApi = api) {
  return read(await postDocument(client, token, body));
}

/** A multipart upload, sent raw (the route's typed input demands the JSON body as well); the answer typed. */
async function upload(file: File, fields: Record<string, string> = {}, token = adminToken) {
  const form = new FormData();
  form.set("file", file);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return read(
    answerOf<Knowledge["documents"]["$post"]>(await api.fetch("/api/v1/knowledge/documents", as(token, { method: "POST", body: form }))),
  );
}

/** Any import request (valid or not), sent raw; the answer typed as the route's. */
async function importUrl(body: Record<string, unknown>, client: TestApi = api, token = adminToken) {
  return read(answerOf<Knowledge["import"]["$post"]>(await client.post("/api/v1/knowledge/import", body, as(token))));
}

function fixtureUrl(params: Record<string, string | number>) {
  return `${FIXTURE_DOCUMENT_URL}?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))}`;
}

/** Any id (valid or not), sent raw; the answer typed as the route's. */
async function getDocument(id: string, token = userToken) {
  return read(answerOf<Knowledge["documents"][":id"]["$get"]>(await api.fetch(`/api/v1/knowledge/documents/${id}`, as(token))));
}

function deleteDocument(id: string, token = adminToken) {
  return read(api.client.api.v1.knowledge.documents[":id"].$delete({ param: { id } }, { headers: authHeader(token) }));
}

function reembed(client: TestApi, token: string) {
  return read(client.client.api.v1.knowledge.reembed.$post({}, { headers: authHeader(token) }));
}

/** A word no corpus document contains, so a search for it finds exactly the test's document. */
const uniqueWord = () => `zyqtermin${uniqueSuffix()}`;

// --- reading ---------------------------------------------------------------------------------

describe("reading the knowledge base", () => {
  it("lists at least 90 disorders with their DSM-5-TR and ICD-11 codes", async () => {
    const { body } = ok(await read(api.client.api.v1.knowledge.disorders.$get({}, { headers: authHeader(userToken) })), 200);
    const disorders = body.disorders;
    expect(disorders.length).toBeGreaterThanOrEqual(90);
    expect(disorders).toContainEqual({
      name: "Generalized Anxiety Disorder",
      dsm5_code: "F41.1",
      icd11_code: "6B00",
      category: "Anxiety disorders",
    });
    expect(disorders).toContainEqual(expect.objectContaining({ name: "Panic Disorder", dsm5_code: "F41.0", icd11_code: "6B01" }));
    const names = disorders.map((disorder) => disorder.name);
    expect(new Set(names).size).toBe(names.length);
    for (const disorder of disorders) {
      expect(disorder.name.length).toBeGreaterThan(0);
      expect(disorder.dsm5_code).toMatch(/^[A-Z]\d{2}(\.[0-9A-Z]+)?$/);
      // ICD-11 MMS: the mental-health chapter's codes (6B00), or another chapter's (7A00 sleep, HA60 gender incongruence, QE84).
      expect(disorder.icd11_code).toMatch(/^(?:\d[A-Z][0-9A-Z]{2}|[A-Z]{2}\d{2})(\.[0-9A-Z]+)?$/);
    }
  });

  it("counts documents per type, matching the corpus", async () => {
    const { body } = ok(await read(api.client.api.v1.knowledge.types.$get({}, { headers: authHeader(userToken) })), 200);
    const expected = new Map<string, number>();
    for (const file of corpusFiles) expected.set(file.key.split("/")[1], (expected.get(file.key.split("/")[1]) ?? 0) + 1);
    const types = body.types;
    expect(Object.fromEntries(types.map((entry) => [entry.type, entry.count]))).toEqual(Object.fromEntries(expected));
    expect(types.find((entry) => entry.type === "dsm5_criteria")?.count).toBeGreaterThanOrEqual(20);
  });

  it("returns one document whose object_key names an object in R2", async () => {
    const { body } = ok(await getDocument(gadId), 200);
    expect(body).toMatchObject({
      id: gadId,
      type: "dsm5_criteria",
      title: GAD_TITLE,
      disorder: "Generalized Anxiety Disorder",
      dsm5_code: "F41.1",
      icd11_code: "6B00",
      category: "Anxiety disorders",
      object_key: GAD_KEY,
    });
    expect(body.content).toContain("Diagnostic criteria");
    const object = await env.STORAGE.get(body.object_key);
    expect(object).not.toBeNull();
    expect(await object!.text()).toContain("dsm5_code: F41.1");
  });

  it("answers 404 for an unknown id and 400 for an id that is not a UUID", async () => {
    const missing = await getDocument(crypto.randomUUID());
    expectProblem(missing.res, missing.body, 404, "not_found");

    const malformed = await getDocument("not-a-uuid");
    expectProblem(malformed.res, malformed.body, 400, "validation_error");
    expect(errorsAt(malformed.body, "param.id").length).toBeGreaterThan(0);
  });

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

// --- search ----------------------------------------------------------------------------------

describe("GET /api/v1/search/knowledge", () => {
  const clients = [
    ["lexical", offline],
    ["hybrid", api],
  ] as const;

  it.each(clients)("answers in %s mode", async (mode, client) => {
    const { body } = ok(await search(client, { q: "excessive worry restlessness muscle tension" }), 200);
    expect(body).toMatchObject({ query: "excessive worry restlessness muscle tension", mode });
    expect(body.results.length).toBeGreaterThan(0);
    for (const result of body.results) {
      expect(Object.keys(result).sort()).toEqual(["dsm5_code", "icd11_code", "id", "score", "snippet", "title", "type"]);
      expect(result.snippet.length).toBeGreaterThan(0);
    }
  });

  it.each(clients.flatMap(([mode, client]) => ["F41.1", "300.02", "6B00"].map((code) => [code, mode, client] as const)))(
    "ranks the GAD criteria first for the code %s (%s)",
    async (code, _mode, client) => {
      const { body } = ok(await search(client, { q: code }), 200);
      expect(body.results[0]).toMatchObject({ id: gadId, title: GAD_TITLE, type: "dsm5_criteria", dsm5_code: "F41.1", icd11_code: "6B00" });
    },
  );

  it.each(clients)("filters by type (%s)", async (_mode, client) => {
    for (const type of ["treatment_guideline", "assessment_tool", "dsm5_criteria"]) {
      const { body } = ok(await search(client, { q: "anxiety worry panic depression", type, limit: 100 }), 200);
      expect(body.results.length).toBeGreaterThan(0);
      expect(new Set(body.results.map((result) => result.type))).toEqual(new Set([type]));
    }
  });

  it.each(clients)("ranks results by descending score (%s)", async (_mode, client) => {
    const { body } = ok(await search(client, { q: "panic attacks with fear of dying and avoidance of crowds", limit: 30 }), 200);
    const scores = body.results.map((result) => result.score);
    expect(scores.length).toBeGreaterThan(5);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => Number.isFinite(score) && score > 0)).toBe(true);
  });

  it.each(clients)("respects limit (%s)", async (_mode, client) => {
    const q = "anxiety depression treatment sleep";
    const all = ok(await search(client, { q, limit: 100 }), 200);
    expect(all.body.results.length).toBeGreaterThan(10);
    // The default is 10.
    expect(ok(await search(client, { q }), 200).body.results).toHaveLength(10);
    for (const limit of [1, 3, 7]) {
      const { body } = ok(await search(client, { q, limit }), 200);
      expect(body.results).toHaveLength(limit);
      expect(body.results.map((result) => result.id)).toEqual(all.body.results.slice(0, limit).map((result) => result.id));
    }
  });

  it.each(clients)(
    "costs 1 database round trip in %s mode: the account check and the search statement in one batch",
    async (_mode, client) => {
      // The search itself (full-text, vector, code hits, fusion, snippets) is one SQL statement, and
      // the caller's account check travels with it, so deactivation still applies on the next request.
      const token = await searcherToken();
      const before = await databaseRequests(api.database);
      const { res } = await search(client, { q: "F41.1 worry insomnia" }, token);
      expect(res.status).toBe(200);
      expect((await databaseRequests(api.database)) - before).toBe(1);
    },
  );

  it("embeds at most 10 queries a minute per user: past the AI limit a search answers from full text, without an embeddings call", async () => {
    const token = (await registerAndLogin(api)).tokens.access_token;
    // Rate-limit windows are aligned to the wall-clock minute: start the burst early in one.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
    const before = await embeddingCalls(api);
    for (let attempt = 1; attempt <= 10; attempt++)
      expect(ok(await search(api, { q: `worry and restlessness ${attempt}` }, token), 200).body.mode, `search ${attempt}`).toBe("hybrid");
    const { body } = ok(await search(api, { q: "worry and restlessness 11" }, token), 200);
    expect(body.mode).toBe("lexical");
    expect(body.results.length).toBeGreaterThan(0);
    expect((await embeddingCalls(api)) - before).toBe(10);
  });

  it("ranks a long description on its rarest words: one distinctive word after seventy common ones still counts", async () => {
    const word = uniqueWord();
    // Two notes alike but for the distinctive word, which only one of them holds.
    const note = (extra: string) => `## Note\n\nRestlessness, muscle tension and worry about finances${extra}.`;
    const suffix = uniqueSuffix();
    const withWord = ok(
      await createJson({ type: "reference", title: `Distinctive ${suffix}`, content: note(`, and the ${word} pattern`) }),
      201,
    );
    const without = ok(await createJson({ type: "reference", title: `Distinctive ${suffix}`, content: note("") }), 201);
    // Seventy distinct words of one criteria document, then the one only the new note has: a
    // query cut to its first few dozen words never reaches it.
    const gad = corpusFiles.find((file) => file.key === GAD_KEY)!.text;
    const common = [...new Set(gad.toLowerCase().match(/[a-z]{4,}/g))].slice(0, 70);
    expect(common).toHaveLength(70);
    const { body } = ok(await search(offline, { q: `${common.join(" ")} ${word}`, type: "reference", limit: 100 }), 200);
    const ids = body.results.map((result) => result.id);
    expect(ids).toContain(withWord.body.id);
    if (ids.includes(without.body.id)) expect(ids.indexOf(withWord.body.id)).toBeLessThan(ids.indexOf(without.body.id));
  });

  it("finds a disorder's treatment guideline by the disorder's plain name", async () => {
    const { body } = ok(await search(offline, { q: "generalized anxiety disorder", type: "treatment_guideline", limit: 3 }), 200);
    expect(body.results[0].title).toMatch(/^Generalized Anxiety Disorder/);
  });

  it("accepts a q of exactly 1000 characters", async () => {
    const { res } = await search(offline, { q: `${"worry ".repeat(166)}abcd` });
    expect(res.status).toBe(200);
  });

  it.each([
    ["a missing q", "", "query.q"],
    ["an empty q", "q=", "query.q"],
    ["a whitespace q", `q=${encodeURIComponent("   \t ")}`, "query.q"],
    ["a q over 1000 characters", `q=${"a".repeat(1001)}`, "query.q"],
    ["limit 0", "q=anxiety&limit=0", "query.limit"],
    ["limit 101", "q=anxiety&limit=101", "query.limit"],
    ["limit abc", "q=anxiety&limit=abc", "query.limit"],
    ["limit 2.5", "q=anxiety&limit=2.5", "query.limit"],
    ["an unknown type", "q=anxiety&type=gossip", "query.type"],
  ])("rejects %s with a 400 naming the parameter", async (_label, query, path) => {
    const { res, body } = await read(answerOf<Search>(await api.fetch(`/api/v1/search/knowledge?${query}`, as(userToken))));
    expectProblem(res, body, 400, "validation_error");
    expect(errorsAt(body, path).length, JSON.stringify(body)).toBeGreaterThan(0);
    expect(body.detail).toContain(path);
  });
});

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
