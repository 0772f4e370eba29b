/** The risk-assessment section that leads every answer where the crisis detector found risk. */
import type { SafetyBlock } from "../safety/crisis";

export function riskSection(safety: SafetyBlock): string | null {
  if (!safety.crisis_detected) return null;
  const indicators = safety.indicators.map((i) => `- ${i.category.replaceAll("_", " ")} (${i.temporal}, in ${i.field}): "${i.evidence}"`).join("\n");
  const resources = safety.resources.map((r) => `- ${r.name}: ${r.contact}`).join("\n");
  return `## Risk assessment\n\nRisk indicators were found. Assess risk now (e.g. C-SSRS), make a safety plan, and act on local protocols before anything else.\n\n${indicators}\n\nCrisis resources:\n${resources}`;
}

/** Puts the risk section first unless the model's answer already opens with one. */
export function withRiskFirst(response: string, safety: SafetyBlock): string {
  const section = riskSection(safety);
  if (!section || /^\s*#+\s*risk assessment/i.test(response)) return response;
  return `${section}\n\n${response}`;
}
