/** OpenAPI pieces shared by every feature: the problem body and the error responses. */
import { z } from "@hono/zod-openapi";

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: "validation_error" }),
    request_id: z.string().nullable(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input",
  401: "Missing, invalid or expired token",
  403: "Not allowed",
  404: "Not found",
  406: "Not acceptable (see the formats the route produces)",
  409: "Conflict",
  413: "Body too large",
  415: "Unsupported media type",
  429: "Rate limited (see Retry-After)",
  502: "Upstream AI error",
  503: "Dependency unavailable (see Retry-After)",
  504: "Upstream timeout",
};

/** `responses` entries for the given error statuses, all problem+json. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status] ?? "Error", content: { "application/problem+json": { schema: ProblemSchema } } },
    ]),
  ) as Record<S, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }>;
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** Routes behind the auth guard: a bearer token, or the docs' OAuth2 password login. */
export const bearerSecurity: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { oauth2Password: [] }];
