/**
 * The grounding check every drafted item passes, whoever drafted it: an item stays only when its
 * key words occur in the source text, so a model's generic advice ("listen to music", "call a
 * hotline") never reaches a plan whose client said nothing of the kind. A quote passes whole; a
 * close paraphrase passes when at most one key word in four is changed.
 */

/** Words of four letters or more that carry no content of their own (English; other languages rarely quote them). */
const FUNCTION_WORDS = new Set(
  (
    "about after again also always been before being both could does doing down during each even ever from have having here " +
    "into just more most much must only other over same should some such than that their them then there these they this " +
    "those through under until very were what when where which while will with would your yours yourself client clients " +
    "patient says said reports reported"
  ).split(" "),
);

const MAX_ITEM_CHARS = 600;
const MAX_ITEMS_PER_SECTION = 8;
/** Shared leading letters that make two word forms one (medication / medicine, calmer / calming). */
const PREFIX = 5;

/** A word with accents folded and common English inflections cut, so "calling" and "calls" meet "call". */
function stem(word: string): string {
  const plain = word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  for (const suffix of ["ing", "ed", "es", "ly", "s"])
    if (plain.endsWith(suffix) && plain.length - suffix.length >= 4) return plain.slice(0, -suffix.length);
  return plain;
}

const words = (text: string) => text.match(/\p{L}+/gu) ?? [];

/** The key words of an item: stems of its words of four letters or more that are not function words. */
function keyWords(text: string): string[] {
  return words(text)
    .filter((word) => word.length >= 4 && !FUNCTION_WORDS.has(word.toLowerCase()))
    .map(stem);
}

/** A test of items against one source text, built once per draft. */
export function groundingIn(source: string): (item: string) => boolean {
  const stems = new Set(words(source).map(stem));
  const prefixes = new Set([...stems].filter((s) => s.length >= PREFIX).map((s) => s.slice(0, PREFIX)));
  const found = (key: string) => stems.has(key) || (key.length >= PREFIX && prefixes.has(key.slice(0, PREFIX)));
  return (item) => {
    const keys = keyWords(item);
    if (!keys.length) return false;
    const missing = keys.filter((key) => !found(key)).length;
    return missing <= Math.floor(keys.length / 4);
  };
}

/** The items of one step that the source supports: trimmed, each once, a bounded number of bounded items. */
export function groundItems(items: string[], grounded: (item: string) => boolean): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of items) {
    const item = raw.trim().replace(/\s+/g, " ");
    const key = item.toLowerCase();
    if (!item || item.length > MAX_ITEM_CHARS || seen.has(key) || !grounded(item)) continue;
    seen.add(key);
    kept.push(item);
    if (kept.length === MAX_ITEMS_PER_SECTION) break;
  }
  return kept;
}
