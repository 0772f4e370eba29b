/**
 * The local stack's workspace encryption key: generated once into .local/data-encryption-key
 * (git-ignored) and reused, so records written in one `npm run dev` open in the next. Only local
 * development reads this file; a deployment sets DATA_ENCRYPTION_KEY as a secret.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function localDataEncryptionKey(root: string): Promise<string> {
  const file = path.join(root, ".local/data-encryption-key");
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (Buffer.from(existing, "base64").length === 32) return existing;
  } catch {
    // Absent: generate below.
  }
  const key = randomBytes(32).toString("base64");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}
