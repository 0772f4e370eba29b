/**
 * LOINC codes of the instruments: the panel (the form) and the total-score observation. Only codes
 * confirmed in LOINC's own tables (loinc.org term pages, or tx.fhir.org's LOINC lookup) are given;
 * an instrument without a confirmed term has null, and the note says why. Every code carries
 * LOINC's mod-10 check digit, which the tests verify. Checked 2026-12.
 *
 * LOINC is copyright Regenstrief Institute, Inc. and the LOINC Committee, available at no cost
 * under the licence at https://loinc.org/license.
 */
export interface LoincCodes {
  panel: string | null;
  total: string | null;
  note: string;
}

const confirmed = "Panel and total-score terms from LOINC's term pages (loinc.org).";

export const LOINC = {
  phq9: { panel: "44249-1", total: "44261-6", note: confirmed },
  gad7: { panel: "69737-5", total: "70274-6", note: confirmed },
  phq2: { panel: "55757-9", total: "55758-7", note: confirmed },
  gad2: {
    panel: null,
    total: null,
    note: "No GAD-2 panel or total-score term confirmed; its two items are the first two of the GAD-7 panel (69737-5).",
  },
  pcl5: {
    panel: "101697-1",
    total: "101698-9",
    note: "Panel 'Post traumatic stress disorder checklist - civilian version DSM-5 [PCL-5]' and total 'PTSD PCL-5 score', from LOINC's tables as served by tx.fhir.org.",
  },
  audit: { panel: "72110-0", total: "75624-7", note: confirmed },
  auditc: { panel: "72109-2", total: "75626-2", note: confirmed },
  dast10: { panel: "82666-9", total: "82667-7", note: confirmed },
  epds: {
    panel: "71354-5",
    total: null,
    note: "Panel from LOINC's tables; a separate total-score term could not be confirmed, so none is given.",
  },
  asrs: { panel: null, total: null, note: "No ASRS v1.1 Part A term confirmed in LOINC." },
  mdq: { panel: null, total: null, note: "No Mood Disorder Questionnaire term confirmed in LOINC." },
  cssrs: {
    panel: null,
    total: null,
    note: "LOINC's C-SSRS panels (e.g. 93245-9, lifetime/recent) are the full scale, not this 6-item screener; no screener term confirmed.",
  },
  who5: { panel: null, total: null, note: "No WHO-5 Well-Being Index term confirmed in LOINC." },
  k10: {
    panel: null,
    total: null,
    note: "No K10 panel or total-score term confirmed in LOINC (LOINC has PhenX K6 items, a different scale).",
  },
} as const satisfies Record<string, LoincCodes>;
