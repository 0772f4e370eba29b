/** The interaction check shared by the REST route (and later the MCP tool): pure, in memory. */
import { type Interaction, type InteractionTable, interactionTable, pairKey, SEVERITIES } from "./interaction-data";
import { normalizeName, resolveName } from "./names";

export interface ResolvedMedication {
  input: string;
  generic: string | null;
  recognised: boolean;
}

export interface InteractionCheck {
  medications: ResolvedMedication[];
  interactions: Interaction[];
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
export function checkInteractions(inputs: readonly string[], table: InteractionTable = interactionTable): InteractionCheck {
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
  return { medications, interactions: interactions.sort(compareInteractions) };
}

/** What an audit event says about a check: counts only, since which drugs were checked is clinical information about a patient. */
export function checkCounts(result: InteractionCheck) {
  return {
    medications: result.medications.length,
    unrecognised: result.medications.filter((medication) => !medication.recognised).length,
    interactions: result.interactions.length,
  };
}
