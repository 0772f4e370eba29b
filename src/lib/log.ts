/**
 * Structured logs, one JSON object per line (Workers Logs indexes the fields).
 * Callers pass identifiers and figures only: never request bodies, clinical text or secrets.
 */
type Level = "debug" | "info" | "warn" | "error";

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
