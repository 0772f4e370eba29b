/**
 * The engine's core: the findings of one clause. Every rule is matched; a match is dropped when
 * its rule's own check refuses it, when it is about someone else, or when a negation governs it.
 * Time markers then date what is left.
 */
import { evidenceOf } from "./evidence";
import { isNegated, NEGATION_REACH_CHARS, negationSpans, POST_NOT_CURRENT } from "./negation";
import { DANGER, RULES, type RuleContext } from "./rules";
import { clauseMentions } from "./rules/rule";
import { execAll } from "./spans";
import { dateFindings, KIND_BITS, strongestOf } from "./temporal";
import { splitClauses } from "./text";
import { isThirdParty } from "./third-party";
import type { Candidate, CrisisCategory, Finding } from "./types";

function hasUnnegatedDanger(clause: string): boolean {
  const negs = negationSpans(clause);
  for (const m of execAll(DANGER, clause)) {
    const c: Candidate = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, category: "psychosis_with_danger", verbal: false };
    if (!isNegated(clause, negs, [c], 0)) return true;
  }
  return false;
}

function ruleContext(clause: string, dangerInSentence: boolean): RuleContext {
  return { clause, dangerInSentence, mentions: clauseMentions(clause) };
}

/** Every rule needs a word of two letters at least ("SI", "OD"): a clause without one is skipped unread. */
const ANY_WORD = /[A-Za-z]{2}/;

function analyzeClause(clause: string, dangerInSentence: boolean, question: boolean): Finding[] {
  if (!ANY_WORD.test(clause)) return [];
  const ctx = ruleContext(clause, dangerInSentence);
  const found: Candidate[] = [];
  for (const r of RULES) {
    for (const m of execAll(r.re, clause)) {
      if (!m[0]) continue;
      const start = m.index ?? 0;
      // "yourself" is the clinician asking; it only counts inside an answered question.
      if (!question && /\byou(?:rself|rselves)?\b/i.test(m[0])) continue;
      if (r.accept && !r.accept(m, ctx)) continue;
      if (r.patientOnly && isThirdParty(ctx, start)) continue;
      found.push({ category: r.category, start, end: start + m[0].length, verbal: r.verbal });
    }
  }
  if (found.length === 0) return [];

  // One candidate per stretch of text and category.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const candidates: Candidate[] = [];
  const lastOf = new Map<CrisisCategory, Candidate>();
  for (const c of found) {
    // Sorted by start, so an overlap can only be with the latest one of the category.
    const same = lastOf.get(c.category);
    if (same && c.start < same.end) same.end = Math.max(same.end, c.end);
    else {
      const copy = { ...c };
      candidates.push(copy);
      lastOf.set(c.category, copy);
    }
  }

  const negs = negationSpans(clause);
  const live = candidates.flatMap((_c, i) => (isNegated(clause, negs, candidates, i) ? [] : [i]));
  if (live.length === 0) return [];

  const dated = dateFindings(clause, candidates, NEGATION_REACH_CHARS);

  // Same-category findings not separated by a comma are one finding: "self-harm (cutting) 2 days ago".
  const groups: number[][] = [];
  for (const i of live) {
    const last = groups.at(-1);
    const prev = last === undefined ? undefined : candidates[last[last.length - 1]];
    const c = candidates[i];
    if (last && prev && prev.category === c.category && !/[,;]/.test(clause.slice(prev.end, c.start))) last.push(i);
    else groups.push([i]);
  }

  return groups.map((group) => {
    const kinds = group.reduce((bits, i) => bits | dated[i], 0);
    const notCurrent = group.some((i) => clause.length - candidates[i].end < 120 && POST_NOT_CURRENT.test(clause.slice(candidates[i].end)));
    const temporal = notCurrent ? strongestOf(kinds & ~KIND_BITS.current, "historical") : strongestOf(kinds, "current");
    const first = candidates[group[0]];
    return { category: first.category, temporal, evidence: evidenceOf(clause, first.start) };
  });
}

export function analyzeSentence(sentence: string, question = false): Finding[] {
  const clauses = splitClauses(sentence);
  const dangerInSentence = clauses.some(hasUnnegatedDanger);
  return clauses.flatMap((clause) => analyzeClause(clause, dangerInSentence, question));
}
