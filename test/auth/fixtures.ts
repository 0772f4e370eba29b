/**
 * What the files of test/auth share: a database of their own (Vitest evaluates this module once
 * per test file), the fields of a user as the API shows them, and the requests most files send
 * (GET /me, refresh) or wait for (the start of a rate-limit window).
 */
import { authHeader } from "../support/accounts";
import { createTestApi, type TestApi } from "../support/api";
import { ok, read } from "../support/client";

export const api = await createTestApi();

export const USER_FIELDS = [
  "id",
  "email",
  "username",
  "first_name",
  "last_name",
  "role",
  "license_type",
  "license_number",
  "license_state",
  "organization",
  "country",
  "locale",
  "client_retention_years",
  "is_active",
  "is_verified",
  "created_at",
  "last_login",
].sort();

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function me(token: string, client: TestApi = api) {
  return read(client.client.api.auth.me.$get({}, { headers: authHeader(token) }));
}

/** The caller's profile (a 200 expected). */
export async function profileOf(token: string) {
  return ok(await me(token), 200).body;
}

export function refresh(refreshToken: string) {
  return read(api.client.api.auth.refresh.$post({ json: { refresh_token: refreshToken } }));
}

/** Rate-limit windows are aligned to the wall-clock minute: start a burst early in one. */
export async function startOfRateWindow() {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
}
