/**
 * The benchmark's wrangler config: wrangler.toml with the rate limits raised (they are bindings,
 * so a local benchmark can lift them without touching production's values).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const RAISED_LIMIT = 1_000_000;

export async function benchConfig(root: string, dir: string): Promise<string> {
  const original = await readFile(path.join(root, "wrangler.toml"), "utf8");
  const config = original
    .replace(
      /simple = \{ limit = \d+, period = (\d+) \}/g,
      (_line, period: string) => `simple = { limit = ${RAISED_LIMIT}, period = ${period} }`,
    )
    .replace(/^main = "(.+)"$/m, (_line, main: string) => `main = ${JSON.stringify(path.relative(dir, path.join(root, main)))}`)
    // The static assets folder, like main, is relative to the config file.
    .replace(
      /^directory = "(.+)"$/m,
      (_line, folder: string) => `directory = ${JSON.stringify(path.relative(dir, path.join(root, folder)))}`,
    )
    // So are the [alias] targets (modules kept out of the bundle, zod without its locales).
    .replace(
      /^("[^"]+") = "(\.\.?\/[^"]+)"$/gm,
      (_line, name: string, target: string) => `${name} = ${JSON.stringify(path.relative(dir, path.join(root, target)))}`,
    );
  // A limiter written in another form would stay at its production value and throttle the benchmark.
  const bindings = config.match(/^\[\[ratelimits\]\]$/gm)?.length ?? 0;
  const raised = config.match(new RegExp(`^simple = \\{ limit = ${RAISED_LIMIT}, period = \\d+ \\}$`, "gm"))?.length ?? 0;
  if (raised !== bindings)
    throw new Error(
      `bench config: raised ${raised} of ${bindings} rate-limit bindings; write each as "simple = { limit = N, period = P }"`,
    );
  const file = path.join(dir, "wrangler.toml");
  await writeFile(file, config);
  return file;
}
