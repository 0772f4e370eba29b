/**
 * Field encryption for the clinician workspace: AES-256-GCM through WebCrypto, in the Worker, so
 * Postgres (and any dump or backup of it) only ever holds ciphertext.
 *
 * An envelope is `v1.<key id>.<iv>.<ciphertext+tag>` (base64url). The key id is derived from the
 * key itself (a SHA-256 prefix), so no second setting can disagree with it, and an envelope
 * always says which key opens it. Every envelope is bound to where it lives with GCM's
 * additional data (`<table>:<row id>:<field>`): a value copied to another row or column fails
 * to open instead of showing one client's text in another's record.
 *
 * Keys: `DATA_ENCRYPTION_KEY` (base64 of 32 random bytes) seals; `DATA_ENCRYPTION_PREVIOUS_KEYS`
 * (comma-separated, same form) still open what older keys sealed until a rotation
 * (key-rotation.ts) has re-sealed every row under the current key.
 */
import { ProblemError } from "../../lib/problem";

const VERSION = "v1";
const IV_BYTES = 12;
const KEY_BYTES = 32;

export interface SealingKey {
  id: string;
  key: CryptoKey;
}

export interface Keyring {
  current: SealingKey;
  byId: ReadonlyMap<string, SealingKey>;
}

export interface KeySettings {
  current?: string;
  previous: readonly string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A key from its base64 form, or undefined when it is not exactly 32 bytes of standard or url-safe base64. */
function keyBytes(encoded: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const bytes = fromBase64Url(encoded.trim().replaceAll("=", ""));
    return bytes.length === KEY_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  }
}

async function importKey(bytes: Uint8Array<ArrayBuffer>): Promise<SealingKey> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const id = [...digest.slice(0, 6)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  const key = await crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
  return { id, key };
}

export const encryptionUnavailable = () =>
  new ProblemError(503, {
    code: "encryption_unavailable",
    detail: "The workspace is unavailable: no data encryption key is configured (DATA_ENCRYPTION_KEY).",
  });

// Secrets are fixed for an isolate's lifetime: import each configuration's keys once.
const keyrings = new Map<string, Promise<Keyring | undefined>>();

/** The keyring the settings describe, or undefined when there is no usable current key. */
export function loadKeyring(settings: KeySettings): Promise<Keyring | undefined> {
  const cacheKey = [settings.current ?? "", ...settings.previous].join(",");
  let keyring = keyrings.get(cacheKey);
  if (!keyring) {
    keyring = buildKeyring(settings);
    keyrings.set(cacheKey, keyring);
  }
  return keyring;
}

async function buildKeyring(settings: KeySettings): Promise<Keyring | undefined> {
  const currentBytes = settings.current ? keyBytes(settings.current) : undefined;
  if (!currentBytes) return undefined;
  const current = await importKey(currentBytes);
  const byId = new Map([[current.id, current]]);
  for (const encoded of settings.previous) {
    const bytes = keyBytes(encoded);
    if (!bytes) continue;
    const previous = await importKey(bytes);
    if (!byId.has(previous.id)) byId.set(previous.id, previous);
  }
  return { current, byId };
}

/** Where a sealed value lives, bound into its envelope: `<table>:<row id>:<field>`. */
export const sealContext = (table: string, rowId: string, field: string) => `${table}:${rowId}:${field}`;

/** Seals text under the current key. */
export async function seal(keyring: Keyring, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    keyring.current.key,
    encoder.encode(plaintext),
  );
  return [VERSION, keyring.current.id, toBase64Url(iv), toBase64Url(new Uint8Array(sealed))].join(".");
}

/**
 * Opens an envelope. A key the keyring no longer has is a configuration failure (503); an
 * envelope that fails authentication (tampered, or moved from another row) is a 500: both are
 * logged by the error handler without the value.
 */
export async function open(keyring: Keyring, envelope: string, context: string): Promise<string> {
  const [version, id, iv, ciphertext] = envelope.split(".");
  if (version !== VERSION || !id || !iv || !ciphertext) throw new Error("not a sealed value");
  const key = keyring.byId.get(id);
  if (!key)
    throw new ProblemError(503, {
      code: "encryption_key_missing",
      detail: "A workspace record was sealed under a key that is no longer configured (DATA_ENCRYPTION_PREVIOUS_KEYS).",
    });
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64Url(iv), additionalData: encoder.encode(context) },
    key.key,
    fromBase64Url(ciphertext),
  );
  return decoder.decode(plain);
}

export const sealJson = (keyring: Keyring, value: unknown, context: string) => seal(keyring, JSON.stringify(value), context);

export async function openJson<T>(keyring: Keyring, envelope: string, context: string): Promise<T> {
  return JSON.parse(await open(keyring, envelope, context)) as T;
}
