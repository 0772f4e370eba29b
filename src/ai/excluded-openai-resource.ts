/**
 * Stands in (wrangler.toml `[alias]`) for the parts of the openai SDK this Worker never calls.
 * We call `chat.completions.create` (plain and with `stream: true`, which the SDK answers with its
 * core `Stream`, not the lib/ helpers), `embeddings.create`, `audio.transcriptions.create` and
 * `audio.speech.create` (src/ai/structured.ts, src/knowledge/embeddings.ts, src/voice/transcription.ts,
 * src/reports/speech.flow.ts). The SDK's constructor instantiates every resource of the API
 * (`this.admin = new API.Admin(this)`, ...), so the others cannot be tree-shaken: each pulls in its
 * sub-resources and helpers (the Responses and Assistants stream accumulators, the admin API, beta
 * agents, ...), ~40 KiB gzip. Here each such resource is a class that constructs (so `new OpenAI()`
 * works unchanged) and fails loudly when touched; so do the chat helpers `.stream()`, `.runTools()`
 * and their runners, which we never use (`.create()` is kept whole).
 *
 * The aliases match the SDK's own relative import specifiers (client.mjs imports
 * "./resources/admin/admin.mjs", resources/index.mjs "./admin/admin.mjs"), which wrangler and vitest
 * match exactly, wherever they appear. After an SDK upgrade: rebuild with
 * `npx wrangler deploy --dry-run --outdir /tmp/x --metafile /tmp/meta.json` and check in the metafile
 * that each aliased specifier is imported only by client.mjs, resources/index.mjs or a module that is
 * itself left out (a build error means a stand-in lacks an export the SDK now imports), then run the
 * AI tests (test/rag, test/voice.test.ts, test/reports) and `npm run check:bundle`.
 */

function excluded(name: string): never {
  throw new Error(`openai ${name} is left out of the Worker bundle (src/ai/excluded-openai-resource.ts, wrangler.toml [alias]).`);
}

/** A resource of the API we never call: constructs like the SDK's, throws on first use. */
function excludedResource(name: string) {
  return class ExcludedOpenAIResource {
    constructor(_client: unknown) {
      // Symbols and `then` stay undefined so inspection and promise checks do not throw.
      // biome-ignore lint/correctness/noConstructorReturn: the instance is the guard.
      return new Proxy(this, {
        get: (target, property) =>
          typeof property === "symbol" || property === "then" ? Reflect.get(target, property) : excluded(`${name}.${property}`),
      });
    }
  };
}

/** The chat helpers behind `.stream()` and `.runTools()`, which we never call. */
function excludedHelper(name: string) {
  return class ExcludedOpenAIHelper {
    constructor() {
      excluded(name);
    }
    static createChatCompletion(): never {
      return excluded(`${name}.createChatCompletion`);
    }
    static runTools(): never {
      return excluded(`${name}.runTools`);
    }
    static fromReadableStream(): never {
      return excluded(`${name}.fromReadableStream`);
    }
  };
}

export const Admin = excludedResource("admin");
export const Batches = excludedResource("batches");
export const Beta = excludedResource("beta");
export const Containers = excludedResource("containers");
export const ContentProvenanceChecks = excludedResource("contentProvenanceChecks");
export const Conversations = excludedResource("conversations");
export const Decisions = excludedResource("decisions");
export const Evals = excludedResource("evals");
export const Files = excludedResource("files");
export const FineTuning = excludedResource("fineTuning");
export const Graders = excludedResource("graders");
export const Images = excludedResource("images");
export const Live = excludedResource("live");
export const Models = excludedResource("models");
export const Moderations = excludedResource("moderations");
export const Realtime = excludedResource("realtime");
export const Responses = excludedResource("responses");
export const Safety = excludedResource("safety");
export const Skills = excludedResource("skills");
export const Uploads = excludedResource("uploads");
export const VectorStores = excludedResource("vectorStores");
export const Videos = excludedResource("videos");
export const Webhooks = excludedResource("webhooks");

export const ChatCompletionRunner = excludedHelper("ChatCompletionRunner");
export const ChatCompletionStream = excludedHelper("ChatCompletionStream");
export const ChatCompletionStreamingRunner = excludedHelper("ChatCompletionStreamingRunner");
