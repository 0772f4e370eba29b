/**
 * The retrieval quality gate: every vignette of data/eval/vignettes.json goes through
 * GET /api/v1/search/knowledge restricted to DSM-5-TR criteria, and a vignette counts as a hit
 * when the expected disorder's criteria document is among the top 3. Lexical retrieval alone must
 * reach 85%; hybrid retrieval (the stub's deterministic embeddings) must reach the same gate and
 * stay within one vignette of lexical (see the last test for why not strictly at least as well).
 */
import { describe, expect, it } from "vitest";
import { authHeader, registerAndLogin } from "./support/accounts";
import { createTestApi, type TestApi } from "./support/api";
import { expectJson } from "./support/client";
import { evaluationSet, loadCorpus } from "./support/corpus";

const TOP_K = 3;
const LEXICAL_GATE = 0.85;

interface Evaluation {
  hits: number;
  total: number;
  rate: number;
  misses: Array<{ id: string; expected: string; got: Array<string | null> }>;
}

type Mode = "lexical" | "hybrid";

/** A fresh database with the corpus (embedded through the stub for hybrid) and a logged-in user. */
async function setUp(mode: Mode): Promise<{ client: TestApi; token: string }> {
  const client = await createTestApi(mode === "lexical" ? { OPENAI_API_KEY: "" } : {});
  await loadCorpus(client, { embed: mode === "hybrid" });
  const token = (await registerAndLogin(client)).tokens.access_token;
  return { client, token };
}

/** Runs every vignette through the search and scores the top 3. */
async function evaluate(mode: Mode): Promise<Evaluation> {
  const { client, token } = await setup(mode);

  // The disorder each result is about, from its document (each id fetched once).
  const disorders = new Map<string, string | null>();
  const disorderOf = async (id: string) => {
    const known = disorders.get(id);
    if (known !== undefined) return known;
    const body = await expectJson(
      await client.client.api.v1.knowledge.documents[":id"].$get({ param: { id } }, { headers: authHeader(token) }),
      200,
    );
    disorders.set(id, body.disorder);
    return body.disorder;
  };

  let hits = 0;
  const misses: Evaluation["misses"] = [];
  let searcher = token;
  for (const [index, { id, vignette, expected_disorder }] of evaluationSet.entries()) {
    // A user's searches embed at most 10 queries a minute (the AI limit): spread them over users.
    if (index > 0 && index % 10 === 0) searcher = (await registerAndLogin(client)).tokens.access_token;
    const results = await searchCriteria(client, searcher, vignette, mode);
    const top = await Promise.all(results.map((result) => disorderOf(result.id)));
    if (top.includes(expected_disorder)) hits++;
    else misses.push({ id, expected: expected_disorder, got: top });
  }
  const rate = hits / evaluationSet.length;
  console.log(`${mode} top-${TOP_K} hit rate: ${hits}/${evaluationSet.length} (${(rate * 100).toFixed(1)}%)`);
  for (const miss of misses) console.log(`  ${mode} miss ${miss.id}: expected ${miss.expected}; top ${TOP_K}: ${miss.got.join(" | ")}`);
  return { hits, total: evaluationSet.length, rate, misses };
}

async function searchCriteria(client: TestApi, token: string, vignette: string, mode: Mode): Promise<Array<{ id: string; type: string }>> {
  const query = { q: vignette, type: "dsm5_criteria", limit: String(TOP_K) } as const;
  const body = await expectJson(await client.client.api.v1.search.knowledge.$get({ query }, { headers: authHeader(token) }), 200);
  expect(body.mode).toBe(mode);
  expect(body.results.length).toBeLessThanOrEqual(TOP_K);
  for (const result of body.results) expect(result.type).toBe("dsm5_criteria");
  return body.results;
}

/** Each mode is set up and evaluated once, whichever test asks first. */
const setups = new Map<Mode, ReturnType<typeof setUp>>();
const runs = new Map<Mode, Promise<Evaluation>>();
const setup = (mode: Mode) => {
  const started = setups.get(mode) ?? setUp(mode);
  setups.set(mode, started);
  return started;
};
const evaluation = (mode: Mode) => {
  const started = runs.get(mode) ?? evaluate(mode);
  runs.set(mode, started);
  return started;
};

describe("retrieval quality on the vignette evaluation set", () => {
  it("has vignettes whose expected disorders all have a criteria document", async () => {
    expect(evaluationSet.length).toBeGreaterThanOrEqual(40);
    const { client, token } = await setup("lexical");
    const body = await expectJson(await client.client.api.v1.knowledge.disorders.$get({}, { headers: authHeader(token) }), 200);
    const known = new Set(body.disorders.map((disorder) => disorder.name));
    expect(evaluationSet.map((item) => item.expected_disorder).filter((name) => !known.has(name))).toEqual([]);
  }, 120_000);

  it(`finds the expected disorder's criteria in the lexical top ${TOP_K} for at least ${LEXICAL_GATE * 100}% of vignettes`, async () => {
    const lexical = await evaluation("lexical");
    expect(lexical.total).toBe(evaluationSet.length);
    expect(lexical.rate, `lexical misses: ${JSON.stringify(lexical.misses)}`).toBeGreaterThanOrEqual(LEXICAL_GATE);
  }, 120_000);

  it("is no worse in hybrid mode (the stub's embeddings) than lexical alone", async () => {
    const [lexical, hybrid] = await Promise.all([evaluation("lexical"), evaluation("hybrid")]);
    expect(hybrid.total).toBe(evaluationSet.length);
    const lexicalMisses = new Set(lexical.misses.map((miss) => miss.id));
    const hybridMisses = new Set(hybrid.misses.map((miss) => miss.id));
    console.log(
      `hybrid vs lexical: fixed ${[...lexicalMisses].filter((id) => !hybridMisses.has(id)).join(", ") || "none"}; lost ${[...hybridMisses].filter((id) => !lexicalMisses.has(id)).join(", ") || "none"}`,
    );
    expect(hybrid.rate, `hybrid misses: ${JSON.stringify(hybrid.misses)}`).toBeGreaterThanOrEqual(LEXICAL_GATE);
    expect(hybrid.hits, `hybrid misses: ${JSON.stringify(hybrid.misses)}`).toBeGreaterThanOrEqual(lexical.hits);
  }, 120_000);
});
