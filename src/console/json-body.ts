/** The JSON body of a console script's request, validated by the API's own schema: a 400 problem naming the field, as the API answers. */
import { validator } from "hono/validator";
import type { z } from "zod";
import { validationProblem } from "../lib/problem";

export const jsonBody = <T extends z.ZodType>(schema: T) =>
  validator("json", (value): z.infer<T> => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw validationProblem(parsed.error.issues, "body");
    return parsed.data;
  });
