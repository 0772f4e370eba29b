/** Accounts: users, their logins, the logins' refresh-token chains, and personal access tokens. */
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const USER_ROLES = ["therapist", "psychiatrist", "psychologist", "student", "admin"] as const;
export const LICENSED_ROLES = ["therapist", "psychiatrist", "psychologist"] as const;
export const LICENSE_TYPES = ["LMFT", "LCSW", "LPC", "PSYD", "MD", "PHD", "NP", "STUDENT", "OTHER"] as const;

export type UserRole = (typeof USER_ROLES)[number];
/** The console's languages (docs/api.md §11). */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export const userRole = pgEnum("user_role", USER_ROLES);
export const licenseType = pgEnum("license_type", LICENSE_TYPES);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    username: text().notNull(),
    passwordHash: text("password_hash").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    role: userRole().notNull().default("student"),
    licenseType: licenseType("license_type"),
    licenseNumber: text("license_number"),
    licenseState: text("license_state"),
    organization: text(),
    /** ISO 3166-1 alpha-2, upper case: whose crisis lines the safety layer gives (null: the request's edge country, else international). */
    country: text(),
    /** The console's language (`en` | `es`); null: the browser's Accept-Language. */
    locale: text().$type<Locale>(),
    /** Years a discharged client's record is kept before the daily purge (docs/api.md §12); 7 by default. */
    clientRetentionYears: integer("client_retention_years").notNull().default(7),
    isActive: boolean("is_active").notNull().default(true),
    isVerified: boolean("is_verified").notNull().default(false),
    /** Bumped on password change: access tokens carry it as `ver` and older ones stop working. */
    tokenVersion: integer("token_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastLogin: timestamp("last_login", { withTimezone: true }),
  },
  (t) => [
    // Case-insensitive uniqueness enforced by the database, so concurrent registrations cannot race past it.
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    index("users_created_at_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);

/**
 * One login: the family of refresh tokens it rotates through and the access tokens issued on it
 * (their `sid`). Revocation and expiry live here, so they reach every token of the login at once.
 */
export const loginSessions = pgTable(
  "login_sessions",
  {
    id: uuid().primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The user's token version at login; a refresh fails once the user's differs. */
    tokenVersion: integer("token_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Fixed at login; refreshing never extends it. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("login_sessions_user_idx").on(t.userId)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /**
     * One login's chain of rotated tokens; reuse of a spent token revokes the whole family (after a
     * short grace window in which it yields its successor again: ./sessions.ts).
     */
    familyId: uuid("family_id")
      .notNull()
      .references(() => loginSessions.id, { onDelete: "cascade" }),
    /** SHA-256 of the opaque token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("refresh_tokens_family_idx").on(t.familyId), index("refresh_tokens_user_idx").on(t.userId)],
);

/**
 * `read`: the read-only REST routes; `mcp`: the MCP server; `workspace`: with `mcp`, the MCP tools
 * that reach client records (docs/api.md §12), which no token created before it can reach.
 */
export const TOKEN_SCOPES = ["mcp", "read", "workspace"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * Personal access tokens: long-lived bearer secrets for scripts and AI assistants. Each acts with
 * its owner's current account (role, verification, active), so nothing about the owner is copied
 * here; deleting the owner deletes them.
 */
export const personalAccessTokens = pgTable(
  "personal_access_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    // text[] rather than an enum array: the HTTP driver parses text[] but returns unknown array types as strings.
    scopes: text().array().notNull().$type<TokenScope[]>(),
    /** SHA-256 of the secret; the secret itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("personal_access_tokens_user_idx").on(t.userId, t.createdAt.desc()),
    check(
      "personal_access_tokens_scopes_check",
      sql`cardinality(${t.scopes}) between 1 and 3 and ${t.scopes} <@ array['mcp','read','workspace']::text[]`,
    ),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type PersonalAccessTokenRow = typeof personalAccessTokens.$inferSelect;

/**
 * A clinician's TOTP authenticator (RFC 6238; docs/api.md §14). The shared secret must be read
 * back to check a code, so it is sealed with the workspace's field cipher
 * (src/workspace/crypto/field-cipher.ts, context `user_totp:<user id>:secret`), never stored in
 * clear. `confirmedAt` is null until the first code proves the app was set up; `lastUsedStep`
 * refuses a code used twice within its 30-second step.
 */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  keyId: text("key_id").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true, precision: 3 }),
  lastUsedStep: integer("last_used_step"),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** One-time recovery codes, shown once at enrolment; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_key").on(t.userId, t.codeHash)],
);

/** WebAuthn credentials (passkeys): public keys only; the private key never leaves the authenticator. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The credential id as base64url, as the browser reports it. */
    credentialId: text("credential_id").notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    /** The signature counter (0 for authenticators that do not count). */
    counter: integer().notNull().default(0),
    transports: text().array().notNull().default(sql`'{}'::text[]`),
    deviceType: text("device_type"),
    backedUp: boolean("backed_up").notNull().default(false),
    /** The clinician's own name for it ("Work laptop"). */
    name: text().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [index("passkeys_user_idx").on(t.userId)],
);

export const AUTH_CHALLENGE_PURPOSES = ["mfa_login", "passkey_register", "passkey_login"] as const;

/**
 * Short-lived, single-use challenges: the second step of a login that needs a second factor
 * (`mfa_login`, named by the login answer's `challenge_token`), and the WebAuthn challenges of a
 * passkey registration or sign-in. `attempts` counts wrong answers, so a challenge can be spent by
 * guessing only a few times.
 */
export const authChallenges = pgTable(
  "auth_challenges",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** null for a passkey sign-in that starts before anyone is named (discoverable credentials). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: AUTH_CHALLENGE_PURPOSES }).notNull(),
    /** The WebAuthn challenge (base64url), or the SHA-256 of the mfa_login challenge token. */
    challenge: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("auth_challenges_user_idx").on(t.userId),
    index("auth_challenges_expires_idx").on(t.expiresAt),
    // The verify steps find a challenge by what the client sends back.
    uniqueIndex("auth_challenges_purpose_challenge_key").on(t.purpose, t.challenge),
  ],
);
