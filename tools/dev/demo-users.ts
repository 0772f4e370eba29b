/**
 * The demo accounts (docs/api.md, local development), for the local database: their password is
 * published, so a Postgres server given by URL (LOCAL_NEON_DATABASE_URL, the benchmark's
 * --database-url) gets them only when asked for explicitly.
 */
import { inArray, sql } from "drizzle-orm";
import { users } from "../../src/auth/auth.table.ts";
import { hashPassword } from "../../src/auth/password.ts";
import type { Database } from "../../src/lib/db.ts";

/** The demo accounts' password unless DEMO_PASSWORD says otherwise. */
export const DEFAULT_DEMO_PASSWORD = "Demo-Password-2026!";

const DEMO_USERS = [
  {
    email: "admin@demo.local",
    username: "demo-admin",
    firstName: "Ada",
    lastName: "Admin",
    role: "admin",
    licenseType: "OTHER",
    isVerified: true,
    description: "admin",
  },
  {
    email: "therapist@demo.local",
    username: "demo-therapist",
    firstName: "Theo",
    lastName: "Therapist",
    role: "therapist",
    licenseType: "LMFT",
    licenseNumber: "LMFT-000001",
    licenseState: "CA",
    country: "US",
    isVerified: true,
    description: "verified therapist (LMFT), in the US",
  },
  {
    email: "psychiatrist@demo.local",
    username: "demo-psychiatrist",
    firstName: "Priya",
    lastName: "Psychiatrist",
    role: "psychiatrist",
    licenseType: "MD",
    licenseNumber: "MD-000001",
    licenseState: "NY",
    country: "US",
    isVerified: true,
    description: "verified psychiatrist (MD), in the US",
  },
  // Clinicians elsewhere: their crisis banners list their own country's lines (docs/api.md §11).
  {
    email: "therapist-gb@demo.local",
    username: "demo-therapist-gb",
    firstName: "Gwen",
    lastName: "Therapist",
    role: "therapist",
    licenseType: "OTHER",
    country: "GB",
    isVerified: true,
    description: "verified therapist in the United Kingdom",
  },
  {
    email: "psychologist-au@demo.local",
    username: "demo-psychologist-au",
    firstName: "Ava",
    lastName: "Psychologist",
    role: "psychologist",
    licenseType: "PSYD",
    country: "AU",
    isVerified: true,
    description: "verified psychologist in Australia",
  },
  {
    email: "student@demo.local",
    username: "demo-student",
    firstName: "Sam",
    lastName: "Student",
    role: "student",
    licenseType: "STUDENT",
    isVerified: false,
    description: "student",
  },
] as const;

/** Creates missing demo users and resets every demo password to `password`. */
async function seedDemoUsers(db: Database, password: string) {
  const passwordHash = await hashPassword(password);
  const emails = DEMO_USERS.map((user) => user.email);
  const existing = new Set(
    (
      await db
        .select({ email: users.email })
        .from(users)
        .where(inArray(sql`lower(${users.email})`, emails))
    ).map((row) => row.email.toLowerCase()),
  );
  const missing = DEMO_USERS.filter((user) => !existing.has(user.email)).map(({ description: _description, ...user }) => ({
    ...user,
    passwordHash,
  }));
  if (missing.length) await db.insert(users).values(missing);
  await db
    .update(users)
    .set({ passwordHash, isActive: true })
    .where(inArray(sql`lower(${users.email})`, emails));
  // A database seeded before the accounts had countries gets them too.
  for (const user of DEMO_USERS)
    if ("country" in user) await db.update(users).set({ country: user.country }).where(sql`lower(${users.email}) = ${user.email}`);
  return DEMO_USERS.map(({ email, description }) => ({ email, description }));
}

export interface DemoAccountsTarget {
  /** The Postgres server the local Neon serves instead of its embedded PGlite, if any. */
  databaseUrl?: string;
  /** `--seed-demo-accounts` or SEED_DEMO_ACCOUNTS=1. */
  requested: boolean;
}

/** Seeds the demo accounts into the embedded database, or into a database given by URL only when requested. */
export async function seedDemoAccounts(db: Database, password: string, { databaseUrl, requested }: DemoAccountsTarget) {
  if (databaseUrl && !requested) return { seeded: false, users: [] };
  return { seeded: true, users: await seedDemoUsers(db, password) };
}
