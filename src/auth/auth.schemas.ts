/** Shapes of the account routes: request bodies validated by zod, the User object the API returns. */
import { z } from "@hono/zod-openapi";
import { isCountryCode } from "../safety/crisis-resources";
import { LICENSE_TYPES, LICENSED_ROLES, LOCALES, USER_ROLES, type UserRow } from "./auth.table";

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    username: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    role: z.enum(USER_ROLES),
    license_type: z.enum(LICENSE_TYPES).nullable(),
    license_number: z.string().nullable(),
    license_state: z.string().nullable(),
    organization: z.string().nullable(),
    country: z
      .string()
      .nullable()
      .openapi({ description: "ISO 3166-1 alpha-2: whose crisis lines safety answers give (§11)", example: "GB" }),
    locale: z.enum(LOCALES).nullable().openapi({ description: "The console's language" }),
    client_retention_years: z.number().int().openapi({
      description: "Years a discharged client's record is kept before the daily purge deletes it (§12; default 7)",
      example: 7,
    }),
    is_active: z.boolean(),
    is_verified: z.boolean(),
    created_at: z.string().openapi({ format: "date-time" }),
    last_login: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("User");

export type User = z.infer<typeof UserSchema>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    first_name: row.firstName,
    last_name: row.lastName,
    role: row.role,
    license_type: row.licenseType,
    license_number: row.licenseNumber,
    license_state: row.licenseState,
    organization: row.organization,
    country: row.country,
    locale: row.locale,
    client_retention_years: row.clientRetentionYears,
    is_active: row.isActive,
    is_verified: row.isVerified,
    created_at: row.createdAt.toISOString(),
    last_login: row.lastLogin ? row.lastLogin.toISOString() : null,
  };
}

/** Printable text without control characters; quotes and other SQL metacharacters are fine. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, `must not be empty`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/\p{Cc}/u.test(value), "must not contain control characters");

const passwordSchema = z
  .string()
  .min(8, "password must be at least 8 characters")
  .max(128, "password must be at most 128 characters")
  // refine rather than regex: JSON Schema patterns cannot express Unicode property classes.
  .refine((value) => /\p{Ll}/u.test(value), "password must contain a lowercase letter")
  .refine((value) => /\p{Lu}/u.test(value), "password must contain an uppercase letter")
  .refine((value) => /\p{Nd}/u.test(value), "password must contain a digit")
  .refine((value) => /[^\p{L}\p{Nd}\s]/u.test(value), "password must contain a symbol");

const SELF_SERVICE_ROLES = USER_ROLES.filter((role) => role !== "admin") as [string, ...string[]];

const licenseFields = {
  license_type: z.enum(LICENSE_TYPES).nullish(),
  license_number: text(50).nullish(),
  license_state: text(50).nullish(),
  organization: text(200).nullish(),
};

export const RegisterBody = z
  .object({
    username: text(50, 3).regex(/^\S+$/, "must not contain spaces"),
    email: z.email("must be a valid email address").max(254, "must be at most 254 characters"),
    password: passwordSchema,
    first_name: text(100),
    last_name: text(100),
    role: z
      .string()
      .max(50)
      .refine((role) => role !== "admin", "admin cannot be self-assigned; an administrator grants it")
      .pipe(
        z.enum(SELF_SERVICE_ROLES as [Exclude<(typeof USER_ROLES)[number], "admin">, ...Exclude<(typeof USER_ROLES)[number], "admin">[]], {
          error: `must be one of ${SELF_SERVICE_ROLES.join(", ")}`,
        }),
      )
      .default("student"),
    ...licenseFields,
  })
  .strict()
  .openapi("RegisterRequest");

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(254).optional().openapi({ description: "username or email" }),
    email: z.string().trim().min(1).max(254).optional(),
    password: z.string().min(1).max(128),
  })
  .refine((body) => body.username || body.email, { message: "give username or email", path: ["username"] })
  .openapi("LoginRequest");

export const TokenPairSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z.number().int(),
    refresh_token: z.string(),
    user: UserSchema,
  })
  .openapi("TokenPair");

export const RefreshBody = z
  .object({ refresh_token: z.string().min(16).max(200) })
  .strict()
  .openapi("RefreshRequest");

/** An ISO 3166-1 alpha-2 country code in either case, stored in capitals; null clears it. */
const countryCode = z
  .string()
  .trim()
  .max(2, "must be an ISO 3166-1 alpha-2 country code such as GB")
  .toUpperCase()
  .refine(isCountryCode, "must be an ISO 3166-1 alpha-2 country code such as GB")
  .openapi({ example: "GB" });

/** The retention a clinician may choose for discharged clients' records (docs/api.md §12). */
export const MIN_CLIENT_RETENTION_YEARS = 1;
export const MAX_CLIENT_RETENTION_YEARS = 30;

export const UpdateMeBody = z
  .object({
    first_name: text(100).optional(),
    last_name: text(100).optional(),
    ...licenseFields,
    country: countryCode.nullish(),
    locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }).nullish(),
    client_retention_years: z
      .number({ error: "must be a whole number of years from 1 to 30" })
      .int("must be a whole number of years from 1 to 30")
      .min(MIN_CLIENT_RETENTION_YEARS, "must be a whole number of years from 1 to 30")
      .max(MAX_CLIENT_RETENTION_YEARS, "must be a whole number of years from 1 to 30")
      .optional()
      .openapi({ description: "years a discharged client's record is kept (1–30)" }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "give at least one field to change")
  .openapi("UpdateMeRequest");

export const ChangePasswordBody = z
  .object({ current_password: z.string().min(1).max(128), new_password: passwordSchema })
  .strict()
  .refine((body) => body.current_password !== body.new_password, {
    message: "the new password must differ from the current one",
    path: ["new_password"],
  })
  .openapi("ChangePasswordRequest");

export function isLicensedRole(role: string): boolean {
  return (LICENSED_ROLES as readonly string[]).includes(role);
}
