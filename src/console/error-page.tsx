/**
 * Console failures as HTML pages: the API's one error handler decides status, message and
 * logging (so the console never shows more than a problem would), then the page shows its detail.
 */
import type { ErrorHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env";
import { handleError } from "../lib/error-handler";
import { ErrorPage } from "./pages/error";
import { renderPage } from "./render";

export const consoleErrorPage: ErrorHandler<AppEnv> = async (error, c) => {
  const problem = await handleError(error, c);
  const { status, detail } = (await problem.json()) as { status: ContentfulStatusCode; detail: string };
  const page = await renderPage(c, <ErrorPage status={status} detail={detail} requestId={c.get("requestId")} />, status);
  const retryAfter = problem.headers.get("Retry-After");
  if (retryAfter) page.headers.set("Retry-After", retryAfter);
  return page;
};
