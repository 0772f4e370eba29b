/** The evidence shown with a finding: its clause, or a window of it around the finding. */
import { LEADING_JOINER } from "./text";

const EVIDENCE_MAX = 200;

export function evidenceOf(clause: string, at: number): string {
  const lead = LEADING_JOINER.exec(clause.slice(0, 100))?.[0].length ?? 0;
  const text = clause.slice(lead);
  const collapse = (t: string) => t.replace(/\s+/g, " ").trim();
  if (text.length <= 2 * EVIDENCE_MAX) {
    const collapsed = collapse(text);
    if (collapsed.length <= EVIDENCE_MAX) return collapsed;
  }
  // Long clause: a window around the finding, cut at word boundaries.
  const pos = Math.max(0, at - lead);
  let from = Math.max(0, pos - 60);
  if (from > 0) {
    // Searched only up to the finding: a clause without spaces must not be rescanned per finding.
    const space = text.slice(from, pos).indexOf(" ");
    if (space >= 0) from += space + 1;
  }
  let window = collapse(text.slice(from, from + 2 * EVIDENCE_MAX));
  const head = from > 0 ? "…" : "";
  const budget = EVIDENCE_MAX - head.length - 1;
  if (window.length > budget + 1 || from + 2 * EVIDENCE_MAX < text.length) {
    const cut = window.lastIndexOf(" ", budget);
    window = `${window.slice(0, cut > budget / 2 ? cut : budget)}…`;
  }
  return `${head}${window}`.slice(0, EVIDENCE_MAX);
}

// ---------------------------------------------------------------------------------------------
