/**
 * Who may do what: the one table every door (REST guards, console pages and actions, MCP tools)
 * and every use case asks, with one set of messages, so a student gets the same answer whether
 * they call the API, click in the console or ask through an assistant.
 *
 * | capability  | admin | psychiatrist (verified) | therapist, psychologist (verified) | licensed role, unverified | student |
 * |-------------|-------|-------------------------|------------------------------------|---------------------------|---------|
 * | signed-in   | yes   | yes                     | yes                                | yes                       | yes     |
 * | clinical    | yes   | yes                     | yes                                | no: `unverified`          | no: `student` |
 * | medication  | yes   | yes                     | no: `not_prescriber`               | no: `not_prescriber`      | no: `not_prescriber` |
 * | admin       | yes   | no: `not_admin`         | no: `not_admin`                    | no: `not_admin`           | no: `not_admin` |
 * | workspace   | no: `not_clinician` | yes           | yes                                | no: `unverified`          | no: `student` |
 *
 * `clinical` is every clinical AI action (diagnose, treatment, case analysis, notes, reports,
 * voice). `medication` is content inside a clinical answer (a treatment plan's medication
 * considerations, in JSON, streams, reports and MCP): a refusal hides it rather than refusing
 * the answer. Questionnaire scoring, interaction checks and knowledge lookups are `signed-in`.
 * `workspace` is the clinician's own client records (docs/api.md §12): a clinician's alone, so an
 * administrator has none and sees only the audit events about them.
 */

import { isLicensedRole } from "../auth/auth.schemas";
import type { UserRow } from "../auth/auth.table";
import { ProblemError } from "../lib/problem";

export type Capability = "signed-in" | "clinical" | "medication" | "admin" | "workspace";
export type Refusal = "student" | "unverified" | "not_prescriber" | "not_admin" | "not_clinician";
export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

/** The account facts a decision reads: its role and whether an admin verified its licence. */
export type Principal = Pick<UserRow, "role" | "isVerified">;

const ALLOWED: Decision = { allowed: true };
const refused = (reason: Refusal): Decision => ({ allowed: false, reason });

export function decide(principal: Principal, capability: Capability): Decision {
  const { role, isVerified } = principal;
  switch (capability) {
    case "signed-in":
      return ALLOWED;
    case "clinical":
      if (role === "admin" || (isLicensedRole(role) && isVerified)) return ALLOWED;
      return refused(isLicensedRole(role) ? "unverified" : "student");
    case "medication":
      return role === "admin" || (role === "psychiatrist" && isVerified) ? ALLOWED : refused("not_prescriber");
    case "admin":
      return role === "admin" ? ALLOWED : refused("not_admin");
    case "workspace":
      if (isLicensedRole(role) && isVerified) return ALLOWED;
      return refused(role === "admin" ? "not_clinician" : isLicensedRole(role) ? "unverified" : "student");
  }
}

export const may = (principal: Principal, capability: Capability): boolean => decide(principal, capability).allowed;

/** What a refused person reads, whatever the door; `what` names the thing refused ("This action", "differential_diagnosis"). */
export function refusalDetail(reason: Refusal, what = "This action"): string {
  switch (reason) {
    case "student":
      return `${what} is for licensed professionals (therapist, psychiatrist, psychologist) verified by an admin; student accounts cannot use it.`;
    case "unverified":
      return `${what} needs a licensed professional verified by an admin: your licence has not been verified yet.`;
    case "not_prescriber":
      return `${what} is for prescribers (psychiatrists and administrators).`;
    case "not_admin":
      return `${what} is for administrators (the admin role).`;
    case "not_clinician":
      return `${what} is a clinician's own workspace: administrators have none and see only its audit events.`;
  }
}

/** The 403 problem for a refusal, as every door answers it. */
function forbidden(reason: Refusal, what?: string): ProblemError {
  return new ProblemError(403, { code: "forbidden", detail: refusalDetail(reason, what) });
}

/** Throws the 403 problem unless the principal has the capability. */
export function assertMay(principal: Principal, capability: Capability, what?: string): void {
  const decision = decide(principal, capability);
  if (!decision.allowed) throw forbidden(decision.reason, what);
}
