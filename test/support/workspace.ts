/**
 * The setup the workspace tests share: a fresh API with its administrator, verified clinicians on
 * demand (only they have a workspace), their bearer headers, a client record made through the API
 * and a console visitor signed in as a clinician.
 */
import { expect } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn } from "./accounts";
import { createTestApi, type TestApi } from "./api";
import { type ConsoleVisitor, consoleVisitor } from "./console";

/** A test API with its administrator, and `clinician()` making a new verified clinician. */
export async function workspaceFixture() {
  const api = await createTestApi();
  const admin = await createAdmin(api);
  const clinician = () => createVerifiedTherapist(api, admin.tokens.access_token);
  return { api, admin, clinician };
}

/** The request options carrying `account`'s access token. */
export const bearer = (account: LoggedIn) => ({ headers: authHeader(account.tokens.access_token) });

/** Creates a client record for `account` (asserting 201) and returns the record as the API gave it. */
export async function addClient<T = { id: string }>(api: TestApi, account: LoggedIn, body: Record<string, unknown>): Promise<T> {
  const { res, body: client } = await api.json("/api/v1/clients", body, bearer(account));
  expect(res.status, JSON.stringify(client)).toBe(201);
  return client as T;
}

/** A console visitor signed in as `account` (asserting the sign-in's redirect). */
export async function signedInVisitor(api: TestApi, account: { user: { email: string }; password: string }): Promise<ConsoleVisitor> {
  const visitor = consoleVisitor(api);
  const res = await visitor.signIn(account.user.email, account.password);
  expect(res.status, await res.clone().text()).toBe(303);
  return visitor;
}
