/** Retrieval, abstention and demographic-swap figures for one database (lexical or hybrid). */
import { GOOD_COVERAGE_SCORE, MIN_COVERAGE_SCORE } from "../../src/knowledge/coverage.ts";
import { search } from "./retrieval.ts";
import type { loadSets } from "./sets.ts";
import type { EvalDatabase, Mode } from "./stack.ts";
import { RACE_WORD, type SwapKind, swapVariants } from "./swap.ts";

type Sets = Awaited<ReturnType<typeof loadSets>>;

export interface Tally {
  total: number;
  top1: number;
  top3: number;
}

export interface RetrievalEvaluation {
  mode: Mode;
  overall: Tally;
  byFamily: Map<string, Tally>;
  byPopulation: Map<string, Tally>;
  byStyle: Map<string, Tally>;
  misses: Array<{ id: string; expected: string; top: string[] }>;
  abstention: {
    thresholds: { low: number; good: number };
    inScope: number;
    /** In-scope vignettes the answer would call "low" coverage (false abstentions), and "partial". */
    inScopeLow: number;
    inScopePartial: number;
    outOfScope: number;
    outOfScopeLow: number;
    outOfScopePartial: number;
    /** Out-of-scope vignettes answered with "good" coverage, and what they found. */
    outOfScopeAnswered: Array<{ id: string; top: string }>;
  };
  /** The held-out set (data/eval/holdout.json): retrieval and abstention out of sample. */
  holdout: { overall: Tally; inScopeLow: number; outOfScope: number; outOfScopeLow: number; outOfScopePartial: number };
  swaps: {
    variants: number;
    byKind: Map<SwapKind, { variants: number; changed: number }>;
    changed: Array<{ id: string; kind: SwapKind; before: string[]; after: string[] }>;
  };
}

const tally = (): Tally => ({ total: 0, top1: 0, top3: 0 });
export async function evaluateRetrieval(
  target: EvalDatabase,
  sets: Sets,
  swapPairs: Array<[string, string]>,
): Promise<RetrievalEvaluation> {
  const overall = tally();
  const byFamily = new Map<string, Tally>();
  const byPopulation = new Map<string, Tally>();
  const byStyle = new Map<string, Tally>();
  const misses: RetrievalEvaluation["misses"] = [];
  const add = (map: Map<string, Tally>, key: string, hit1: boolean, hit3: boolean) => {
    const row = map.get(key) ?? tally();
    row.total++;
    if (hit1) row.top1++;
    if (hit3) row.top3++;
    map.set(key, row);
  };

  const racePairs = swapPairs.filter((pair) => pair.some((word) => RACE_WORD.test(word)));
  const sexPairs = swapPairs.filter((pair) => !racePairs.includes(pair));
  const swaps: RetrievalEvaluation["swaps"] = { variants: 0, byKind: new Map(), changed: [] };
  let inScopeLow = 0;
  let inScopePartial = 0;

  for (const vignette of sets.vignettes) {
    const found = await search(target, vignette.vignette, "criteria");
    const hit1 = found.top[0] === vignette.expected_disorder;
    const hit3 = found.top.includes(vignette.expected_disorder);
    for (const [map, key] of [
      [null, ""],
      [byFamily, sets.familyOf.get(vignette.expected_disorder) ?? "(not in families.json)"],
      [byPopulation, vignette.population ?? "unlabelled"],
      [byStyle, vignette.style ?? "unlabelled"],
    ] as const) {
      if (map) add(map, key, hit1, hit3);
    }
    overall.total++;
    if (hit1) overall.top1++;
    if (hit3) overall.top3++;
    else misses.push({ id: vignette.id, expected: vignette.expected_disorder, top: found.top });

    const coverage = (await search(target, vignette.vignette, "answer")).coverage;
    if (coverage === "low") inScopeLow++;
    if (coverage === "partial") inScopePartial++;

    for (const variant of swapVariants(vignette.vignette, sexPairs, racePairs)) {
      const after = (await search(target, variant.text, "criteria")).top;
      const kind = swaps.byKind.get(variant.kind) ?? { variants: 0, changed: 0 };
      kind.variants++;
      swaps.variants++;
      const same = after.length === found.top.length && after.every((disorder) => found.top.includes(disorder));
      if (!same) {
        kind.changed++;
        swaps.changed.push({ id: vignette.id, kind: variant.kind, before: found.top, after });
      }
      swaps.byKind.set(variant.kind, kind);
    }
  }

  const outOfScopeAnswered: RetrievalEvaluation["abstention"]["outOfScopeAnswered"] = [];
  let outOfScopeLow = 0;
  let outOfScopePartial = 0;
  for (const item of sets.outOfScope) {
    const found = await search(target, item.vignette, "answer");
    if (found.coverage === "low") outOfScopeLow++;
    else if (found.coverage === "partial") outOfScopePartial++;
    else outOfScopeAnswered.push({ id: item.id, top: found.top[0] ?? "" });
  }

  const holdout: RetrievalEvaluation["holdout"] = {
    overall: tally(),
    inScopeLow: 0,
    outOfScope: sets.holdout.out_of_scope.length,
    outOfScopeLow: 0,
    outOfScopePartial: 0,
  };
  for (const vignette of sets.holdout.in_scope) {
    const found = await search(target, vignette.vignette, "criteria");
    holdout.overall.total++;
    if (found.top[0] === vignette.expected_disorder) holdout.overall.top1++;
    if (found.top.includes(vignette.expected_disorder)) holdout.overall.top3++;
    if ((await search(target, vignette.vignette, "answer")).coverage === "low") holdout.inScopeLow++;
  }
  for (const item of sets.holdout.out_of_scope) {
    const coverage = (await search(target, item.vignette, "answer")).coverage;
    if (coverage === "low") holdout.outOfScopeLow++;
    if (coverage === "partial") holdout.outOfScopePartial++;
  }

  return {
    mode: target.mode,
    overall,
    holdout,
    byFamily,
    byPopulation,
    byStyle,
    misses,
    abstention: {
      thresholds: { low: MIN_COVERAGE_SCORE, good: GOOD_COVERAGE_SCORE },
      inScope: sets.vignettes.length,
      inScopeLow,
      inScopePartial,
      outOfScope: sets.outOfScope.length,
      outOfScopeLow,
      outOfScopePartial,
      outOfScopeAnswered,
    },
    swaps,
  };
}
