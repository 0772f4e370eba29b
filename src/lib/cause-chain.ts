/** An error and its `cause`s, outermost first (bounded, in case a chain loops). */
export type ChainLink = { name?: string; code?: unknown; message?: string; constraint?: string; sourceError?: unknown; cause?: unknown };

export function* causeChain(error: unknown, limit = 8): Generator<ChainLink> {
  let current = error as ChainLink | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < limit; depth++) {
    yield current;
    current = current.cause as ChainLink | undefined;
  }
}
