/** zod's core namespace without `locales`: see ./zod.ts for why the bundle takes zod from here. */
export * from "../../node_modules/zod/v4/core/index.js";
// An explicit export wins over the star export's name of the same name.
export const locales = {};
