/**
 * The app's routes as a typed client: `hc<AppType>` over the Worker's own fetch, so a test's
 * request and the JSON it reads are checked against the routes' zod schemas at compile time.
 * Invalid input (malformed JSON, odd headers) cannot be expressed through it: such tests use
 * `TestApi.fetch` directly.
 */

import type { ClientResponse } from "hono/client";
import { hc } from "hono/client";
import { expect } from "vitest";
import type { AppType } from "../../src/app";
import type { problemBody } from "../../src/lib/problem";

export type ApiClient = ReturnType<typeof hc<AppType>>;

export function createClient(fetchWorker: (input: string, init?: RequestInit) => Promise<Response>): ApiClient {
  return hc<AppType>("http://api.test", { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchWorker(input.toString(), init) });
}

/** The body of every problem+json answer. */
export type ProblemBody = ReturnType<typeof problemBody>;

type AnyClientResponse = ClientResponse<unknown, number, string>;

/** The JSON a route documents for one status. */
export type JsonAt<R, S extends number> = R extends ClientResponse<infer Body, S, string> ? Body : never;

/**
 * Asserts the answer's status (the body as the failure message) and returns its JSON, typed as
 * the route documents it for that status.
 */
export async function expectJson<R extends AnyClientResponse, S extends R["status"]>(res: R, status: S): Promise<JsonAt<R, S>> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as JsonAt<R, S>;
}

/** A typed client method (`api.client.api.auth.me.$get`). */
export type Endpoint = (...args: never[]) => Promise<AnyClientResponse>;

/**
 * A raw answer typed as the given route's answers. For routes that accept several media types
 * (JSON or a form): the client's input type for them demands every one at once, so such a
 * request is sent raw and only its answer is typed.
 */
export function answerOf<E extends Endpoint>(res: Response): Awaited<ReturnType<E>> {
  return res as unknown as Awaited<ReturnType<E>>;
}

/** An answer and its body, read once: JSON when it parses, else the text; not yet typed. */
export interface Answer<R extends AnyClientResponse> {
  res: R;
  body: unknown;
}

export async function read<R extends AnyClientResponse>(pending: R | Promise<R>): Promise<Answer<R>> {
  const res = await pending;
  const text = await res.text();
  try {
    return { res, body: JSON.parse(text) };
  } catch {
    return { res, body: text };
  }
}

/** Asserts an answer's status (its body as the failure message); the body, typed as the route documents it for that status. */
export function ok<R extends AnyClientResponse, S extends R["status"]>(answer: Answer<R>, status: S): { res: R; body: JsonAt<R, S> } {
  expect(answer.res.status, JSON.stringify(answer.body)).toBe(status);
  return { res: answer.res, body: answer.body as JsonAt<R, S> };
}
