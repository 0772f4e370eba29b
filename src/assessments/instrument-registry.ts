/** Every instrument the API scores, in the order lists show them: depression, anxiety, trauma, substances, then the rest. */
import type { InstrumentDefinition } from "./instrument-definition";
import { asrs } from "./instruments/asrs";
import { audit } from "./instruments/audit";
import { auditc } from "./instruments/audit-c";
import { cssrs } from "./instruments/cssrs";
import { dast10 } from "./instruments/dast10";
import { epds } from "./instruments/epds";
import { gad2 } from "./instruments/gad2";
import { gad7 } from "./instruments/gad7";
import { k10 } from "./instruments/k10";
import { mdq } from "./instruments/mdq";
import { pcl5 } from "./instruments/pcl5";
import { phq2 } from "./instruments/phq2";
import { phq9 } from "./instruments/phq9";
import { who5 } from "./instruments/who5";

export const INSTRUMENT_IDS = [
  "phq9",
  "phq2",
  "epds",
  "gad7",
  "gad2",
  "pcl5",
  "audit",
  "auditc",
  "dast10",
  "asrs",
  "mdq",
  "cssrs",
  "who5",
  "k10",
] as const;

export type Instrument = (typeof INSTRUMENT_IDS)[number];

export const INSTRUMENTS: Record<Instrument, InstrumentDefinition> = {
  phq9,
  phq2,
  epds,
  gad7,
  gad2,
  pcl5,
  audit,
  auditc,
  dast10,
  asrs,
  mdq,
  cssrs,
  who5,
  k10,
};

export const isInstrument = (value: unknown): value is Instrument => typeof value === "string" && Object.hasOwn(INSTRUMENTS, value);

/** Lowest and highest possible totals. */
export function scoreRange(definition: InstrumentDefinition): { min: number; max: number } {
  const scores = definition.items.map((item) => item.options.map((option) => option.score));
  return {
    min: definition.minScore ?? scores.reduce((sum, each) => sum + Math.min(...each), 0),
    max: definition.maxScore ?? scores.reduce((sum, each) => sum + Math.max(...each), 0),
  };
}
