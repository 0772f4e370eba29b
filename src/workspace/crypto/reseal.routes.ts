import { createRoute, z } from "@hono/zod-openapi";
import { adminOnly } from "../../auth/guard";
import { bearerSecurity, jsonContent, problemResponses } from "../../lib/schemas";

export const resealRoute = createRoute({
  method: "post",
  path: "/workspace/reseal",
  tags: ["Admin"],
  security: bearerSecurity,
  summary: "Re-seal a batch of workspace rows still under an older encryption key (a step of a key rotation)",
  middleware: adminOnly,
  request: {
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z
            .object({ batch_size: z.number().int().min(1).max(500).default(100).openapi({ description: "rows to re-seal, 1–500" }) })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: jsonContent(
      z.object({
        resealed: z.number().int().openapi({ description: "rows re-sealed by this call" }),
        remaining: z.number().int().openapi({ description: "rows still under an older key: call again until 0" }),
        current_key_id: z.string().openapi({ description: "the id of DATA_ENCRYPTION_KEY, as stored in each row's key_id" }),
      }),
      "The batch's progress",
    ),
    ...problemResponses(400, 401, 403, 415, 503),
  },
});
