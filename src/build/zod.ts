/**
 * zod, as the Worker bundle takes it (wrangler.toml `[alias] "zod"`; vitest uses the same alias).
 *
 * @hono/zod-openapi hands zod's namespace object `z` to a function (`extendZodWithOpenApi(z)`), so
 * the bundler cannot leave out any of its members, and one member is `locales`: translations of
 * zod's error messages into about fifty languages (~35 KiB gzip), which this API never uses (its
 * problems are in English; the English messages are installed by zod itself, not through this
 * namespace). This module re-exports zod's classic API unchanged except that `locales` and
 * `core.locales` are empty objects, and is its own `z`.
 */
import * as z from "./zod-api";

export * from "./zod-api";
export { z, z as default };
