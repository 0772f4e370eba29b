/** The interaction check's request and answer, shared by the route, the console form and the MCP tool. */
import { z } from "@hono/zod-openapi";
import { SEVERITIES } from "./interaction-table";

export const MAX_MEDICATIONS = 20;
const MAX_NAME_LENGTH = 100;

export const CheckRequestSchema = z
  .object({
    medications: z
      .array(
        z
          .string()
          .trim()
          .min(1, "a medication name cannot be empty")
          .max(MAX_NAME_LENGTH, `a medication name has at most ${MAX_NAME_LENGTH} characters`),
      )
      .min(2, `list at least 2 medications to check (at most ${MAX_MEDICATIONS})`)
      .max(MAX_MEDICATIONS, `list at most ${MAX_MEDICATIONS} medications per check`)
      .openapi({ example: ["sertraline", "Nardil", "ibuprofen"] }),
  })
  .strict();

export const InteractionCheckSchema = z
  .object({
    medications: z.array(z.object({ input: z.string(), generic: z.string().nullable(), recognised: z.boolean() })),
    not_checked: z.array(z.string()).openapi({
      description: "The names the table does not know, as given: their interactions were not checked (not the same as none)",
    }),
    interactions: z.array(
      z.object({
        drugs: z.array(z.string()).openapi({ description: "The two generic names, alphabetically" }),
        severity: z.enum(SEVERITIES),
        effect: z.string(),
        mechanism: z.string(),
        management: z.string(),
        reference: z.string(),
      }),
    ),
    same_drug: z.array(z.object({ generic: z.string(), inputs: z.array(z.string()) })).openapi({
      description: "Names that are one drug (a brand and its generic, two brands): a duplicated dose, warned about first in summary",
    }),
    summary: z.string().openapi({
      description: "One or two sentences to show first: 'Not checked: …' for unknown names, then what was found among the recognized ones",
      example:
        "Not checked: Tylenol PM — not in our interaction table; check another source. 1 interaction found among the 2 recognized medications.",
    }),
  })
  .openapi("InteractionCheck");
