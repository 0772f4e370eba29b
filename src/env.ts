import type OpenAI from "openai";
import type { UserRow } from "./auth/auth.schema";
import type { AccessClaims } from "./auth/tokens";
import type { Database } from "./lib/db";
import type { RequestScope } from "./lib/request-scope";
import type { Settings } from "./lib/settings";

/** The one Hono environment type: bindings from wrangler.toml, per-request variables. */
export interface AppEnv {
  Bindings: CloudflareBindings;
  Variables: {
    settings: Settings;
    db: Database;
    /** null in offline mode (no OPENAI_API_KEY). */
    ai: OpenAI | null;
    storage: R2Bucket;
    requestId: string;
    scope: RequestScope;
    /** Set by the auth guard (src/auth/guard.ts) on routes that declare it; absent elsewhere. */
    user: UserRow;
    claims: AccessClaims;
  };
}
