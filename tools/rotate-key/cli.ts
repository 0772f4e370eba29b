/**
 * `npm run rotate-key`: re-seals every workspace row under the current DATA_ENCRYPTION_KEY through
 * a running deployment's admin route (the whole procedure: docs/encryption.md).
 *
 *   BASE_URL (default http://127.0.0.1:$PORT or :8787), ADMIN_TOKEN (an admin's access token),
 *   BATCH_SIZE (1–500, default 100)
 */
import process from "node:process";
import { rotateAll } from "./rotate.ts";

const base = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? "8787"}`;
const token = process.env.ADMIN_TOKEN;
const batchSize = Number(process.env.BATCH_SIZE ?? "100");
if (!token) {
  console.error("Set ADMIN_TOKEN to an admin's access token (POST /api/auth/login as an admin).");
  process.exit(1);
}
try {
  const total = await rotateAll({ base, token, batchSize });
  console.log(`done: ${total} rows re-sealed; every row is under the current key, so the previous key can be removed.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
