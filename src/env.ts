import type OpenAI from "openai";
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
    // The caller (`account`, `token`) is not here: only guarded routes have it, typed by their
    // guard (src/auth/guard.ts).
  };
}
