/**
 * The retrieval quality gate, so that quality cannot silently drop. Every vignette of
 * data/eval/vignettes.json (written apart from the documents) goes through
 * GET /api/v1/search/knowledge restricted to DSM-5-TR criteria; a vignette counts as a hit when the
 * expected disorder's criteria document is among the top 3. Both modes must reach their floor:
 * lexical (no AI key, the floor every deployment has) and hybrid (the stub's deterministic
 * embeddings). Abstention: the out-of-scope vignettes, searched as diagnose searches (every type,
 * 8 sources), must mostly get coverage "low", and in-scope ones rarely. The floors sit a little
 * under the figures `npm run eval` measures (EVALUATION.md), which has the per-family tables.
 */
import { describe, expect, it } from "vitest";
import swapList from "../data/eval/demographic-swaps.json";
import { RACE_WORD, swapVariants } from "../tools/eval/swap";
import { authHeader, registerAndLogin } from "./support/accounts";
import { createTestApi, type TestApi } from "./support/api";
import { expectJson } from "./support/client";
import { evaluationSet, loadCorpus, outOfScopeSet } from "./support/corpus";

const TOP_K = 3;
/** Share of vignettes whose expected disorder is in the top 3 (EVALUATION.md has the measured figures). */
const GATES = { lexical: 0.92, hybrid: 0.87 } as const;
/** Out-of-scope vignettes that must be told "low" coverage, and in-scope ones that may be (false abstentions). */
const MIN_OUT_OF_SCOPE_LOW = 0.35;
const MAX_IN_SCOPE_LOW = 0.07;
/** Share of demographic-swap variants (tools/eval/swap.ts) whose full-text top 3 may differ from the vignette's. */
const MAX_SWAP_CHANGES = 0.01;
/** As diagnose retrieves (src/rag/retrieval.ts). */
const ANSWER_SOURCES = "8";

type Mode = keyof typeof GATES;

interface Evaluation {
  hits: number;
  total: number;
  rate: number;
  misses: Array<{ id: string; expected: string; got: Array<string | null> }>;
  inScopeLow: number;
  outOfScopeLow: number;
  /** Demographic-swap variants searched, and those whose top 3 changed. */
  swaps: { variants: number; changed: string[] };
}

/** A fresh database with the corpus (embedded through the stub for hybrid). */
async function setUp(mode: Mode): Promise<TestApi> {
  const client = await createTestApi(mode === "lexical" ? { OPENAI_API_KEY: "" } : {});
  await loadCorpus(client, { embed: mode === "hybrid" });
  return client;
}

/** A user's searches embed at most 10 queries a minute (the AI limit): each ten get a fresh user. */
function searchers(client: TestApi) {
  let token: Promise<string> | null = null;
  let used = 0;
  return async () => {
    if (!token || used++ % 10 === 0) token = registerAndLogin(client).then((account) => account.tokens.access_token);
    return token;
  };
}

async function search(client: TestApi, token: string, q: string, mode: Mode, type?: "dsm5_criteria") {
  const query = type ? { q, type, limit: String(TOP_K) } : { q, limit: ANSWER_SOURCES };
  const body = await expectJson(await client.client.api.v1.search.knowledge.$get({ query }, { headers: authHeader(token) }), 200);
  expect(body.mode).toBe(mode);
  return body;
}

async function evaluate(mode: Mode): Promise<Evaluation> {
  const client = await setup(mode);
  const nextToken = searchers(client);

  // The disorder each result is about, from its document (each id fetched once).
  const disorders = new Map<string, string | null>();
  const disorderOf = async (token: string, id: string) => {
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
  let inScopeLow = 0;
  const misses: Evaluation["misses"] = [];
  const swaps: Evaluation["swaps"] = { variants: 0, changed: [] };
  for (const { id, vignette, expected_disorder } of evaluationSet) {
    const token = await nextToken();
    const body = await search(client, token, vignette, mode, "dsm5_criteria");
    expect(body.results.length).toBeLessThanOrEqual(TOP_K);
    for (const result of body.results) expect(result.type).toBe("dsm5_criteria");
    const top = await Promise.all(body.results.map((result) => disorderOf(token, result.id)));
    if (top.includes(expected_disorder)) hits++;
    else misses.push({ id, expected: expected_disorder, got: top });
    if ((await search(client, await nextToken(), vignette, mode)).coverage === "low") inScopeLow++;
    // Full text only: a swapped vignette must find the same three documents.
    if (mode !== "lexical") continue;
    for (const variant of swapVariants(vignette, SEX_PAIRS, RACE_PAIRS)) {
      const swapped = await search(client, token, variant.text, mode, "dsm5_criteria");
      swaps.variants++;
      const same = new Set(body.results.map((result) => result.id));
      if (swapped.results.length !== same.size || swapped.results.some((result) => !same.has(result.id)))
        swaps.changed.push(`${id} (${variant.kind})`);
    }
  }
  let outOfScopeLow = 0;
  for (const { vignette } of outOfScopeSet)
    if ((await search(client, await nextToken(), vignette, mode)).coverage === "low") outOfScopeLow++;

  const rate = hits / evaluationSet.length;
  console.log(
    `${mode}: top-${TOP_K} ${hits}/${evaluationSet.length} (${(rate * 100).toFixed(1)}%); coverage low for ${outOfScopeLow}/${outOfScopeSet.length} out of scope, ${inScopeLow}/${evaluationSet.length} in scope`,
  );
  return { hits, total: evaluationSet.length, rate, misses, inScopeLow, outOfScopeLow, swaps };
}

/** The swap list's race and ethnicity pairs, as npm run eval splits them (tools/eval/retrieval-eval.ts). */
const RACE_PAIRS = (swapList.swaps as Array<[string, string]>).filter((pair) => pair.some((word) => RACE_WORD.test(word)));
const SEX_PAIRS = (swapList.swaps as Array<[string, string]>).filter((pair) => !RACE_PAIRS.includes(pair));

/** Each mode is set up and evaluated once, whichever test asks first. */
const setups = new Map<Mode, Promise<TestApi>>();
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
  it("has vignettes for every disorder of the knowledge base, each expected disorder with a criteria document", async () => {
    expect(evaluationSet.length).toBeGreaterThanOrEqual(200);
    expect(outOfScopeSet.length).toBeGreaterThanOrEqual(30);
    const client = await setup("lexical");
    const { tokens } = await registerAndLogin(client);
    const body = await expectJson(
      await client.client.api.v1.knowledge.disorders.$get({}, { headers: authHeader(tokens.access_token) }),
      200,
    );
    const known = new Set(body.disorders.map((disorder) => disorder.name));
    expect(known.size).toBeGreaterThanOrEqual(90);
    expect(evaluationSet.map((item) => item.expected_disorder).filter((name) => !known.has(name))).toEqual([]);
    const covered = new Set(evaluationSet.map((item) => item.expected_disorder));
    expect([...known].filter((name) => !covered.has(name))).toEqual([]);
  }, 120_000);

  it.each(Object.keys(GATES) as Mode[])(
    "finds the expected criteria in the %s top 3 at or above its floor",
    async (mode) => {
      const result = await evaluation(mode);
      expect(result.total).toBe(evaluationSet.length);
      expect(result.rate, `${mode} misses: ${JSON.stringify(result.misses)}`).toBeGreaterThanOrEqual(GATES[mode]);
    },
    600_000,
  );

  it.each(Object.keys(GATES) as Mode[])(
    "says coverage is low for out-of-scope presentations, and rarely for covered ones (%s)",
    async (mode) => {
      const result = await evaluation(mode);
      expect(result.outOfScopeLow / outOfScopeSet.length).toBeGreaterThanOrEqual(MIN_OUT_OF_SCOPE_LOW);
      expect(result.inScopeLow / evaluationSet.length).toBeLessThanOrEqual(MAX_IN_SCOPE_LOW);
    },
    600_000,
  );

  it("finds the same top 3 for a vignette whatever its patient's sex, gender, race, ethnicity or adult age (full text)", async () => {
    const { swaps } = await evaluation("lexical");
    expect(swaps.variants).toBeGreaterThan(300);
    expect(swaps.changed.length / swaps.variants, `changed: ${swaps.changed.join(", ")}`).toBeLessThanOrEqual(MAX_SWAP_CHANGES);
  }, 600_000);
});
