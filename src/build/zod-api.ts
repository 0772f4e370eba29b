/** zod's classic API with empty `locales` and `core.locales` (./zod.ts says why). */
export * from "../../node_modules/zod/v4/classic/external.js";
export * as core from "./zod-core";
// An explicit export wins over the star export's name of the same name.
export const locales = {};
