/** A `%term%` ILIKE pattern in which `%`, `_` and `\` in the search term match themselves, not as wildcards. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
