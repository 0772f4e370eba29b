/** The benchmark lifts every rate-limit binding of wrangler.toml, including ones added later. */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchConfig, RAISED_LIMIT } from "./bench-config.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("the benchmark's wrangler config", () => {
  it("raises every [[ratelimits]] binding, the login limiters across IPs and accounts among them", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bench-config-"));
    try {
      const config = await readFile(await benchConfig(root, dir), "utf8");
      const limiters = [
        ...config.matchAll(/^\[\[ratelimits\]\]\nname = "(\w+)"\nnamespace_id = "\d+"\nsimple = \{ limit = (\d+), period = \d+ \}$/gm),
      ];
      expect(limiters.map(([, name]) => name)).toEqual(
        expect.arrayContaining(["LOGIN_LIMITER", "LOGIN_ACCOUNT_LIMITER", "LOGIN_IP_LIMITER", "REGISTER_LIMITER", "AI_LIMITER"]),
      );
      expect(limiters).toHaveLength(config.match(/^\[\[ratelimits\]\]$/gm)!.length);
      for (const [, name, limit] of limiters) expect(Number(limit), name).toBe(RAISED_LIMIT);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("points the static assets folder at the project's public/ from wherever the config is written", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bench-config-"));
    try {
      const config = await readFile(await benchConfig(root, dir), "utf8");
      const folder = /^\[assets\]\ndirectory = "(.+)"$/m.exec(config)?.[1];
      expect(folder && path.resolve(dir, folder)).toBe(path.join(root, "public"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("points every [alias] target at the project's file from wherever the config is written", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bench-config-"));
    try {
      const config = await readFile(await benchConfig(root, dir), "utf8");
      const aliases = [...config.matchAll(/^"([^"]+)" = "(.+)"$/gm)];
      expect(aliases.map(([, name]) => name)).toEqual(expect.arrayContaining(["zod", "ajv"]));
      for (const [, name, target] of aliases) expect(path.resolve(dir, target), name).toBe(path.join(root, aliasTarget(name)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** The target wrangler.toml itself gives an alias, relative to the project. */
function aliasTarget(name: string): string {
  const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8");
  const match = new RegExp(`^"${name.replace(/[/.]/g, "\\$&")}" = "(.+)"$`, "m").exec(toml);
  if (!match) throw new Error(`no alias ${name} in wrangler.toml`);
  return match[1];
}
