/**
 * Cases live in R2: one object per case (`cases/<case_id>.json`) plus an index object
 * (`cases/index.json`) holding every full case, so listing and filtering (which return full
 * cases) read one object per request. `saveCases` writes both, so they stay consistent.
 */
import { z } from "@hono/zod-openapi";
import { pageByKey } from "../lib/pagination";
import { CASE_ID, CaseSchema, type SyntheticCase } from "./cases.schemas";

export const CASE_INDEX_KEY = "cases/index.json";
export const caseKey = (caseId: string) => `cases/${caseId}.json`;

/** Validates and stores cases, then rewrites the index to cover every stored case. */
export async function saveCases(storage: R2Bucket, cases: unknown[]): Promise<number> {
  const parsed = cases.map((item, i) => {
    const result = CaseSchema.safeParse(item);
    if (!result.success)
      throw new Error(
        `case ${i} is invalid: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
      );
    return result.data;
  });
  await Promise.all(
    parsed.map((item) =>
      storage.put(caseKey(item.case_id), JSON.stringify(item, null, 2), { httpMetadata: { contentType: "application/json" } }),
    ),
  );
  const byId = new Map((await readIndexEntries(storage)).map((item) => [item.case_id, item]));
  for (const item of parsed) byId.set(item.case_id, item);
  const index = [...byId.values()].sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
  await storage.put(CASE_INDEX_KEY, JSON.stringify(index), { httpMetadata: { contentType: "application/json" } });
  return parsed.length;
}

/** Entries of the stored index that are full cases (an index written before it held them has summaries: dropped, rewritten by the seed). */
async function readIndexEntries(storage: R2Bucket): Promise<SyntheticCase[]> {
  const object = await storage.get(CASE_INDEX_KEY);
  if (!object) return [];
  const entries = (await object.json()) as unknown[];
  return entries.flatMap((entry) => {
    const result = CaseSchema.safeParse(entry);
    return result.success ? [result.data] : [];
  });
}

async function readCaseIndex(storage: R2Bucket): Promise<SyntheticCase[]> {
  const object = await storage.get(CASE_INDEX_KEY);
  if (!object) return [];
  return CaseSchema.array().parse(await object.json());
}

export async function readCase(storage: R2Bucket, caseId: string): Promise<SyntheticCase | null> {
  const object = await storage.get(caseKey(caseId));
  return object ? CaseSchema.parse(await object.json()) : null;
}

export interface CaseFilters {
  severity?: SyntheticCase["severity"];
  /** A diagnosis name (substring, any case) or a DSM-5-TR / ICD-11 code prefix. */
  diagnosis?: string;
  limit: number;
  cursor?: string;
}

/** A cursor names the last case_id of the previous page. */
const CaseCursorKey = z.tuple([z.string().regex(CASE_ID)]);

/** One page of the cases matching the filters, in case_id order, and how many match in all. */
export async function findCases(storage: R2Bucket, { severity, diagnosis, limit, cursor }: CaseFilters) {
  const needle = diagnosis?.toLowerCase();
  const matching = (await readCaseIndex(storage)).filter(
    ({ severity: itemSeverity, suggested_diagnosis: diagnosed }) =>
      (!severity || itemSeverity === severity) &&
      (!needle ||
        diagnosed.primary.toLowerCase().includes(needle) ||
        diagnosed.dsm5_code.toLowerCase().startsWith(needle) ||
        diagnosed.icd11_code.toLowerCase().startsWith(needle)),
  );
  // The index object keeps cases in case_id order.
  return { total: matching.length, ...pageByKey("cases", matching, (item) => item.case_id, limit, cursor, CaseCursorKey) };
}
