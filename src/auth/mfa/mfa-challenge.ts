/**
 * The second step of a login that needs a second factor. The password step hands out a
 * challenge token (`tac_…`) instead of tokens; only its SHA-256 is stored (auth_challenges,
 * purpose `mfa_login`). A challenge lives 5 minutes, completes one login, and is spent after
 * {@link MFA_CHALLENGE_MAX_ATTEMPTS} wrong answers, so a stolen password alone gets a handful of
 * guesses at a code, never a login. TOTP (./totp-verify.ts), recovery codes and passkeys
 * (src/auth/passkeys/) each check their factor and then call {@link completeMfaLogin}.
 */
import { and, desc, eq, gt, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import type { Database } from "../../lib/db";
import { ProblemError } from "../../lib/problem";
import { userByIdStatement } from "../auth.data";
import { isLicensedRole } from "../auth.schemas";
import { authChallenges, type UserRow, users } from "../auth.table";
import { accountInactive, type LoginGrant, startLogin } from "../sessions";

export const MFA_CHALLENGE_PREFIX = "tac_";
const MFA_CHALLENGE_SECONDS = 300;
const MFA_CHALLENGE_MAX_ATTEMPTS = 5;

export type MfaMethod = "totp" | "recovery_code" | "passkey";

/** The password step's answer when a second factor is needed (or must first be enrolled). */
export interface MfaLoginChallenge {
  kind: "mfa_required" | "mfa_enrolment_required";
  challengeToken: string;
  methods: MfaMethod[];
  expiresIn: number;
}

export function isMfaChallenge(outcome: LoginGrant | MfaLoginChallenge): outcome is MfaLoginChallenge {
  return "challengeToken" in outcome;
}

/** The login answer for a challenge (POST /api/auth/login). */
export function mfaChallengeBody(challenge: MfaLoginChallenge) {
  return {
    ...(challenge.kind === "mfa_required" ? { mfa_required: true as const } : { mfa_enrolment_required: true as const }),
    challenge_token: challenge.challengeToken,
    methods: challenge.methods,
    expires_in: challenge.expiresIn,
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const hashChallengeToken = sha256Hex;

function newChallengeToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return (
    MFA_CHALLENGE_PREFIX +
    btoa(String.fromCharCode(...bytes))
      .replaceAll("+", "-")
      .replaceAll("/", "_")
      .replaceAll("=", "")
  );
}

export interface MfaFactors {
  totpConfirmed: boolean;
  passkeys: number;
}

/**
 * Columns saying which second factors the account `userId` (a value, or the outer query's user
 * row) has set up. Written with explicit aliases: drizzle leaves columns unqualified in a
 * single-table select, where `id` inside the subquery would mean the passkey's own id.
 */
const factorColumns = (userId: SQL | string) => ({
  totpConfirmed: sql<boolean>`exists (select 1 from user_totp t where t.user_id = ${userId} and t.confirmed_at is not null)`,
  passkeys: sql<number>`(select count(*) from passkeys p where p.user_id = ${userId})::int`,
});
const OUTER_USER_ID = sql.raw(`"users"."id"`);

const toFactors = (row: { totpConfirmed: unknown; passkeys: unknown } | undefined): MfaFactors => ({
  totpConfirmed: row?.totpConfirmed === true || row?.totpConfirmed === "t",
  passkeys: Number(row?.passkeys ?? 0),
});

/** Which second factors an account has set up (one query). */
export async function mfaFactors(db: Database, userId: string): Promise<MfaFactors> {
  const [row] = await db.select(factorColumns(userId)).from(sql`(select 1) as one`);
  return toFactors(row);
}

/**
 * The login lookup (by email or username, case-insensitively, an email match first: as
 * findUserByLogin) with the account's second factors in the same query, so a login still costs
 * one blocking round trip.
 */
export async function findUserAndFactorsByLogin(db: Database, login: string): Promise<{ user: UserRow; factors: MfaFactors } | undefined> {
  const lowered = login.toLowerCase();
  const [row] = await db
    .select({ user: users, ...factorColumns(OUTER_USER_ID) })
    .from(users)
    .where(or(sql`lower(${users.email}) = ${lowered}`, sql`lower(${users.username}) = ${lowered}`))
    .orderBy(desc(sql`lower(${users.email}) = ${lowered}`))
    .limit(1);
  return row && { user: row.user, factors: toFactors(row) };
}

/** The ways the account can answer a challenge, in the order the console offers them. */
export function mfaMethods(factors: MfaFactors): MfaMethod[] {
  return [...(factors.passkeys > 0 ? (["passkey"] as const) : []), ...(factors.totpConfirmed ? (["totp", "recovery_code"] as const) : [])];
}

/**
 * After a correct password: a challenge when the account has a second factor, or has none but
 * must (MFA_REQUIRED and a licensed role: the challenge then only allows enrolment); undefined
 * when the password alone completes the login.
 */
export async function mfaChallengeFor<E extends AppEnv>(
  c: Context<E>,
  user: UserRow,
  factors: MfaFactors,
): Promise<MfaLoginChallenge | undefined> {
  const methods = mfaMethods(factors);
  const mustEnrol = methods.length === 0 && c.var.settings.mfaRequired && isLicensedRole(user.role);
  if (methods.length === 0 && !mustEnrol) return undefined;
  const challengeToken = newChallengeToken();
  await c.var.db.insert(authChallenges).values({
    userId: user.id,
    purpose: "mfa_login",
    challenge: await hashChallengeToken(challengeToken),
    expiresAt: new Date(Date.now() + MFA_CHALLENGE_SECONDS * 1000),
  });
  return { kind: mustEnrol ? "mfa_enrolment_required" : "mfa_required", challengeToken, methods, expiresIn: MFA_CHALLENGE_SECONDS };
}

/** Conditions of a challenge that can still be answered. */
const live = () =>
  and(
    eq(authChallenges.purpose, "mfa_login"),
    isNull(authChallenges.usedAt),
    gt(authChallenges.expiresAt, sql`now()`),
    lt(authChallenges.attempts, MFA_CHALLENGE_MAX_ATTEMPTS),
  );

/** The live (unexpired, unused, attempts left) login challenge a token names, if any. */
export async function findMfaChallenge(db: Database, challengeToken: string): Promise<{ id: string; userId: string } | undefined> {
  if (!challengeToken.startsWith(MFA_CHALLENGE_PREFIX) || challengeToken.length > 200) return undefined;
  const [row] = await db
    .select({ id: authChallenges.id, userId: authChallenges.userId })
    .from(authChallenges)
    .where(and(eq(authChallenges.challenge, await hashChallengeToken(challengeToken)), live()))
    .limit(1);
  return row?.userId ? { id: row.id, userId: row.userId } : undefined;
}

/** The same challenge, or a 401 that says to log in again. */
export async function requireMfaChallenge(db: Database, challengeToken: string): Promise<{ id: string; userId: string }> {
  const challenge = await findMfaChallenge(db, challengeToken);
  if (!challenge) throw invalidChallenge();
  return challenge;
}

export const invalidChallenge = () =>
  new ProblemError(401, {
    code: "invalid_challenge",
    detail: "The sign-in challenge is invalid, expired, already used or out of attempts; log in again with your password.",
  });

/** Counts a wrong answer; the last allowed one spends the challenge. Returns the attempts left. */
export async function recordWrongAnswer(db: Database, challengeId: string): Promise<number> {
  const [row] = await db
    .update(authChallenges)
    .set({
      attempts: sql`${authChallenges.attempts} + 1`,
      usedAt: sql`case when ${authChallenges.attempts} + 1 >= ${MFA_CHALLENGE_MAX_ATTEMPTS} then now() else ${authChallenges.usedAt} end`,
    })
    .where(eq(authChallenges.id, challengeId))
    .returning({ attempts: authChallenges.attempts });
  return Math.max(0, MFA_CHALLENGE_MAX_ATTEMPTS - (row?.attempts ?? MFA_CHALLENGE_MAX_ATTEMPTS));
}

/**
 * Spends the challenge and starts the login, exactly as a password login without a second
 * factor does: call it once the factor checked out. A challenge already spent (a second request
 * racing this one), expired or out of attempts is a 401; an account deactivated in between a 403.
 */
export async function completeMfaLogin<E extends AppEnv>(
  c: Context<E>,
  challengeId: string,
  userId: string,
  method?: MfaMethod | "enrolment",
): Promise<LoginGrant> {
  const { db } = c.var;
  const [spent, [user]] = await db.batch([
    db
      .update(authChallenges)
      .set({ usedAt: sql`now()` })
      .where(and(eq(authChallenges.id, challengeId), eq(authChallenges.userId, userId), live()))
      .returning({ id: authChallenges.id }),
    userByIdStatement(db, userId),
  ] as const);
  if (spent.length === 0 || !user) throw invalidChallenge();
  if (!user.isActive) throw accountInactive();
  return startLogin(c, user, { method });
}
