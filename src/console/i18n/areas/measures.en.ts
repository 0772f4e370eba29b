/**
 * The console's English strings for a client's measures over time (chart, table, summaries).
 * Instrument names, bands and the change rules' wording are clinical content from their
 * definitions and stay in English.
 */
export const enMeasures = {
  "measures.heading": "Measures over time",
  "measures.none": "No questionnaires are recorded for this client yet.",
  "measures.administer": "Score a questionnaire",
  "measures.latest": "Latest: {score} of {max} ({band}) on {date}, {count} administrations in all.",
  "measures.change": "Change from the first score: {change}",
  "measures.reliable.improved": "reliable improvement",
  "measures.reliable.worsened": "reliable worsening",
  "measures.reliable.no_reliable_change": "no reliable change",
  "measures.response": "response",
  "measures.remission": "remission",
  "measures.clinicallyMeaningful": "clinically meaningful improvement",
  "measures.noRule": "Our table has no published change rule for this instrument, so no change is classified.",
  "measures.rule": "How change is read",
  "measures.baseline": "baseline",
  "measures.chart.caption": "{name} scores over time",
  "measures.chart.title": "{name} scores from {first} to {last}",
  "measures.chart.desc": "{count} administrations, scores {points}, drawn over the severity bands {bands}.",
  "measures.chart.date": "Date",
  "measures.chart.score": "Score",
  "measures.chart.flagLegend": "A red diamond marks an administration with a positive self-harm item.",
  "measures.flag.item9_positive": "PHQ-9 item 9 positive: thoughts of self-harm; assess risk",
  "measures.flag.item10_positive": "EPDS item 10 positive: thoughts of self-harm; assess risk",
  "measures.flag.mark.item9_positive": "item 9",
  "measures.flag.mark.item10_positive": "item 10",
  "measures.table.caption": "{name}: every administration",
  "measures.table.date": "Date",
  "measures.table.score": "Score",
  "measures.table.band": "Band",
  "measures.table.change": "Change",
  "measures.table.reading": "Reading",
  "measures.table.flags": "Flags",
  "measures.table.scroll": "{name} scores (scrolls sideways)",
} as const;
