/**
 * Reading the knowledge base (the disorders with their codes, the counts per type, one document
 * and its R2 object) and searching it, lexical and hybrid: exact codes first, type filters, score
 * order, limits, one database round trip, the AI limit on query embeddings, long descriptions
 * ranked on their rarest words, and bad parameters as 400 problems.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authHeader, errorsAt, expectProblem, registerAndLogin, uniqueSuffix } from "../support/accounts";
import { databaseRequests, type TestApi } from "../support/api";
import { answerOf, ok, read } from "../support/client";
import { corpusFiles } from "../support/corpus";
import { stubStats } from "../support/openai-stub";
import {
  api,
  as,
  createJson,
  GAD_KEY,
  GAD_TITLE,
  gadId,
  getDocument,
  offline,
  type Search,
  search,
  searcherToken,
  uniqueWord,
  userToken,
} from "./fixtures";

async function embeddingCalls(client: TestApi): Promise<number> {
  return (await stubStats(client.openaiKey)).embeddings ?? 0;
}

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
    "costs the fewest database round trips in %s mode: the account check travels with the search statement, unless the query is embedded first",
    async (mode, client) => {
      // The search itself (full-text, vector, code hits, fusion, snippets) is one SQL statement. Offline,
      // the caller's account check travels with it (one round trip); with a model, the account is checked
      // first, so a token whose login has ended never sends its query to the embeddings API (two).
      const token = await searcherToken();
      const before = await databaseRequests(api.database);
      const { res } = await search(client, { q: "F41.1 worry insomnia" }, token);
      expect(res.status).toBe(200);
      expect((await databaseRequests(api.database)) - before).toBe(mode === "hybrid" ? 2 : 1);
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
