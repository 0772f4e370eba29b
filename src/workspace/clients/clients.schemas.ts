/** Clients of the clinician workspace (docs/api.md §12): the shapes a client sends and reads. */
import { z } from "@hono/zod-openapi";
import { paginationQuery } from "../../lib/pagination";
import { CLIENT_SEXES, CLIENT_STATUSES } from "../workspace.table";

export const MAX_LABEL = 60;
const MAX_SHORT_TEXT = 60;

const label = z
  .string({ error: "label must be a string" })
  .trim()
  .min(1, "label must not be empty")
  .max(MAX_LABEL, `label must be at most ${MAX_LABEL} characters`)
  .regex(/^[^\p{Cc}]*$/u, "label must be one line")
  .openapi({ description: "Your own pseudonym for the client (unique among your clients); never a name", example: "Client A-17" });

const thisYear = () => new Date().getUTCFullYear();
const optionalShortText = (name: string) =>
  z
    .string({ error: `${name} must be a string` })
    .trim()
    .max(MAX_SHORT_TEXT, `${name} must be at most ${MAX_SHORT_TEXT} characters`)
    .regex(/^[^\p{Cc}]*$/u, `${name} must be one line`)
    .transform((value) => value || null)
    .nullable();

const clientFields = {
  year_of_birth: z
    .number({ error: "year_of_birth must be a year" })
    .int("year_of_birth must be a year")
    .min(1900, "year_of_birth must be 1900 or later")
    .refine((year) => year <= thisYear(), "year_of_birth must not be in the future")
    .nullable(),
  sex: z.enum(CLIENT_SEXES, { error: `sex must be one of ${CLIENT_SEXES.join(", ")}` }).nullable(),
  gender: optionalShortText("gender").openapi({ description: "In the client's own words (stored encrypted)" }),
  pronouns: optionalShortText("pronouns").openapi({ description: "Stored encrypted", example: "she/her" }),
  preferred_language: z
    .string({ error: "preferred_language must be a language tag" })
    .max(35, "preferred_language must be at most 35 characters")
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "preferred_language must be a BCP 47 language tag such as es or pt-BR")
    .nullable(),
};

/** Every descriptive field is optional; null (or an empty string) clears it. */
const optionalClientFields = {
  year_of_birth: clientFields.year_of_birth.optional(),
  sex: clientFields.sex.optional(),
  gender: clientFields.gender.optional(),
  pronouns: clientFields.pronouns.optional(),
  preferred_language: clientFields.preferred_language.optional(),
};

export const CreateClientBody = z
  .object({ label, ...optionalClientFields })
  .strict()
  .openapi("CreateClient");
export type CreateClientInput = z.output<typeof CreateClientBody>;

export const UpdateClientBody = z
  .object({
    label: label.optional(),
    ...optionalClientFields,
    status: z
      .enum(CLIENT_STATUSES, { error: `status must be one of ${CLIENT_STATUSES.join(", ")}` })
      .optional()
      .openapi({ description: "discharged starts the retention period; active again clears it" }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .openapi("UpdateClient");
export type UpdateClientInput = z.output<typeof UpdateClientBody>;

export const ClientSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    year_of_birth: z.number().int().nullable(),
    sex: z.enum(CLIENT_SEXES).nullable(),
    gender: z.string().nullable(),
    pronouns: z.string().nullable(),
    preferred_language: z.string().nullable(),
    status: z.enum(CLIENT_STATUSES),
    created_at: z.iso.datetime(),
    discharged_at: z.iso.datetime().nullable(),
  })
  .openapi("Client");
export type Client = z.infer<typeof ClientSchema>;

export const ClientListQuery = z.object({
  ...paginationQuery,
  status: z.enum(CLIENT_STATUSES, { error: `status must be one of ${CLIENT_STATUSES.join(", ")}` }).optional(),
  q: z.string().trim().min(1, "q must not be empty").max(MAX_LABEL, `q must be at most ${MAX_LABEL} characters`).optional().openapi({
    description: "Part of the label, case-insensitive",
  }),
});
export type ClientListQuery = z.infer<typeof ClientListQuery>;

export const ClientListSchema = z.object({ clients: z.array(ClientSchema), next_cursor: z.string().nullable() }).openapi("ClientList");

export const ClientIdParams = z.object({ id: z.uuid("must be a client id (UUID)") });
