/**
 * Account helpers shared by the auth and admin tests: registering, logging in, promoting an
 * admin (there is no route for that, so it is done with SQL through the local Neon) and checking
 * problem+json answers.
 *
 * The rate-limit bindings are shared by every test file and keyed by client IP, so every
 * registration and login made here comes from a fresh random `CF-Connecting-IP`.
 */
import type { InferRequestType, InferResponseType } from "hono/client";
import { expect } from "vitest";
import { sqlOn, type TestApi } from "./api";
import { type ApiClient, answerOf, ok, type ProblemBody, read } from "./client";

export const DEFAULT_PASSWORD = "Corr3ct-Horse!battery";

/** A registration body as the route accepts it. */
export type RegisterInput = InferRequestType<ApiClient["api"]["auth"]["register"]["$post"]>["json"];

/** The User object as the API returns it. */
export type ApiUser = InferResponseType<ApiClient["api"]["auth"]["me"]["$get"], 200>;

export type TokenPair = InferResponseType<ApiClient["api"]["auth"]["login"]["$post"], 200>;

export interface Account {
  user: ApiUser;
  password: string;
  /** The client IP the registration came from. */
  ip: string;
}

/** A random client IP (unique enough that no two tests share a rate-limit bucket). */
export function randomIp(): string {
  const hex = crypto.randomUUID().replaceAll("-", "");
  return `fd00:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}:${hex.slice(16, 20)}:${hex.slice(20, 24)}:${hex.slice(24, 28)}`;
}

/** Letters and digits only, so generated names never contain LIKE wildcards. */
export function uniqueSuffix(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 12);
}

export function ipHeader(ip: string = randomIp()): Record<string, string> {
  return { "CF-Connecting-IP": ip };
}

export function authHeader(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** A valid registration body with unique username and email; `overrides` replace any field. */
export function registrationBody(overrides: Partial<RegisterInput> = {}): RegisterInput {
  const suffix = uniqueSuffix();
  return {
    username: `user-${suffix}`,
    email: `user.${suffix}@example.com`,
    password: DEFAULT_PASSWORD,
    first_name: "Test",
    last_name: "User",
    ...overrides,
  };
}

/** POST /api/auth/register from a fresh IP, any body (valid or not), sent raw; the answer read and typed as the route's. */
export async function register(api: TestApi, body: unknown, ip: string = randomIp()) {
  return read(
    answerOf<ApiClient["api"]["auth"]["register"]["$post"]>(await api.post("/api/auth/register", body, { headers: ipHeader(ip) })),
  );
}

/** Registers an account (201 expected) and returns it with its password and the IP used. */
export async function registerUser(api: TestApi, overrides: Partial<RegisterInput> = {}): Promise<Account> {
  const body = registrationBody(overrides);
  const ip = randomIp();
  const res = await api.client.api.auth.register.$post({ json: body }, { headers: ipHeader(ip) });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  return { user: (await res.json()).user, password: body.password, ip };
}

/**
 * POST /api/auth/login with a JSON body from a fresh IP (unless given), any body (valid or not),
 * sent raw: the route also documents two form media types, and the typed client's input for such
 * a route demands a form as well as the JSON. The answer read and typed as the route's.
 */
export async function login(api: TestApi, body: unknown, ip: string = randomIp()) {
  return read(answerOf<ApiClient["api"]["auth"]["login"]["$post"]>(await api.post("/api/auth/login", body, { headers: ipHeader(ip) })));
}

/** Logs an account in by email (200 expected) and returns the token pair. */
export async function loginAs(
  api: TestApi,
  account: { user: { email: string }; password: string },
  ip: string = randomIp(),
): Promise<TokenPair> {
  const answer = await login(api, { email: account.user.email, password: account.password }, ip);
  if (answer.res.status !== 200) throw new Error(`login failed: ${answer.res.status} ${JSON.stringify(answer.body)}`);
  return ok(answer, 200).body;
}

/** Runs SQL on the test's database through the local Neon's HTTP endpoint (array mode). */
export function runSql(api: TestApi, query: string, params: unknown[] = []): Promise<unknown[][]> {
  return sqlOn(api.database, query, params);
}

/** There is no route that creates an admin: promote (and verify) an existing user with SQL. */
async function promoteToAdmin(api: TestApi, userId: string): Promise<void> {
  await runSql(api, "update users set role='admin', is_verified=true where id=$1", [userId]);
}

export interface LoggedIn extends Account {
  tokens: TokenPair;
}

/** A fresh admin, logged in after the promotion. */
export async function createAdmin(api: TestApi): Promise<LoggedIn> {
  const account = await registerUser(api, { first_name: "Ada", last_name: "Admin" });
  await promoteToAdmin(api, account.user.id);
  const tokens = await loginAs(api, account);
  return { ...account, user: tokens.user, tokens };
}

/** PATCH /api/admin/users/{id} as the given admin, any id and changes (valid or not), sent raw; the answer read and typed as the route's. */
export async function adminUpdateUser(api: TestApi, adminToken: string, userId: string, changes: Record<string, unknown>) {
  const res = await api.post(`/api/admin/users/${userId}`, changes, { method: "PATCH", headers: authHeader(adminToken) });
  return read(answerOf<ApiClient["api"]["admin"]["users"][":id"]["$patch"]>(res));
}

/** A therapist an admin has verified, logged in. */
export async function createVerifiedTherapist(api: TestApi, adminToken: string, overrides: Partial<RegisterInput> = {}): Promise<LoggedIn> {
  const account = await registerUser(api, {
    role: "therapist",
    license_type: "LMFT",
    license_number: "LMFT-12345",
    license_state: "CA",
    ...overrides,
  });
  const { res, body } = await adminUpdateUser(api, adminToken, account.user.id, { is_verified: true });
  if (res.status !== 200) throw new Error(`verification failed: ${res.status} ${JSON.stringify(body)}`);
  const tokens = await loginAs(api, account);
  return { ...account, user: tokens.user, tokens };
}

/** Registers and logs in. */
export async function registerAndLogin(api: TestApi, overrides: Partial<RegisterInput> = {}): Promise<LoggedIn> {
  const account = await registerUser(api, overrides);
  const tokens = await loginAs(api, account);
  return { ...account, user: tokens.user, tokens };
}

/** Problems about the request's fields (validation, a bad cursor) always list them. */
export type ProblemOf<C extends string> = C extends "validation_error" | "invalid_cursor"
  ? ProblemBody & { errors: Array<{ path: string; message: string }> }
  : ProblemBody;

/** An RFC 9457 problem with the given status and code, its request id matching the header. */
export function expectProblem<C extends string>(
  res: { status: number; headers: Headers },
  body: unknown,
  status: number,
  code: C,
): asserts body is ProblemOf<C> {
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  expect(body).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String), type: expect.stringContaining(code) });
  expect(body).toHaveProperty("request_id", res.headers.get("X-Request-Id"));
}

/** Reads a problem answer and checks it as {@link expectProblem} does; the body, typed. */
export async function readProblem<C extends string>(
  res: { status: number; headers: Headers; text(): Promise<string> },
  status: number,
  code: C,
): Promise<ProblemOf<C>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: expectProblem fails on it with the text as the message.
  }
  expectProblem(res, body, status, code);
  return body;
}

/** The field errors of a validation problem at one path. */
export function errorsAt(body: unknown, path: string): string[] {
  const errors = (body as Partial<ProblemBody> | null)?.errors ?? [];
  return errors.filter((error) => error.path === path).map((error) => error.message);
}

/** The access token's claims the tests read (the token may carry more). */
export interface JwtClaims {
  sub: string;
  role: string;
  ver: number;
  sid: string;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replaceAll("-", "+").replaceAll("_", "/");
  return atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
}

export function base64UrlEncode(text: string): string {
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The header and claims of a JWT, without verifying it. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: JwtClaims } {
  const [header, payload] = token.split(".");
  return { header: JSON.parse(base64UrlDecode(header)), payload: JSON.parse(base64UrlDecode(payload)) };
}
