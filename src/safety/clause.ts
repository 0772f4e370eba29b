/**
 * The engine's core: the findings of one clause. Every rule is matched; a match is dropped when
 * its rule's own check refuses it, when it is about someone else, or when a negation governs it.
 * Time markers then date what is left.
 */
import { evidenceOf } from "./evidence";
import { isNegated, NEGATION_REACH_CHARS, negationSpans, POST_NOT_CURRENT } from "./negation";
import { DANGER, RULES, type RuleContext } from "./rules";
import { execAll, firstStartingFrom, lastEndingBy } from "./spans";
import { strongest, temporalMarkers } from "./temporal";
import { isThirdParty } from "./third-party";
import { splitClauses } from "./text";
import type { Candidate, CrisisCategory, Finding, Span, Temporal } from "./types";

function hasUnnegatedDanger(clause: string): boolean {
  const negs = negationSpans(clause);
  for (const m of execAll(DANGER, clause)) {
    const c: Candidate = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, category: "psychosis_with_danger", verbal: false };
    if (!isNegated(clause, negs, [c], 0)) return true;
  }
  return false;
}

function ruleContext(clause: string, dangerInSentence: boolean): RuleContext {
  const answers = new Map<RegExp, boolean>();
  return {
    clause,
    dangerInSentence,
    mentions(re) {
      let answer = answers.get(re);
      if (answer === undefined) answers.set(re, (answer = re.test(clause)));
      return answer;
    },
  };
}

function analyzeClause(clause: string, dangerInSentence: boolean, question: boolean): Finding[] {
  const ctx = ruleContext(clause, dangerInSentence);
  const found: Candidate[] = [];
  for (const r of RULES) {
    for (const m of execAll(r.re, clause)) {
      if (!m[0]) continue;
      const start = m.index ?? 0;
      // "yourself" is the clinician asking; it only counts inside an answered question.
      if (!question && /\byou(?:rself|rselves)?\b/i.test(m[0])) continue;
      if (r.accept && !r.accept(m, ctx)) continue;
      if (r.patientOnly && isThirdParty(clause.slice(0, start))) continue;
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
  const live = candidates.filter((_c, i) => !isNegated(clause, negs, candidates, i));
  if (live.length === 0) return [];

  // A time marker dates every finding in its comma-delimited stretch ("suicide attempt by
  // overdose as a teenager"); a marker in a stretch with no finding dates the nearest one
  // ("history of cutting, last episode two days ago"). Negated findings count as nearest, so
  // "today" in "no SI today, cutting last week" cannot drift onto the cutting.
  const markersOf = new Map<Candidate, Temporal[]>();
  const date = (c: Candidate, kind: Temporal) => {
    const kinds = markersOf.get(c);
    if (kinds) kinds.push(kind);
    else markersOf.set(c, [kind]);
  };
  const stretches: Span[] = [];
  let stretchStart = 0;
  for (const m of execAll(/,/g, clause)) {
    stretches.push({ start: stretchStart, end: m.index ?? 0 });
    stretchStart = (m.index ?? 0) + 1;
  }
  stretches.push({ start: stretchStart, end: clause.length });
  const distance = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);
  for (const marker of temporalMarkers(clause)) {
    const stretch = stretches[Math.max(0, lastEndingBy(stretches, marker.start) + 1)] ?? stretches[stretches.length - 1];
    let i = firstStartingFrom(candidates, stretch.start);
    if (i < candidates.length && candidates[i].start <= stretch.end) {
      for (; i < candidates.length && candidates[i].start <= stretch.end; i++) date(candidates[i], marker.kind);
      continue;
    }
    // Nearest: the neighbours in start order, and any earlier finding long enough to reach it.
    let best: Candidate | undefined;
    for (let j = Math.min(i, candidates.length - 1); j >= 0; j--) {
      if (!best || distance(marker, candidates[j]) < distance(marker, best)) best = candidates[j];
      if (marker.start - candidates[j].start > NEGATION_REACH_CHARS) break;
    }
    if (i < candidates.length && (!best || distance(marker, candidates[i]) < distance(marker, best))) best = candidates[i];
    if (best) date(best, marker.kind);
  }

  // Same-category findings not separated by a comma are one finding: "self-harm (cutting) 2 days ago".
  const groups: Candidate[][] = [];
  for (const c of live) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev && prev.category === c.category && !/[,;]/.test(clause.slice(prev.end, c.start))) last.push(c);
    else groups.push([c]);
  }

  return groups.map((group) => {
    const kinds = group.flatMap((c) => markersOf.get(c) ?? []);
    const notCurrent = group.some((c) => clause.length - c.end < 120 && POST_NOT_CURRENT.test(clause.slice(c.end)));
    const temporal = notCurrent ? strongest(kinds.filter((k) => k !== "current"), "historical") : strongest(kinds, "current");
    return { category: group[0].category, temporal, evidence: evidenceOf(clause, group[0].start) };
  });
}

export function analyzeSentence(sentence: string, question = false): Finding[] {
  const clauses = splitClauses(sentence);
  const dangerInSentence = clauses.some(hasUnnegatedDanger);
  return clauses.flatMap((clause) => analyzeClause(clause, dangerInSentence, question));
}
