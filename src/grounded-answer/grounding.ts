/** What a model may cite: only sources that were retrieved for the answer. */
import { clampConfidence } from "../ai/structured";

/** Keeps only source ids that were retrieved; a model citing anything else is not trusted on it. */
export function keepRetrieved(ids: string[], retrieved: Set<string>): string[] {
  return [...new Set(ids.filter((id) => retrieved.has(id)))];
}

/** Differential items as answered: confidence clamped, citations limited to what was retrieved. */
export function groundDifferential<Item extends { confidence: number; supporting_sources: string[] }>(
  items: Item[],
  retrieved: Set<string>,
): Item[] {
  return items.map((item) => ({
    ...item,
    confidence: clampConfidence(item.confidence),
    supporting_sources: keepRetrieved(item.supporting_sources, retrieved),
  }));
}
