/**
 * Typed settings read from the Worker's bindings (wrangler.toml vars, secrets, .dev.vars).
 * Every module gets configuration from here through `c.var.settings`, never from globals.
 */
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);
/** HS256 needs a key of at least 256 bits; a shorter one counts as none (auth answers 503). */
const MIN_JWT_SECRET_BYTES = 32;
const milliseconds = (fallback: number) => z.coerce.number().int().positive().catch(fallback);

const bindingsSchema = z.object({
  APP_ENV: z.enum(["production", "development", "test"]).catch("production"),
  APP_VERSION: z.string().catch("0.0.0"),
  CORS_ORIGINS: z.string().optional(),
  DATABASE_URL: optionalString,
  NEON_FETCH_ENDPOINT: optionalString,
  DB_TIMEOUT_MS: milliseconds(5_000),
  JWT_SECRET: optionalString,
  DATA_ENCRYPTION_KEY: optionalString,
  DATA_ENCRYPTION_PREVIOUS_KEYS: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_CHAT_MODEL: z.string().catch("gpt-4o-mini"),
  OPENAI_EMBEDDING_MODEL: z.string().catch("text-embedding-3-small"),
  OPENAI_TRANSCRIPTION_MODEL: z.string().catch("whisper-1"),
  OPENAI_SPEECH_MODEL: z.string().catch("gpt-4o-mini-tts"),
  OPENAI_SPEECH_VOICE: z.string().catch("alloy"),
  AI_TIMEOUT_MS: milliseconds(30_000),
  AI_TEMPERATURE: z.coerce.number().min(0).max(2).catch(0.2),
  AUDIO_RETENTION_DAYS: z.coerce.number().int().positive().catch(30),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().catch(365),
  IMPORT_ALLOWED_HOSTS: z.string().optional(),
  CONSOLE_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).catch(15),
  WEBAUTHN_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).catch("info"),
  MFA_REQUIRED: z.enum(["true", "false"]).catch("false"),
});

export type Settings = ReturnType<typeof toSettings>;

function toSettings(raw: z.infer<typeof bindingsSchema>) {
  return {
    appEnv: raw.APP_ENV,
    version: raw.APP_VERSION,
    corsOrigins: (raw.CORS_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    database: { url: raw.DATABASE_URL, fetchEndpoint: raw.NEON_FETCH_ENDPOINT, timeoutMs: raw.DB_TIMEOUT_MS },
    /** Only a usable key: absent when missing or shorter than 32 bytes. */
    jwtSecret: raw.JWT_SECRET && new TextEncoder().encode(raw.JWT_SECRET).length >= MIN_JWT_SECRET_BYTES ? raw.JWT_SECRET : undefined,
    /** The workspace's field-encryption keys (src/workspace/crypto/field-cipher.ts): base64 of 32 bytes each. */
    encryptionKeys: {
      current: raw.DATA_ENCRYPTION_KEY,
      previous: (raw.DATA_ENCRYPTION_PREVIOUS_KEYS ?? "")
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean),
    },
    ai: {
      apiKey: raw.OPENAI_API_KEY,
      baseURL: raw.OPENAI_BASE_URL,
      chatModel: raw.OPENAI_CHAT_MODEL,
      embeddingModel: raw.OPENAI_EMBEDDING_MODEL,
      transcriptionModel: raw.OPENAI_TRANSCRIPTION_MODEL,
      speechModel: raw.OPENAI_SPEECH_MODEL,
      speechVoice: raw.OPENAI_SPEECH_VOICE,
      timeoutMs: raw.AI_TIMEOUT_MS,
      temperature: raw.AI_TEMPERATURE,
    },
    audioRetentionDays: raw.AUDIO_RETENTION_DAYS,
    auditRetentionDays: raw.AUDIT_RETENTION_DAYS,
    /** Origins passkeys may be made and used on (src/auth/passkeys/relying-party.ts); empty: the request's own origin. */
    webauthnOrigins: (raw.WEBAUTHN_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim().replace(/\/+$/, ""))
      .filter(Boolean),
    /** Host names knowledge import may fetch from, lower-case; empty: any public host. */
    importAllowedHosts: (raw.IMPORT_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase().replace(/\.+$/, ""))
      .filter(Boolean),
    /** Minutes without activity after which the console signs a person out (1–240, default 15; src/console/idle-session.ts). */
    consoleIdleMinutes: raw.CONSOLE_IDLE_MINUTES,
    /** `warn` drops the per-request log lines (tests and benchmarks); errors are always logged. */
    logLevel: raw.LOG_LEVEL,
    /** A second factor for every licensed account: one without a factor is sent to enrol after the password (src/auth/mfa/). */
    mfaRequired: raw.MFA_REQUIRED === "true",
  };
}

// Bindings are fixed for an isolate's lifetime, so parse each env object once.
const cache = new WeakMap<object, Settings>();

export function readSettings(env: object): Settings {
  let settings = cache.get(env);
  if (!settings) {
    settings = toSettings(bindingsSchema.parse(env));
    cache.set(env, settings);
  }
  return settings;
}
