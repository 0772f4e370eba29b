/**
 * A snippet with the query's words marked. The words are matched as literal text (escaped), at
 * most a handful of them, so the scan stays linear in the snippet's length.
 */
const MAX_TERMS = 12;

function termsOf(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.-]{2,}/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS).sort((a, b) => b.length - a.length);
}

export function Highlighted({ text, query }: { text: string; query: string }) {
  const terms = termsOf(query);
  if (!terms.length) return <>{text}</>;
  const pattern = new RegExp(`(${terms.map((term) => term.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|")})`, "giu");
  return <>{text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark>{part}</mark> : part))}</>;
}
