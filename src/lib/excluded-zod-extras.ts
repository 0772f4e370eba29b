/**
 * Stands in (wrangler.toml `[alias]`, "./compile.js" and "./from-json-schema.js", the specifiers
 * zod's own index modules use) for two opt-in zod APIs nothing in the Worker calls: `z.compile` /
 * `z.withParser` (a code-generating fast path; workerd forbids `new Function`, so it could only
 * fall back here anyway) and `z.fromJSONSchema`. zod's parsers never import them; they are in the
 * bundle only because src/build/zod.ts re-exports the whole namespace (@hono/zod-openapi needs it
 * whole). Leaving them out keeps ~12 KiB gzip out of the bundle.
 *
 * `compile` keeps its documented contract (a schema it cannot compile is handed back unchanged,
 * `{ strict: true }` throws instead); the rest fail loudly. After a zod upgrade, check in the
 * esbuild metafile (`npx wrangler deploy --dry-run --outdir /tmp/x --metafile /tmp/meta.json`)
 * that "./compile.js" and "./from-json-schema.js" are still imported only by zod/v4/core/index.js
 * and zod/v4/classic/external.js; a build error means zod now imports a name this file lacks.
 */

export const INVALID = Symbol.for("zod.compile.invalid");

export class ZodCompileAsyncError extends Error {
  constructor(message = "z.compile does not support async refinements, transforms, or checks") {
    super(message);
    this.name = "ZodCompileAsyncError";
  }
}

export class ZodCompileUnsupportedError extends Error {
  constructor(feature = "this schema (z.compile is left out of the Worker bundle)") {
    super(`z.compile does not support ${feature}; this schema must use the runtime parser`);
    this.name = "ZodCompileUnsupportedError";
  }
}

/** Every schema keeps zod's runtime parser, as `compile` does for one it cannot compile. */
export function compile<T>(schema: T, options?: { strict?: boolean }): T {
  if (options?.strict) throw new ZodCompileUnsupportedError();
  return schema;
}

function excluded(name: string): never {
  throw new Error(`zod's ${name} is left out of the Worker bundle (src/lib/excluded-zod-extras.ts, wrangler.toml [alias]).`);
}

export function withParser(): never {
  return excluded("withParser");
}

export function compileFn(): never {
  return excluded("compileFn");
}

export function fromJSONSchema(): never {
  return excluded("fromJSONSchema");
}
