/**
 * Request bodies: which kind a Content-Type names (media types are case-insensitive, and
 * `application/<anything>+json` is JSON), and readers for which a body that cannot be parsed is
 * the caller's error, a 400.
 */
import type { Context } from "hono";
import { ProblemError } from "./problem";

export type BodyKind = "json" | "multipart" | "urlencoded" | "other";

export function bodyKind(contentType: string | null | undefined): BodyKind {
  const essence = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (/^application\/([\w.-]+\+)?json$/.test(essence)) return "json";
  if (essence === "multipart/form-data") return "multipart";
  if (essence === "application/x-www-form-urlencoded") return "urlencoded";
  return "other";
}

/** Takes a Context (Hono's cached reader) or a raw Request (read once, nothing cached). */
export async function readFormData(source: Context | Request): Promise<FormData> {
  try {
    return await (source instanceof Request ? source.formData() : source.req.formData());
  } catch {
    throw new ProblemError(400, {
      code: "malformed_form_data",
      detail: "The request body is not valid form data for its Content-Type (check the multipart boundary).",
    });
  }
}

export async function readJson(source: Context | Request): Promise<unknown> {
  try {
    return await (source instanceof Request ? source.json() : source.req.json());
  } catch {
    throw new ProblemError(400, { code: "malformed_json", detail: "The request body is not valid JSON." });
  }
}
