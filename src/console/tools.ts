/**
 * The console's tools and who may use each. The access levels mirror the API guards of the
 * routes behind each page: `signed-in` (authenticated), `licensed`, `admin`.
 */
import { may, type Principal } from "../policy/policy";

export type ToolAccess = "signed-in" | "licensed" | "admin";

export interface ConsoleTool {
  path: string;
  label: string;
  description: string;
  access: ToolAccess;
}

const TOOLS: readonly ConsoleTool[] = [
  { path: "/app", label: "Dashboard", description: "Your account and recent activity.", access: "signed-in" },
  { path: "/app/diagnose", label: "Diagnose", description: "A differential diagnosis from symptoms, with sources.", access: "licensed" },
  { path: "/app/treatment", label: "Treatment", description: "Evidence-based treatment options for a diagnosis.", access: "licensed" },
  { path: "/app/cases", label: "Cases", description: "Browse synthetic cases and analyse one.", access: "signed-in" },
  { path: "/app/knowledge", label: "Knowledge", description: "Search the clinical knowledge base.", access: "signed-in" },
  {
    path: "/app/voice",
    label: "Voice",
    description: "Record or upload session audio for a transcript and speech metrics.",
    access: "licensed",
  },
  {
    path: "/app/assessments",
    label: "Assessments",
    description: "Score 14 screening instruments: PHQ-9, GAD-7, PCL-5, AUDIT, EPDS, C-SSRS and more.",
    access: "signed-in",
  },
  {
    path: "/app/interactions",
    label: "Interactions",
    description: "Check medicines, supplements and substances for interactions.",
    access: "signed-in",
  },
  { path: "/app/notes", label: "Notes", description: "Session notes from text or a transcript.", access: "licensed" },
  { path: "/app/admin", label: "Admin", description: "Users, licence verification and the audit trail.", access: "admin" },
  { path: "/app/settings", label: "Settings", description: "Your profile and password.", access: "signed-in" },
];

/** Whether the account may use a tool now: the policy's decision for the tool's capability. */
export function mayUse(account: Principal, access: ToolAccess): boolean {
  return may(account, access === "licensed" ? "clinical" : access);
}

/**
 * The tools an account sees: everything it may use, plus the clinical tools it may not use yet
 * (students, unverified clinicians), which open to an explanation; never the admin tools.
 */
export function visibleTools(account: Principal): Array<ConsoleTool & { locked: boolean }> {
  return TOOLS.filter((tool) => tool.access !== "admin" || mayUse(account, tool.access)).map((tool) => ({
    ...tool,
    locked: !mayUse(account, tool.access),
  }));
}
