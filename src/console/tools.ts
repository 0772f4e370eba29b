/**
 * The console's tools and who may use each. The access levels mirror the API guards of the
 * routes behind each page: `signed-in` (authenticated), `licensed`, `admin`, `workspace` (the
 * clinician's own client records: verified licensed roles, never administrators).
 */
import { decide, may, type Principal } from "../policy/policy";
import type { MessageId } from "./i18n/i18n";

export type ToolAccess = "signed-in" | "licensed" | "admin" | "workspace";

export interface ConsoleTool {
  path: string;
  /** Message ids (./i18n): the label and description are shown in the request's language. */
  label: MessageId;
  description: MessageId;
  access: ToolAccess;
}

const TOOLS: readonly ConsoleTool[] = [
  { path: "/app", label: "tool.dashboard", description: "tool.dashboard.description", access: "signed-in" },
  { path: "/app/diagnose", label: "tool.diagnose", description: "tool.diagnose.description", access: "licensed" },
  { path: "/app/treatment", label: "tool.treatment", description: "tool.treatment.description", access: "licensed" },
  { path: "/app/cases", label: "tool.cases", description: "tool.cases.description", access: "signed-in" },
  { path: "/app/knowledge", label: "tool.knowledge", description: "tool.knowledge.description", access: "signed-in" },
  {
    path: "/app/voice",
    label: "tool.voice",
    description: "tool.voice.description",
    access: "licensed",
  },
  {
    path: "/app/assessments",
    label: "tool.assessments",
    description: "tool.assessments.description",
    access: "signed-in",
  },
  {
    path: "/app/interactions",
    label: "tool.interactions",
    description: "tool.interactions.description",
    access: "signed-in",
  },
  { path: "/app/notes", label: "tool.notes", description: "tool.notes.description", access: "licensed" },
  { path: "/app/clients", label: "tool.clients", description: "tool.clients.description", access: "workspace" },
  { path: "/app/admin", label: "tool.admin", description: "tool.admin.description", access: "admin" },
  { path: "/app/settings", label: "tool.settings", description: "tool.settings.description", access: "signed-in" },
];

/** Whether the account may use a tool now: the policy's decision for the tool's capability. */
export function mayUse(account: Principal, access: ToolAccess): boolean {
  return may(account, access === "licensed" ? "clinical" : access);
}

/** A tool the account may never use (another role's): hidden, where a student's or unverified clinician's is shown locked. */
function neverFor(account: Principal, access: ToolAccess): boolean {
  if (access === "admin") return !mayUse(account, access);
  const workspace = decide(account, "workspace");
  return access === "workspace" && !workspace.allowed && workspace.reason === "not_clinician";
}

/**
 * The tools an account sees: everything it may use, plus the clinical tools it may not use yet
 * (students, unverified clinicians), which open to an explanation; never the admin tools, and
 * for an administrator never the client records (they have no workspace).
 */
export function visibleTools(account: Principal): Array<ConsoleTool & { locked: boolean }> {
  return TOOLS.filter((tool) => !neverFor(account, tool.access)).map((tool) => ({
    ...tool,
    locked: !mayUse(account, tool.access),
  }));
}
