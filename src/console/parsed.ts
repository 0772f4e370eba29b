/** Console input checked by the API route's own zod schema: the same rules, the same 400 problem (shown as a page). */
import { validationProblem } from "../lib/problem";

type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: Parameters<typeof validationProblem>[0] } };

export function parsed<T>(result: SafeParse<T>, where: "query" | "path" | "body"): T {
  if (!result.success) throw validationProblem(result.error.issues, where);
  return result.data;
}

/** A GET form's query without its empty fields: an empty select or box means "any", not an invalid value. */
export function filledQuery(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ""));
}
