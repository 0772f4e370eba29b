/** The repository's synthetic cases, bundled into the test Worker, and a loader into R2 through the app's store. */
import { env } from "cloudflare:test";
import { saveCases } from "../../src/cases/cases.data";

const files = import.meta.glob("../../data/cases/*.json", { import: "default", eager: true }) as Record<string, unknown>;

export const caseFiles = Object.values(files);

/** Writes every case and the index object into the test R2 bucket (idempotent). */
export function loadCases() {
  return saveCases(env.STORAGE, caseFiles);
}
