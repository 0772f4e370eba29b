/** The console's English (US spelling) strings for the knowledge area, keyed by message id. */
export const enKnowledge = {
  "knowledge.searchLabel": "Search the knowledge base",
  "knowledge.search": "Search",
  "knowledge.queryHint": "Words, a disorder, or a code such as F41.1 or 6B00.",
  "knowledge.type": "Type",
  "knowledge.anyType": "Any type",
  "knowledge.type.dsm5_criteria": "dsm5 criteria",
  "knowledge.type.treatment_guideline": "treatment guideline",
  "knowledge.type.clinical_guideline": "clinical guideline",
  "knowledge.type.assessment_tool": "assessment tool",
  "knowledge.type.reference": "reference",
  "knowledge.results": "Results",
  "knowledge.resultsOne": "{count} result",
  "knowledge.resultsMany": "{count} results",
  "knowledge.summaryLexical": "{results} (full-text search).",
  "knowledge.summaryHybrid": "{results} (full-text and semantic search).",
  "knowledge.lowCoverage":
    "Low coverage: nothing in the knowledge base fits this search well; the results below are the nearest, not a match.",
  "knowledge.notFound": "No knowledge document has that id.",
} as const;
