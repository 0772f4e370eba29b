/**
 * The interaction table, built once per isolate from the two JSON files bundled with the Worker
 * (data/interactions). Both are validated with zod when the table is built, so a malformed or
 * inconsistent file fails the first check loudly instead of answering with silently missing data
 * (and the test suite builds it, so such a file never ships).
 * Group entries ("SSRI" with "MAOI") are expanded here into concrete pairs, so a lookup is one
 * Map read.
 */
import { z } from "zod";
import drugsFile from "../../data/interactions/drugs.json";
import interactionsFile from "../../data/interactions/interactions.json";
import { normalizeName } from "./names";

export const SEVERITIES = ["contraindicated", "major", "moderate", "minor"] as const;
export type Severity = (typeof SEVERITIES)[number];

const text = z.string().trim().min(1);

const DrugSchema = z.strictObject({
  generic: text,
  class: text,
  groups: z.array(text),
  brands: z.array(text),
  aliases: z.array(text),
});

/** One side of an authored interaction: a generic name, or every drug of a group. */
const SideSchema = z.union([text, z.strictObject({ group: text })]);

const InteractionSchema = z.strictObject({
  drugs: z.tuple([SideSchema, SideSchema]),
  severity: z.enum(SEVERITIES),
  effect: text,
  mechanism: text,
  management: text,
  reference: text,
});

const DrugsFileSchema = z.strictObject({ drugs: z.array(DrugSchema).min(1) });
const InteractionsFileSchema = z.strictObject({ interactions: z.array(InteractionSchema).min(1) });

export type Drug = z.infer<typeof DrugSchema>;
export type AuthoredInteraction = z.infer<typeof InteractionSchema>;
type Side = z.infer<typeof SideSchema>;

export interface Interaction {
  /** The two generic names, in alphabetical order. */
  drugs: [string, string];
  severity: Severity;
  effect: string;
  mechanism: string;
  management: string;
  reference: string;
}

export interface InteractionTable {
  drugs: Drug[];
  /** Every normalised generic, brand and alias name → its generic name. */
  names: Map<string, string>;
  /** `pairKey(a, b)` → the interaction of that pair. */
  pairs: Map<string, Interaction>;
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function indexNames(drugs: Drug[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const drug of drugs) {
    for (const name of [drug.generic, ...drug.brands, ...drug.aliases]) {
      const key = normalizeName(name);
      const owner = names.get(key);
      // A name shared by two drugs would make the answer depend on file order: refuse it.
      if (owner !== undefined && owner !== drug.generic)
        throw new Error(`interaction data: the name "${name}" belongs to both ${owner} and ${drug.generic}`);
      names.set(key, drug.generic);
    }
  }
  return names;
}

function membersOf(side: Side, drugs: Drug[], known: Set<string>): string[] {
  if (typeof side === "string") {
    if (!known.has(side)) throw new Error(`interaction data: "${side}" is not a generic name in drugs.json`);
    return [side];
  }
  const members = drugs.filter((drug) => drug.groups.includes(side.group)).map((drug) => drug.generic);
  if (members.length === 0) throw new Error(`interaction data: no drug belongs to the group "${side.group}"`);
  return members;
}

/** How concrete an entry is: 2 for a drug pair, 1 for a drug and a group, 0 for two groups. */
const specificity = (entry: AuthoredInteraction) => entry.drugs.filter((side) => typeof side === "string").length;

const severityRank = (entry: AuthoredInteraction) => SEVERITIES.indexOf(entry.severity);

/**
 * One interaction from the entries that decide a pair. Several class rules can meet on one pair
 * (citalopram with ondansetron is both a QT pair and a serotonergic pair): the answer carries
 * every one of them, most severe first, under the most severe severity, so no rule is hidden.
 */
function combine(pair: [string, string], decisive: AuthoredInteraction[]): Interaction {
  const ordered = [...decisive].sort((a, b) => severityRank(a) - severityRank(b));
  const joined = (field: "effect" | "mechanism" | "management" | "reference") => ordered.map((entry) => entry[field]).join(" ");
  return {
    drugs: pair,
    severity: ordered[0].severity,
    effect: joined("effect"),
    mechanism: joined("mechanism"),
    management: joined("management"),
    reference: joined("reference"),
  };
}

/**
 * Expands the authored entries to concrete pairs. The most specific entries naming a pair decide
 * it (a drug pair beats a drug and a group, which beats two groups), because the specific entry
 * carries the specific facts; entries of equal specificity that meet on a pair are combined. Two
 * drug-pair entries for the same two drugs are a data error: one of them would be a duplicate.
 */
function expandPairs(entries: AuthoredInteraction[], drugs: Drug[]): Map<string, Interaction> {
  const known = new Set(drugs.map((drug) => drug.generic));
  const decisive = new Map<string, { pair: [string, string]; specificity: number; entries: number[] }>();
  entries.forEach((entry, index) => {
    const level = specificity(entry);
    const [left, right] = entry.drugs.map((side) => membersOf(side, drugs, known));
    for (const a of left) {
      for (const b of right) {
        if (a === b) continue;
        const key = pairKey(a, b);
        const existing = decisive.get(key);
        if (!existing || existing.specificity < level) {
          decisive.set(key, { pair: a < b ? [a, b] : [b, a], specificity: level, entries: [index] });
        } else if (existing.specificity === level && !existing.entries.includes(index)) {
          if (level === 2)
            throw new Error(
              `interaction data: ${a} and ${b} are named by entries ${existing.entries[0]} and ${index} of equal specificity`,
            );
          existing.entries.push(index);
        }
      }
    }
  });
  return new Map(
    [...decisive].map(([key, { pair, entries: indexes }]) => {
      if (indexes.length > 1)
        return [
          key,
          combine(
            pair,
            indexes.map((index) => entries[index]),
          ),
        ];
      const { drugs: _sides, ...facts } = entries[indexes[0]];
      return [key, { drugs: pair, ...facts }];
    }),
  );
}

export function buildTable(drugsJson: unknown, interactionsJson: unknown): InteractionTable {
  const { drugs } = DrugsFileSchema.parse(drugsJson);
  const { interactions } = InteractionsFileSchema.parse(interactionsJson);
  const generics = drugs.map((drug) => drug.generic);
  const duplicate = generics.find((name, index) => generics.indexOf(name) !== index);
  if (duplicate) throw new Error(`interaction data: ${duplicate} is listed twice in drugs.json`);
  return { drugs, names: indexNames(drugs), pairs: expandPairs(interactions, drugs) };
}

let built: InteractionTable | undefined;

/**
 * The table, built on first use and kept for the isolate's life: only a request that checks
 * interactions pays the few milliseconds of validation and expansion, not every cold start.
 */
export function interactionTable(): InteractionTable {
  built ??= buildTable(drugsFile, interactionsFile);
  return built;
}
