/**
 * What the fuzz files share: a database of their own (Vitest evaluates this module once per test
 * file), the app's OpenAPI document and its operations, the data the generated requests point at
 * (the corpus, the synthetic cases, a bystander account), and the fresh accounts each operation's
 * run gets.
 */

import { createAdmin, createVerifiedTherapist, type LoggedIn, registerUser, runSql } from "../support/accounts";
import { createTestApi } from "../support/api";
import { caseFiles, loadCases } from "../support/cases";
import { loadCorpus } from "../support/corpus";
import { postDocument } from "../support/knowledge";
import { fetchOpenApi, listOperations, type Operation } from "../support/openapi";

export const api = await createTestApi();
export const doc = await fetchOpenApi(api);
export const operations = listOperations(doc);

export const caseId = (caseFiles[0] as { case_id: string }).case_id;
/** Set by seed(). */
export let corpusDocumentId: string;
export let bystanderId: string;

/**
 * Indexes the corpus and the cases and registers the bystander (for beforeAll: it takes a while).
 * Only operations.test.ts needs the corpus embedded (hybrid search paths); embedding ~1,500 chunks
 * costs the most of the seed, so the other files seed it for full-text search alone.
 */
export async function seed({ embed = false }: { embed?: boolean } = {}) {
  await loadCorpus(api, { embed });
  await loadCases();
  const [[id]] = (await runSql(api, "select id from knowledge_documents order by title limit 1")) as [[string]];
  corpusDocumentId = id;
  bystanderId = (await registerUser(api, { role: "therapist", license_type: "LPC", license_number: "LPC-1", license_state: "NY" })).user.id;
}

/** A per-operation context: the accounts of this operation's run, and values that reach deep into handlers. */
export interface Context {
  therapist: LoggedIn;
  admin: LoggedIn;
  /** A document of this operation's own, for DELETE to remove (the corpus stays whole). */
  documentId: string | null;
}

/** New accounts (and, for a DELETE, a document to delete) for one operation's run alone. */
export async function freshContext(op?: Operation): Promise<Context> {
  const admin = await createAdmin(api);
  const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
  let documentId: string | null = null;
  if (op?.method === "DELETE") {
    const created = await postDocument(api, admin.tokens.access_token, {
      type: "reference",
      title: `Fuzz victim ${crypto.randomUUID()}`,
      content: "A note the fuzzer may delete.",
    });
    if (created.status !== 201) throw new Error(`could not create a document: ${created.status} ${await created.text()}`);
    documentId = (await created.json()).id;
  }
  return { admin, therapist, documentId };
}
