/**
 * The benchmark's wrangler config: wrangler.toml with the rate limits raised (they are bindings,
 * so a local benchmark can lift them without touching production's values).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function benchConfig(root: string, dir: string): Promise<string> {
  const original = await readFile(path.join(root, "wrangler.toml"), "utf8");
  const config = original
    .replace(/simple = \{ limit = \d+, period = 60 \}/g, "simple = { limit = 1000000, period = 60 }")
    .replace(/^main = "(.+)"$/m, (_line, main: string) => `main = ${JSON.stringify(path.relative(dir, path.join(root, main)))}`);
  const file = path.join(dir, "wrangler.toml");
  await writeFile(file, config);
  return file;
}
