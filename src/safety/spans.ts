/** Matching and searching helpers shared by the detector's stages. */
import type { Span } from "./types";

/**
 * Every match of a global regex. Unlike `matchAll` it does not clone the regex per call (the
 * detector runs ~200 rules on every clause); `lastIndex` is reset first, so the shared regexes
 * hold no state between calls.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

/** Index of the first span starting at or after `pos` (spans sorted by start), or `spans.length`. */
export function firstStartingFrom(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last span ending at or before `pos` (spans sorted and not overlapping), or -1. */
export function lastEndingBy(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= pos) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}
