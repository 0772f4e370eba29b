/**
 * Medication names as clinicians type them: any case, ® and ™ marks, stray punctuation, and
 * trailing strengths, salts and release forms ("Sertraline HCl 50 mg", "Effexor XR 75mg").
 * Matching stays exact on the remaining words on purpose: look-alike names (Celexa and Celebrex,
 * clonazepam and clonidine) are different drugs, so a guess could report the wrong interactions.
 */

/** Lower case, accents, marks and punctuation removed, words separated by single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\d)[.,](\d)/g, "$1$2")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words that may follow a drug name without changing which drug it is. */
const TRAILING_NOISE = new RegExp(
  "^(?:" +
    [
      "\\d+(?:mg|mcg|ug|g|ml|iu|units?|%)?",
      "mg|mcg|ug|g|ml|iu|units?|per|day|daily|bid|tid|qid|qd|qhs|prn|od|nocte",
      "tabs?|tablets?|caps?|capsules?|solution|oral|po|iv|im|injection|patch|odt",
      "xr|xl|er|sr|cr|la|dr|ir|cd|xt|extended|release",
      "hcl|hydrochloride|hydrobromide|sodium|potassium|carbonate|citrate|sulfate|sulphate|maleate|tartrate|succinate|besylate|mesylate|fumarate|acetate|lactate",
    ].join("|") +
    ")$",
);

/**
 * The generic name `input` refers to, or null. The whole normalised name is tried first (so a
 * listed brand such as "Wellbutrin XL" wins), then with trailing noise words removed one by one.
 */
export function resolveName(input: string, names: ReadonlyMap<string, string>): string | null {
  const words = normalizeName(input).split(" ").filter(Boolean);
  while (words.length > 0) {
    const generic = names.get(words.join(" "));
    if (generic !== undefined) return generic;
    if (words.length === 1 || !TRAILING_NOISE.test(words[words.length - 1])) return null;
    words.pop();
  }
  return null;
}
