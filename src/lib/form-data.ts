/** Multipart/urlencoded bodies: a body that cannot be parsed is the caller's error, a 400. */
import type { Context } from "hono";
import { ProblemError } from "./problem";

export async function readFormData(c: Context): Promise<FormData> {
  try {
    return await c.req.formData();
  } catch {
    throw new ProblemError(400, { code: "malformed_form_data", detail: "The request body is not valid form data for its Content-Type (check the multipart boundary)." });
  }
}

export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ProblemError(400, { code: "malformed_json", detail: "The request body is not valid JSON." });
  }
}
