/** Lists the data folder's files (knowledge corpus, synthetic cases) as R2 keys, and uploads them into an R2 bucket binding. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".md": "text/markdown; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

export interface SeedFile {
  key: string;
  file: string;
  contentType: string;
}

/** `data/<folder>/<path>` → `<folder>/<path>`, e.g. `knowledge/<type>/<slug>.md`. */
export async function listSeedFiles(dataDir: string, folders: string[]): Promise<SeedFile[]> {
  const files: SeedFile[] = [];
  for (const folder of folders) {
    const root = path.join(dataDir, folder);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const contentType = CONTENT_TYPES[path.extname(entry.name)];
      if (!contentType) continue;
      files.push({ key: `${folder}/${path.relative(root, file).split(path.sep).join("/")}`, file, contentType });
    }
  }
  return files.sort((a, b) => a.key.localeCompare(b.key));
}

export async function uploadSeedFiles(bucket: R2Bucket, files: SeedFile[]): Promise<number> {
  for (const { key, file, contentType } of files) {
    await bucket.put(key, await readFile(file), { httpMetadata: { contentType } });
  }
  return files.length;
}
