/** The one place that turns failures into problem+json responses . */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { causeChain } from "./cause-chain";
import { isDatabaseUnavailable, postgresError } from "./db";
import { log } from "./log";
import { ProblemError, type ProblemInit, problemResponse } from "./problem";

const RETRY_AFTER_SECONDS = "5";

/** Codes for the HTTPExceptions Hono and its middleware throw on their own. */
function problemForHttpException(error: HTTPException): ProblemInit {
  switch (error.status) {
    case 400:
      return /malformed json/i.test(error.message)
        ? { code: "malformed_json", detail: "The request body is not valid JSON." }
        : { code: "bad_request", detail: error.message || "The request is malformed." };
    case 401:
      return {
        code: "unauthorized",
        detail: "A valid bearer token is required.",
        headers: { "WWW-Authenticate": 'Bearer realm="therapy-assistant"' },
      };
    case 413:
      return { code: "payload_too_large", detail: "The request body is larger than this route accepts." };
    case 415:
      return {
        code: "unsupported_media_type",
        detail: "This route does not accept that Content-Type; send application/json unless the route documents another type.",
      };
    default:
      return { code: "http_error", detail: error.message || "The request failed." };
  }
}

/** The problem a failure is answered with: its status and body, the same whatever door it came through. */
export function problemFor(error: unknown, requestId: string | undefined): { status: number; problem: ProblemInit } {
  if (error instanceof ProblemError) return { status: error.status, problem: error.problem };
  if (error instanceof HTTPException) return { status: error.status, problem: problemForHttpException(error) };
  // Text Postgres cannot store (a NUL character) is the caller's input, not our failure.
  if (["22021", "22P05"].includes(postgresError(error)?.code ?? "")) {
    return {
      status: 400,
      problem: {
        code: "invalid_characters",
        detail: "The request contains characters that cannot be stored (such as NUL, U+0000); remove them and retry.",
      },
    };
  }
  if (isDatabaseUnavailable(error)) {
    log("warn", "database unavailable", { request_id: requestId, error: errorName(error) });
    return {
      status: 503,
      problem: {
        code: "database_unavailable",
        detail: "The database is unavailable or too slow right now; retry shortly.",
        headers: { "Retry-After": RETRY_AFTER_SECONDS },
      },
    };
  }
  // Only the error's name: messages of driver errors can carry SQL parameters (clinical text).
  log("error", "unhandled error", { request_id: requestId, error: errorName(error) });
  return {
    status: 500,
    problem: { code: "internal_error", detail: "Something went wrong on our side; the request id identifies it in our logs." },
  };
}

export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const requestId = c.get("requestId");
  const { status, problem } = problemFor(error, requestId);
  return problemResponse(status, problem, requestId);
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(404, { code: "not_found", detail: `No route matches ${c.req.method} ${c.req.path}.` }, c.get("requestId"));

export function methodNotAllowedProblem(c: Context<AppEnv>, allowed: string[]): Response {
  return problemResponse(
    405,
    {
      code: "method_not_allowed",
      detail: `${c.req.method} is not allowed here; use ${allowed.join(", ")}.`,
      headers: { Allow: allowed.join(", ") },
    },
    c.get("requestId"),
  );
}

function errorName(error: unknown): string {
  return [...causeChain(error, 4)]
    .map((link) => (typeof link.code === "string" ? `${link.name}(${link.code})` : String(link.name)))
    .join(" <- ");
}
