/**
 * RFC 9457 problem details, the one error shape of every route. Handlers throw {@link ProblemError}; the one error
 * handler in `error-handler.ts` turns every failure into a problem response.
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldError {
  path: string;
  message: string;
}

/** An error answer lists this many field errors at most, so its size never scales with the input. */
const MAX_FIELD_ERRORS = 20;
/** Paths and messages can echo the caller's input (an unknown key, a bad value): cut to this length. */
const MAX_ERROR_TEXT = 200;

const clip = (text: string) => (text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text);

export interface ProblemInit {
  code: string;
  detail: string;
  title?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export class ProblemError extends HTTPException {
  readonly problem: ProblemInit;

  constructor(status: ContentfulStatusCode, problem: ProblemInit, options: { cause?: unknown } = {}) {
    super(status, { message: problem.detail, cause: options.cause });
    this.problem = problem;
  }
}

/**
 * A 400 `validation_error` for a list of field errors: at most {@link MAX_FIELD_ERRORS} are
 * listed (each clipped), and the detail says how many more there were.
 */
export function invalidFields(errors: readonly FieldError[], detail = "The request is invalid", code = "validation_error"): ProblemError {
  const listed = errors.slice(0, MAX_FIELD_ERRORS).map(({ path, message }) => ({ path: clip(path), message: clip(message) }));
  const more = errors.length - listed.length;
  const summary = listed.map((e) => `${e.path}: ${e.message}`).join("; ") + (more > 0 ? `; and ${more} more` : "");
  return new ProblemError(400, { code, detail: `${detail}: ${summary}`, errors: listed });
}

/** The problem document itself: a response body, or the data of an SSE `error` event. */
export function problemBody(status: number, problem: ProblemInit, requestId: string | undefined) {
  return {
    type: `https://therapy-assistant.dev/problems/${problem.code}`,
    title: problem.title ?? TITLES[status] ?? "Error",
    status,
    detail: problem.detail,
    code: problem.code,
    request_id: requestId ?? null,
    ...(problem.errors
      ? { errors: problem.errors.slice(0, MAX_FIELD_ERRORS).map(({ path, message }) => ({ path: clip(path), message: clip(message) })) }
      : {}),
  };
}

export function problemResponse(status: number, problem: ProblemInit, requestId: string | undefined): Response {
  return new Response(JSON.stringify(problemBody(status, problem, requestId)), {
    status,
    headers: { "Content-Type": "application/problem+json", ...problem.headers },
  });
}

/** What a zod issue carries that a problem reports (unknown keys are listed in `keys`). */
type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[] };

/**
 * A 400 `validation_error` listing each issue at `<location>.<path>` (`body.email`,
 * `query.limit`). An unknown field is reported at its own path, so a client can point at it.
 * However many issues the input has, the problem lists a bounded number ({@link invalidFields}).
 */
export function validationProblem(issues: readonly Issue[], location: string, detail = "The request is invalid"): ProblemError {
  const errors = issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" && issue.keys
      ? issue.keys.map((key) => ({
          path: [location, ...issue.path.map(String), key].join("."),
          message: `Unknown field "${key}"; this route does not accept it.`,
        }))
      : [{ path: [location, ...issue.path.map(String)].join("."), message: issue.message }],
  );
  return invalidFields(errors, detail);
}
