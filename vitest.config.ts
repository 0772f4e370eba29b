/**
 * Three projects: `worker` runs the app inside workerd (@cloudflare/vitest-plugin) against the
 * embedded local Neon and the OpenAI-compatible stub that test/global-setup.ts starts; `tools`
 * runs the Node-side tooling's own tests (the local Neon's protocol conformance, the stub);
 * `browser` drives the console in Chromium against the `npm run dev` stack (e2e/).
 */
import path from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";

/** The Worker's module aliases (wrangler.toml `[alias]`), so tests run the module graph the deployed bundle has. */
const workerAliases = Object.entries<string>(unstable_readConfig({ config: "./wrangler.toml" }).alias ?? {}).map(([name, target]) => ({
  // Exact names, as wrangler matches them: "zod" must not also catch "zod/v4-mini".
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: path.resolve(target),
}));

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: workerAliases },
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                APP_ENV: "test",
                // Each test file swaps in a database of its own (test/support/api.ts).
                DATABASE_URL: "postgres://neon:neon@localhost/shared",
                NEON_FETCH_ENDPOINT: `${inject<string>("localNeonUrl")}/sql`,
                // Long enough for PGlite on a busy 2-core machine, short enough for the outage tests to wait it out.
                DB_TIMEOUT_MS: "3000",
                OPENAI_BASE_URL: inject<string>("openaiUrl"),
                OPENAI_API_KEY: "sk-test-shared",
                AI_TIMEOUT_MS: "3000",
                JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-0123456789",
                // 32 bytes, base64: a test-only workspace key (the raw-row test checks nothing is stored in clear).
                DATA_ENCRYPTION_KEY: "dGVzdC1vbmx5LXdvcmtzcGFjZS1rZXktMzItYnl0ZXM=",
                // Keeps thousands of per-request log lines out of the test output; warnings and errors still show.
                LOG_LEVEL: "warn",
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["test/**/*.test.ts"],
          globalSetup: ["./test/global-setup.ts"],
          setupFiles: ["./test/support/release-databases.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "tools",
          include: ["tools/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The console in Debian's Chromium (playwright-core) against the `npm run dev` stack (e2e/global-setup.ts).
          name: "browser",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["./e2e/global-setup.ts"],
          // A flow signs in and loads several pages; generous for a loaded 2-core machine.
          testTimeout: 120_000,
          // Pages load through the whole stack: a poll waits for them as a person would.
          expect: { poll: { timeout: 20_000 } },
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
