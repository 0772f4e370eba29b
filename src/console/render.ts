/** Sending a console page: a full HTML document from a JSX element. */
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export async function renderPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  return c.html(`<!DOCTYPE html>${await page}`, status);
}
