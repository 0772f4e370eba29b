/**
 * A console visitor for worker tests: a cookie jar over the Worker's own fetch, sending what a
 * same-origin browser sends (Origin on posts, the cookies it was given), from one client IP.
 */
import { expect } from "vitest";
import { randomIp } from "./accounts";
import type { TestApi } from "./api";

export const ORIGIN = "http://api.test";

export interface ConsoleVisitor {
  cookies: Map<string, string>;
  ip: string;
  /** A request with the jar's cookies; the answer's cookies go into the jar. Redirects are not followed. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** GET a page: its answer and HTML. */
  page(path: string): Promise<{ res: Response; html: string }>;
  /** POST a form (urlencoded) from this origin; pairs for a field sent more than once (checkboxes). */
  post(path: string, fields: Record<string, string> | [string, string][], headers?: Record<string, string>): Promise<Response>;
  /** Sign in through the form; the answer (a 303 on success). */
  signIn(email: string, password: string, next?: string): Promise<Response>;
  /** The CSRF token of a signed-in page. */
  csrfToken(): Promise<string>;
}

export function consoleVisitor(api: TestApi, ip: string = randomIp()): ConsoleVisitor {
  const cookies = new Map<string, string>();
  const visitor: ConsoleVisitor = {
    cookies,
    ip,
    async fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("CF-Connecting-IP", ip);
      if (cookies.size && !headers.has("Cookie")) headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
      const res = await api.fetch(path, { ...init, headers, redirect: "manual" });
      for (const header of res.headers.getSetCookie()) {
        const [pair, ...attributes] = header.split(";");
        const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
        if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "") cookies.delete(name);
        else cookies.set(name, value);
      }
      return res;
    },
    async page(path) {
      const res = await visitor.fetch(path);
      return { res, html: await res.text() };
    },
    post(path, fields, headers = {}) {
      return visitor.fetch(path, {
        method: "POST",
        headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    },
    signIn(email, password, next = "/app") {
      return visitor.post("/app/login", { email, password, next });
    },
    async csrfToken() {
      const { res, html } = await visitor.page("/app");
      expect(res.status).toBe(200);
      return csrfTokenIn(html);
    },
  };
  return visitor;
}

export function csrfTokenIn(html: string): string {
  const match = /<meta name="csrf-token" content="([^"]+)"/.exec(html);
  if (!match) throw new Error("no CSRF token in the page");
  return match[1];
}

/** The navigation's link labels, in order. */
export function navigationLabels(html: string): string[] {
  const nav = /<nav aria-label="Tools">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
  return [...nav.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)].map((m) => m[1].replace(/<[^>]+>/g, "").trim());
}

/** The text a person reads: tags removed, entities for quotes and ampersands decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
}
