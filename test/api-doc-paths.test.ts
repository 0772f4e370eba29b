/**
 * docs/api.md is the contract clients read; `/openapi.json` is what the service serves. A route
 * that exists in one and not the other is a client finding out by accident, so every operation
 * of the OpenAPI document must be named in docs/api.md with its method.
 */
import { describe, expect, it } from "vitest";
import contract from "../docs/api.md?raw";
import { createTestApi } from "./support/api";
import { fetchOpenApi, listOperations } from "./support/openapi";

const api = await createTestApi();

/** `{id}`, `{case_id}` and `:id` are the same path segment to a client. */
const normalisePath = (path: string) => path.replace(/\{[^}]+\}|:[A-Za-z_]\w*/g, "{}").replace(/(.)\/$/, "$1");

/**
 * Every `METHOD /path` the page names in inline code, as `METHOD path` with parameters
 * normalised. Query strings are dropped (`GET /api/v1/search/knowledge?q=`), and a method list
 * such as "`GET` or `POST /api/v1/rag/diagnose`" names the path once per method.
 */
function documentedOperations(markdown: string): Set<string> {
  const named = new Set<string>();
  const mention = /((?:`[A-Z]+`\s*(?:,|or|and)\s*)*)`([A-Z]+) (\/[^`\s?]*)[^`]*`/g;
  for (const [, listed, method, path] of markdown.matchAll(mention)) {
    const methods = [...listed.matchAll(/`([A-Z]+)`/g)].map(([, m]) => m).concat(method);
    for (const m of methods) named.add(`${m} ${normalisePath(path)}`);
  }
  return named;
}

describe("docs/api.md and /openapi.json", () => {
  it("docs/api.md names every operation of the OpenAPI document, with its method", async () => {
    const served = listOperations(await fetchOpenApi(api)).map(({ method, path }) => `${method} ${normalisePath(path)}`);
    const documented = documentedOperations(contract);
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((operation) => !documented.has(operation))).toEqual([]);
  });

  it("reads a method list and normalises path parameters", () => {
    const named = documentedOperations("| `GET` or `POST /api/x/{case_id}?q=` | … | `DELETE /api/y/:id` |");
    expect([...named].sort()).toEqual(["DELETE /api/y/{}", "GET /api/x/{}", "POST /api/x/{}"]);
  });
});
