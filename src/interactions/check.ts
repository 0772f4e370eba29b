/** The interaction check the REST route, the console page and the MCP tool share: pure, in memory. */
import { type Interaction, type InteractionTable, interactionTable, pairKey, SEVERITIES } from "./interaction-table";
import { normalizeName, resolveName } from "./names";

export interface ResolvedMedication {
  input: string;
  generic: string | null;
  recognised: boolean;
}

export interface InteractionCheck {
  medications: ResolvedMedication[];
  /** The names no drug in the table matched, as typed: nothing was checked for them. */
  not_checked: string[];
  interactions: Interaction[];
  /**
   * Generics that two or more of the names are (Wellbutrin and Zyban are both bupropion): one
   * drug twice, a duplicated dose rather than an interaction, and as dangerous.
   */
  same_drug: Array<{ generic: string; inputs: string[] }>;
  /** What a person reads first: what was not checked, then what was found among the rest. */
  summary: string;
}

const severityRank = (interaction: Interaction) => SEVERITIES.indexOf(interaction.severity);
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Most severe first, then alphabetically by the pair, so equal inputs give equal answers. */
export function compareInteractions(a: Interaction, b: Interaction): number {
  return severityRank(a) - severityRank(b) || byText(a.drugs[0], b.drugs[0]) || byText(a.drugs[1], b.drugs[1]);
}

/**
 * Resolves every name (an input repeated with other case or spacing is listed once; an unknown
 * one is listed as not recognised, never dropped) and returns each interaction among the
 * distinct generics once.
 */
export function checkInteractions(inputs: readonly string[], table: InteractionTable = interactionTable()): InteractionCheck {
  const seen = new Set<string>();
  const medications: ResolvedMedication[] = [];
  for (const input of inputs) {
    const key = normalizeName(input) || input;
    if (seen.has(key)) continue;
    seen.add(key);
    const generic = resolveName(input, table.names);
    medications.push({ input, generic, recognised: generic !== null });
  }
  const generics = [...new Set(medications.flatMap((medication) => (medication.generic ? [medication.generic] : [])))];
  const interactions: Interaction[] = [];
  for (let i = 0; i < generics.length; i++) {
    for (let j = i + 1; j < generics.length; j++) {
      const interaction = table.pairs.get(pairKey(generics[i], generics[j]));
      if (interaction) interactions.push(interaction);
    }
  }
  const notChecked = medications.filter((medication) => !medication.recognised).map((medication) => medication.input);
  const sameDrug = generics
    .map((generic) => ({ generic, inputs: medications.filter((m) => m.generic === generic).map((m) => m.input) }))
    .filter((group) => group.inputs.length > 1);
  return {
    medications,
    not_checked: notChecked,
    interactions: interactions.sort(compareInteractions),
    same_drug: sameDrug,
    summary: duplicateWarning(sameDrug) + summarise(notChecked, generics.length, interactions.length),
  };
}

/** "Same drug twice: …" before anything else, since a duplicated dose is found by no pair rule. */
function duplicateWarning(sameDrug: InteractionCheck["same_drug"]): string {
  return sameDrug
    .map(
      ({ generic, inputs }) =>
        `Same drug twice: ${inputs.join(" and ")} are ${inputs.length === 2 ? "both" : "all"} ${generic} — check for a duplicated dose. `,
    )
    .join("");
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The answer in one or two sentences. An unrecognised name comes first and is never folded into
 * "no interactions": the table cannot vouch for a drug it does not know.
 */
export function summarise(notChecked: readonly string[], recognised: number, found: number): string {
  const warning = notChecked.length ? `Not checked: ${notChecked.join(", ")} — not in our interaction table; check another source. ` : "";
  return warning + findings(recognised, found);
}

/** What was found among the recognized medications, in one sentence. */
function findings(recognised: number, found: number): string {
  if (recognised < 2) return `${recognised === 1 ? "Only one" : "No"} medication was recognized, so no pair could be checked.`;
  const among = `among the ${plural(recognised, "recognized medication", "recognized medications")}`;
  return found === 0 ? `No interactions found ${among}.` : `${plural(found, "interaction", "interactions")} found ${among}.`;
}

/** How many distinct drugs a check recognised (two names of one drug count once). */
export const recognisedCount = (result: Pick<InteractionCheck, "medications">) =>
  new Set(result.medications.flatMap((medication) => (medication.generic ? [medication.generic] : []))).size;

/** What an audit event says about a check: counts only, since which drugs were checked is clinical information about a patient. */
export function checkCounts(result: InteractionCheck) {
  return {
    medications: result.medications.length,
    unrecognised: result.medications.filter((medication) => !medication.recognised).length,
    interactions: result.interactions.length,
  };
}
