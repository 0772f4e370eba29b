import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./migrations",
  // Only `drizzle-kit migrate` against a real database needs this (see README, Deploy).
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://neon:neon@localhost/neondb" },
});
