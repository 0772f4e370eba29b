/**
 * What a clinical use case needs, given explicitly: no Hono context, so the REST handler, the
 * console action and the MCP tool call the same function with the same dependencies, and a
 * use case can be read (and tested) without knowing which door it was called through.
 */
import type { Context } from "hono";
import type OpenAI from "openai";
import { type AuditEvent, audit } from "../audit/audit";
import type { UserRow } from "../auth/auth.table";
import type { HasAccount } from "../auth/guard";
import type { Database } from "../lib/db";
import { enforceAiRateLimit, mayEmbedSearchQuery } from "../lib/rate-limits";
import type { Settings } from "../lib/settings";
import { chosenCountry } from "../safety/crisis-resources";

export interface UseCaseDeps {
  /** The signed-in account the action is done as (its role decides what it may do and see). */
  account: UserRow;
  db: Database;
  /** null in offline mode (no OPENAI_API_KEY): use cases answer from retrieval alone. */
  ai: OpenAI | null;
  settings: Settings;
  storage: R2Bucket;
  requestId: string;
  /**
   * Whose crisis lines every safety block gives: the account's country, else the request's edge
   * country, else null (the international directories). docs/api.md §11.
   */
  country: string | null;
  /** Counts one AI use against the account's limit; throws a 429 problem past it. */
  limitAi(): Promise<void>;
  /** Whether a knowledge search may embed its query (a separate, softer allowance: past it, search is lexical). */
  mayEmbedSearch(): Promise<boolean>;
  /** Records an audit event after the answer is sent (it never delays or fails the answer). */
  audit(event: AuditEvent): void;
}

/** The dependencies of any door that has loaded the account (REST guards, the console session, MCP). */
export function useCaseDeps<E extends HasAccount>(c: Context<E>): UseCaseDeps {
  const { account, db, ai, settings, storage } = c.var;
  return {
    account,
    db,
    ai,
    settings,
    storage,
    requestId: c.get("requestId"),
    country: chosenCountry(account.country, c.req.raw.cf?.country),
    limitAi: () => enforceAiRateLimit(c, account.id),
    mayEmbedSearch: () => mayEmbedSearchQuery(c, account.id),
    audit: (event) => audit(c, event),
  };
}
