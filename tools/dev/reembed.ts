/**
 * `npm run reembed`: fills in embeddings for knowledge chunks that have none, through the admin
 * route of a running server, until none remain (a database seeded offline becomes hybrid).
 *
 *   BASE_URL (default http://127.0.0.1:$PORT or :8787), ADMIN_EMAIL (admin@demo.local),
 *   ADMIN_PASSWORD (DEMO_PASSWORD, or the README's default for `npm run dev`)
 */
import process from "node:process";
import { DEFAULT_DEMO_PASSWORD } from "./demo-users.ts";

const base = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? "8787"}`;
const email = process.env.ADMIN_EMAIL ?? "admin@demo.local";
const password = process.env.ADMIN_PASSWORD ?? process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;

const login = await fetch(`${base}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password }),
});
if (!login.ok) {
  console.error(`login as ${email} failed: HTTP ${login.status} ${await login.text()}`);
  process.exit(1);
}
const { access_token: token } = (await login.json()) as { access_token: string };
for (;;) {
  const res = await fetch(`${base}/api/v1/knowledge/reembed`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { embedded?: number; remaining?: number; detail?: string };
  if (!res.ok) {
    console.error(`re-embed failed: HTTP ${res.status} ${body.detail ?? ""}`);
    process.exit(1);
  }
  console.log(`embedded ${body.embedded}, remaining ${body.remaining}`);
  if (!body.remaining || !body.embedded) break;
}
