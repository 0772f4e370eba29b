/** A scored questionnaire as every caller gets it (the REST route, the console and the MCP tool): validated, scored, with its safety block. */
import type { CrisisIndicator, SafetyBlock } from "../safety/crisis";
import { safetyResources } from "../safety/resources";
import type { InstrumentDefinition } from "./instrument-definition";
import { INSTRUMENTS, type Instrument } from "./instrument-registry";
import { type AssessmentResult, scoreAssessment } from "./scoring";
import { validResponses } from "./validation";

/**
 * The safety block an instrument's self-harm items fill: one indicator per positive item (PHQ-9
 * item 9, EPDS item 10, each C-SSRS yes). As with the crisis detector, historical indicators alone
 * (C-SSRS behaviour more than 3 months ago) are listed but neither set `crisis_detected` nor add resources;
 * the resources are the crisis lines of `country` (null: the international directories).
 */
function safetyBlock(definition: InstrumentDefinition, values: ReadonlyArray<number | null>, country: string | null): SafetyBlock {
  const indicators: CrisisIndicator[] = (definition.safetyItems ?? []).flatMap((safetyItem) => {
    const value = values[safetyItem.item - 1];
    if (value === null || !safetyItem.positive(value)) return [];
    const temporal = typeof safetyItem.temporal === "function" ? safetyItem.temporal(values) : safetyItem.temporal;
    return [{ category: safetyItem.category, field: `responses.${safetyItem.item - 1}`, evidence: safetyItem.evidence, temporal }];
  });
  const crisis = indicators.some((indicator) => indicator.temporal !== "historical");
  return { crisis_detected: crisis, indicators, resources: crisis ? safetyResources(country, { abuse: false }) : [] };
}

/** The score, band, flags and criteria, with the safety block a positive self-harm item fills (with `country`'s crisis lines). */
export function assess(
  instrument: Instrument,
  responses: readonly unknown[],
  country: string | null,
): AssessmentResult & { safety: SafetyBlock } {
  const definition = INSTRUMENTS[instrument];
  const values = validResponses(definition, responses);
  return { ...scoreAssessment(instrument, values), safety: safetyBlock(definition, values, country) };
}
