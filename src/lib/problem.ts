/**
 * RFC 9457 problem details (shared/API.md §0). Handlers throw {@link ProblemError}; the one error
 * handler in `error-handler.ts` turns every failure into a problem response.
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

interface FieldError {
  path: string;
  message: string;
}

export interface ProblemInit {
  code: string;
  detail: string;
  title?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

const TITLES: Record<number, string> = {
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
  405: "Method Not Allowed", 409: "Conflict", 413: "Content Too Large", 415: "Unsupported Media Type",
  422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error",
  502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};

export class ProblemError extends HTTPException {
  readonly problem: ProblemInit;

  constructor(status: ContentfulStatusCode, problem: ProblemInit, options: { cause?: unknown } = {}) {
    super(status, { message: problem.detail, cause: options.cause });
    this.problem = problem;
  }
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
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

export function problemResponse(status: number, problem: ProblemInit, requestId: string | undefined): Response {
  return new Response(JSON.stringify(problemBody(status, problem, requestId)), {
    status,
    headers: { "Content-Type": "application/problem+json", ...problem.headers },
  });
}
