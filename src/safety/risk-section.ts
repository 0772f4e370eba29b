/** The risk-assessment section that leads every answer where the crisis detector found risk. */
import type { SafetyBlock } from "./crisis";

function riskSection(safety: SafetyBlock): string | null {
  if (!safety.crisis_detected) return null;
  const indicators = safety.indicators
    .map((i) => `- ${i.category.replaceAll("_", " ")} (${i.temporal}, in ${i.field}): "${i.evidence}"`)
    .join("\n");
  const resources = safety.resources.map((r) => `- ${r.name}: ${r.contact}`).join("\n");
  return `## Risk assessment\n\nRisk indicators were found. Assess risk now (e.g. C-SSRS), make a safety plan, and act on local protocols before anything else.\n\n${indicators}\n\nCrisis resources:\n${resources}`;
}

/** A heading of the model's that claims to be the risk assessment, at any level. */
const MODEL_RISK_HEADING = /^([ \t]*#{1,6}[ \t]*)risk[ \t]+assessment\b[^\n]*/gim;

/**
 * Puts the server's risk section first whenever the detector found risk. The model's answer is
 * kept after it, with any heading of its own that claims to be the risk assessment renamed: a
 * model (or a source steering it) cannot stand in for the section with the crisis resources.
 */
export function withRiskFirst(response: string, safety: SafetyBlock): string {
  const section = riskSection(safety);
  if (!section) return response;
  return `${section}\n\n${response.replace(MODEL_RISK_HEADING, "$1Risk notes from the model")}`;
}
