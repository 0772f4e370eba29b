/**
 * What the files of test/knowledge share: a database with the corpus embedded (Vitest evaluates
 * this module once per test file, so each file gets its own), the same data offline, an admin, a
 * student and a verified therapist, and the requests a client sends: search, documents posted as
 * JSON or uploaded as files, imports from the OpenAI stub's `/_fixtures/doc` route, re-embedding,
 * and a check that a refused request left no rows and no R2 objects behind.
 */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, registerAndLogin, runSql, uniqueSuffix } from "../support/accounts";
import { createTestApi, type TestApi } from "../support/api";
import { type ApiClient, answerOf, read } from "../support/client";
import { corpusFiles, loadCorpus } from "../support/corpus";
import { postDocument } from "../support/knowledge";
import { FIXTURE_DOCUMENT_URL } from "../support/openai-stub";

// One database with the corpus embedded through the stub; `offline` reads the same data without a key.
export const api = await createTestApi();
export const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
await loadCorpus(api, { embed: true });
const admin = await createAdmin(api);
const student = await registerAndLogin(api);
export const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
export const adminToken = admin.tokens.access_token;
export const userToken = student.tokens.access_token;

export const GAD_TITLE = "Generalized Anxiety Disorder: DSM-5-TR criteria summary";
export const GAD_KEY = "knowledge/dsm5_criteria/generalized-anxiety-disorder.md";
export const [[gadId]] = (await runSql(api, "select id from knowledge_documents where object_key = $1", [GAD_KEY])) as [[string]];

const corpusKeys = new Set(corpusFiles.map((file) => file.key));

export type Knowledge = ApiClient["api"]["v1"]["knowledge"];
export type Search = ApiClient["api"]["v1"]["search"]["knowledge"]["$get"];

export function as(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), ...authHeader(token) } };
}

/**
 * A student's token for searching. A user's searches embed at most 10 queries a minute (the AI
 * limit), so every tenth search moves on to a fresh student and each search here stays hybrid.
 */
let searcher = Promise.resolve(userToken);
let searchesBySearcher = 0;
export function searcherToken(): Promise<string> {
  if (++searchesBySearcher > 9) {
    searcher = registerAndLogin(api).then((account) => account.tokens.access_token);
    searchesBySearcher = 0;
  }
  return searcher;
}

export async function search(client: TestApi, params: Record<string, string | number>, token?: string) {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
  return read(answerOf<Search>(await client.fetch(`/api/v1/search/knowledge?${query}`, as(token ?? (await searcherToken())))));
}

/** Every R2 key under `knowledge/` (paged), except the corpus files any test file may (re)write. */
async function ingestedObjectKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await env.STORAGE.list({ prefix: "knowledge/", cursor });
    for (const object of page.objects) if (!corpusKeys.has(object.key)) keys.add(object.key);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

export async function rowCounts(client: TestApi = api): Promise<{ documents: number; chunks: number }> {
  const [[documents, chunks]] = await runSql(
    client,
    "select (select count(*) from knowledge_documents)::int, (select count(*) from knowledge_chunks)::int",
  );
  return { documents: Number(documents), chunks: Number(chunks) };
}

/** Runs `work` and asserts it left no knowledge rows and no R2 objects behind. */
export async function expectNothingLeftBehind(work: () => Promise<void>, client: TestApi = api) {
  const rowsBefore = await rowCounts(client);
  const objectsBefore = await ingestedObjectKeys();
  await work();
  expect(await rowCounts(client)).toEqual(rowsBefore);
  expect([...(await ingestedObjectKeys())].filter((key) => !objectsBefore.has(key))).toEqual([]);
}

/** Any JSON body (valid or not), sent raw; the answer typed as the route's. */
export async function createJson(body: unknown, token = adminToken, client: TestApi = api) {
  return read(await postDocument(client, token, body));
}

/** A multipart upload, sent raw (the route's typed input demands the JSON body as well); the answer typed. */
export async function upload(file: File, fields: Record<string, string> = {}, token = adminToken) {
  const form = new FormData();
  form.set("file", file);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return read(
    answerOf<Knowledge["documents"]["$post"]>(await api.fetch("/api/v1/knowledge/documents", as(token, { method: "POST", body: form }))),
  );
}

/** Any import request (valid or not), sent raw; the answer typed as the route's. */
export async function importUrl(body: Record<string, unknown>, client: TestApi = api, token = adminToken) {
  return read(answerOf<Knowledge["import"]["$post"]>(await client.post("/api/v1/knowledge/import", body, as(token))));
}

export function fixtureUrl(params: Record<string, string | number>) {
  return `${FIXTURE_DOCUMENT_URL}?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))}`;
}

/** Any id (valid or not), sent raw; the answer typed as the route's. */
export async function getDocument(id: string, token = userToken) {
  return read(answerOf<Knowledge["documents"][":id"]["$get"]>(await api.fetch(`/api/v1/knowledge/documents/${id}`, as(token))));
}

export function deleteDocument(id: string, token = adminToken) {
  return read(api.client.api.v1.knowledge.documents[":id"].$delete({ param: { id } }, { headers: authHeader(token) }));
}

export function reembed(client: TestApi, token: string) {
  return read(client.client.api.v1.knowledge.reembed.$post({}, { headers: authHeader(token) }));
}

/** A word no corpus document contains, so a search for it finds exactly the test's document. */
export const uniqueWord = () => `zyqtermin${uniqueSuffix()}`;
