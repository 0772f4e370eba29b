/**
 * Deterministic stand-in embeddings: a hashed bag of word prefixes and character trigrams
 * (subword features, as fastText-style models use), L2-normalised. Texts that share words or word
 * forms get similar vectors, so hybrid retrieval can be exercised offline with real cosine maths.
 */
const STOP_WORDS = new Set(
  "a an and are as at be been by for from has have he her his i in is it its of on or she that the their they this to was were with".split(
    " ",
  ),
);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function embed(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    vector[hash % dimensions] += (hash & 0x100 ? 1 : -1) * weight;
  };
  for (const word of words) {
    if (STOP_WORDS.has(word) || word.length < 2) continue;
    add(word.slice(0, 6), 1);
    // Character trigrams, as subword models use, so word forms share features ("avoids" ~ "avoidance").
    const marked = `<${word}>`;
    const grams = marked.length - 2;
    for (let i = 0; i < grams; i++) add(`#${marked.slice(i, i + 3)}`, 1 / Math.sqrt(grams));
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}
