/** The evaluation sets of data/eval, typed, with each vignette's disorder family (families.json). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { root } from "./stack.ts";

export interface Vignette {
  id: string;
  vignette: string;
  expected_disorder: string;
  population?: string;
  style?: string;
}

export interface OutOfScope {
  id: string;
  vignette: string;
  why: string;
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(path.join(root, "data/eval", file), "utf8")) as T;

export async function loadSets() {
  const families = await readJson<Record<string, string[]>>("families.json");
  const familyOf = new Map(Object.entries(families).flatMap(([family, disorders]) => disorders.map((d) => [d, family] as const)));
  const vignettes = await readJson<Vignette[]>("vignettes.json");
  const outOfScope = await readJson<OutOfScope[]>("out-of-scope.json").catch(() => [] as OutOfScope[]);
  // Written after the thresholds were set, by another author, and never used to set anything:
  // the out-of-sample figures of EVALUATION.md.
  const holdout = await readJson<{ in_scope: Vignette[]; out_of_scope: OutOfScope[] }>("holdout.json").catch(() => ({
    in_scope: [] as Vignette[],
    out_of_scope: [] as OutOfScope[],
  }));
  return { families, familyOf, vignettes, outOfScope, holdout };
}
