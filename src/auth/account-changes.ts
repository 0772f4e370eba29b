/** A signed-in person's changes to their own account (shared by the API routes and the console). */
import type { Context } from "hono";
import type { z } from "zod";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { enforcePasswordCheckRateLimit } from "../lib/rate-limits";
import { revokeAllLoginSessions, updateUser } from "./auth.data";
import { type ChangePasswordBody, isLicensedRole, type UpdateMeBody } from "./auth.schemas";
import type { UserRow } from "./auth.table";
import { hashPassword, verifyPassword } from "./password";
import { revokeAllPersonalTokens } from "./personal-tokens.data";

/**
 * Updates names, organization, licence fields, country, language and client retention; changed licence details must
 * be verified again by an admin.
 */
export async function updateProfile<E extends AppEnv>(c: Context<E>, user: UserRow, body: z.infer<typeof UpdateMeBody>): Promise<UserRow> {
  const licenseChanged =
    (body.license_type !== undefined && body.license_type !== user.licenseType) ||
    (body.license_number !== undefined && body.license_number !== user.licenseNumber) ||
    (body.license_state !== undefined && body.license_state !== user.licenseState);
  const resetVerification = licenseChanged && isLicensedRole(user.role) && user.isVerified;
  const [updated] = await updateUser(c.var.db, user.id, {
    firstName: body.first_name,
    lastName: body.last_name,
    organization: body.organization,
    licenseType: body.license_type,
    licenseNumber: body.license_number,
    licenseState: body.license_state,
    country: body.country,
    locale: body.locale,
    clientRetentionYears: body.client_retention_years,
    ...(resetVerification ? { isVerified: false } : {}),
  });
  audit(c, {
    userId: user.id,
    action: "auth.update_profile",
    target: `user:${user.id}`,
    outcome: "success",
    detail: { fields: Object.keys(body), verification_reset: resetVerification },
  });
  return updated;
}

/**
 * Changes the password after checking the current one (rate-limited like logins: each check is
 * a guess); every older access and refresh token of the account stops working.
 */
export async function changePassword<E extends AppEnv>(
  c: Context<E>,
  user: UserRow,
  { current_password, new_password }: z.infer<typeof ChangePasswordBody>,
): Promise<void> {
  await enforcePasswordCheckRateLimit(c, user.id);
  if (!(await verifyPassword(current_password, user.passwordHash)).valid) {
    audit(c, { userId: user.id, action: "auth.change_password", target: `user:${user.id}`, outcome: "failure" });
    throw new ProblemError(400, {
      code: "invalid_current_password",
      detail: "The current password is incorrect.",
      errors: [{ path: "body.current_password", message: "incorrect" }],
    });
  }
  const passwordHash = await hashPassword(new_password);
  // Personal tokens too: one minted by whoever knew the old password must not outlive it.
  await c.var.db.batch([
    updateUser(c.var.db, user.id, { passwordHash, tokenVersion: user.tokenVersion + 1 }),
    revokeAllLoginSessions(c.var.db, user.id),
    revokeAllPersonalTokens(c.var.db, user.id),
  ]);
  audit(c, { userId: user.id, action: "auth.change_password", target: `user:${user.id}`, outcome: "success" });
}
