/**
 * Cases live in R2: one object per case (`cases/<case_id>.json`) plus an index object
 * (`cases/index.json`) holding the summary of every case, so listing and filtering read one
 * object per request. `saveCases` writes both, so they stay consistent.
 */
import { type CaseSummary, CaseSummarySchema, CaseSchema, type SyntheticCase } from "./case.schema";

export const CASE_INDEX_KEY = "cases/index.json";
export const caseKey = (caseId: string) => `cases/${caseId}.json`;

export function summarize(item: SyntheticCase): CaseSummary {
  return {
    case_id: item.case_id,
    age: item.patient_demographics.age,
    gender: item.patient_demographics.gender,
    severity: item.severity,
    primary_diagnosis: item.suggested_diagnosis.primary,
    dsm5_code: item.suggested_diagnosis.dsm5_code,
    icd11_code: item.suggested_diagnosis.icd11_code,
    presenting_symptoms: item.presenting_symptoms,
  };
}

/** Validates and stores cases, then rewrites the index to cover every stored case. */
export async function saveCases(storage: R2Bucket, cases: unknown[]): Promise<number> {
  const parsed = cases.map((item, i) => {
    const result = CaseSchema.safeParse(item);
    if (!result.success) throw new Error(`case ${i} is invalid: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    return result.data;
  });
  await Promise.all(parsed.map((item) => storage.put(caseKey(item.case_id), JSON.stringify(item, null, 2), { httpMetadata: { contentType: "application/json" } })));
  const existing = await readCaseIndex(storage);
  const byId = new Map(existing.map((summary) => [summary.case_id, summary]));
  for (const item of parsed) byId.set(item.case_id, summarize(item));
  const index = [...byId.values()].sort((a, b) => a.case_id.localeCompare(b.case_id));
  await storage.put(CASE_INDEX_KEY, JSON.stringify(index), { httpMetadata: { contentType: "application/json" } });
  return parsed.length;
}

export async function readCaseIndex(storage: R2Bucket): Promise<CaseSummary[]> {
  const object = await storage.get(CASE_INDEX_KEY);
  if (!object) return [];
  return CaseSummarySchema.array().parse(await object.json());
}

export async function readCase(storage: R2Bucket, caseId: string): Promise<SyntheticCase | null> {
  const object = await storage.get(caseKey(caseId));
  return object ? CaseSchema.parse(await object.json()) : null;
}
