import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createTestApi, setDatabaseFault } from "./support/api";
import { expectJson } from "./support/client";
import { asOpenApiDocument, listOperations, resolveSchema } from "./support/openapi";

const api = await createTestApi();

describe("service index and health", () => {
  it("names the service and where its docs are", async () => {
    const { res, body } = await api.get("/");
    expect(res.status).toBe(200);
    expect(body).toEqual({ name: "Therapy Assistant API", version: expect.any(String), docs: "/docs", openapi: "/openapi.json" });
  });

  it("reports every dependency connected and AI configured", async () => {
    const body = await expectJson(await api.client.health.$get(), 200);
    expect(body).toMatchObject({ status: "ok", database: "connected", storage: "connected", ai: "configured", auth: "configured" });
  });

  it("reports offline mode when no OpenAI key is configured", async () => {
    const offline = await createTestApi({ OPENAI_API_KEY: "" }, { database: api.database });
    const body = await expectJson(await offline.client.health.$get(), 200);
    expect(body.ai).toBe("offline");
  });

  it("is degraded, not crashed, when the JWT secret is too short", async () => {
    const weak = await createTestApi({ JWT_SECRET: "short" }, { database: api.database });
    const body = await expectJson(await weak.client.health.$get(), 503);
    expect(body).toMatchObject({ status: "degraded", auth: "misconfigured", database: "connected" });
  });
});

describe("health when the database goes away", () => {
  it("answers 503 degraded quickly when the local Neon drops connections, then recovers", async () => {
    const flaky = await createTestApi();
    expect((await flaky.get("/health")).res.status).toBe(200);

    await setDatabaseFault(flaky.database, "down");
    const started = Date.now();
    const res = await flaky.client.health.$get();
    const body = await expectJson(res, 503);
    expect(res.headers.get("Retry-After")).toBeTruthy();
    expect(body).toMatchObject({ status: "degraded", database: "unavailable", storage: "connected" });
    expect(Date.now() - started).toBeLessThan(5_000);

    await setDatabaseFault(flaky.database, "none");
    expect((await (await flaky.client.health.$get()).json()).status).toBe("ok");
  });

  it("answers 503 within the database timeout when the local Neon hangs", async () => {
    const hung = await createTestApi();
    await setDatabaseFault(hung.database, "hang");
    const started = Date.now();
    const res = await hung.client.health.$get();
    const elapsed = Date.now() - started;
    await setDatabaseFault(hung.database, "none");
    const body = await expectJson(res, 503);
    expect(body.database).toBe("unavailable");
    // DB_TIMEOUT_MS is 3000 in the test bindings.
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(6_000);
  });
});

describe("API description", () => {
  it("serves an OpenAPI 3.1 document generated from the route schemas", async () => {
    const { res, body: raw } = await api.get("/openapi.json");
    expect(res.status).toBe(200);
    const body = asOpenApiDocument(raw);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/", "/health"]));
    expect(body.components.securitySchemes).toMatchObject({ oauth2Password: { flows: { password: { tokenUrl: "/api/auth/login" } } } });
  });

  it("serves Swagger UI's files from R2 so the docs work offline, and falls back to the CDN", async () => {
    const html = await (await api.fetch("/docs")).text();
    expect(html).toContain("/docs/assets/swagger-ui-dist/swagger-ui-bundle.js");

    const missing = await api.fetch("/docs/assets/swagger-ui-dist/swagger-ui.css", { redirect: "manual" });
    expect(missing.status).toBe(302);
    expect(missing.headers.get("Location")).toMatch(/^https:\/\/cdn\.jsdelivr\.net\/npm\/swagger-ui-dist@[\d.]+\/swagger-ui\.css$/);

    await env.STORAGE.put("docs/swagger-ui-dist/swagger-ui.css", "body { color: black }");
    const stored = await api.fetch("/docs/assets/swagger-ui-dist/swagger-ui.css");
    expect(stored.status).toBe(200);
    expect(stored.headers.get("Content-Type")).toMatch(/^text\/css/);
    expect(await stored.text()).toBe("body { color: black }");

    expect((await api.fetch("/docs/assets/swagger-ui-dist/other.js")).status).toBe(404);
  });

  it("serves the docs page under a Content-Security-Policy with no inline script, and pins Swagger UI's files by hash", async () => {
    const res = await api.fetch("/docs");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    const scriptSrc =
      csp
        .split(";")
        .map((part) => part.trim())
        .find((part) => part.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("default-src 'none'");
    const html = await res.text();
    // Every script is a file (an inline one would be blocked by the policy above).
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body.trim()).toBe("");
    }
    // Swagger UI's own files carry integrity hashes, checked after a redirect to the CDN too.
    for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
      const tag = html.split("\n").find((line) => line.includes(`/${file}"`)) ?? "";
      expect(tag).toMatch(/integrity="sha384-[A-Za-z0-9+/=]{64}"/);
      expect(tag).toContain('crossorigin="anonymous"');
    }
    const init = await api.fetch("/docs/assets/init.js");
    expect(init.status).toBe(200);
    expect(await init.text()).toContain("/openapi.json");
  });

  it("serves interactive docs that load the OpenAPI document", async () => {
    const res = await api.fetch("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
    // The page's own script starts Swagger UI on the OpenAPI document.
    const sources = [...(await res.text()).matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    const scripts = await Promise.all(
      sources
        .filter((src) => src.startsWith("/docs/assets/") && !src.includes("swagger-ui-dist"))
        .map(async (src) => (await api.fetch(src)).text()),
    );
    expect(scripts.join("\n")).toContain('url: "/openapi.json"');
  });
});

describe("request schemas are bounded", () => {
  type Schema = import("./support/openapi").JsonSchema & {
    maxItems?: number;
    maxProperties?: number;
    const?: unknown;
    prefixItems?: unknown[];
  };

  /** Paths (`POST /x body.a.b[]`) of strings without a maximum size and arrays without a maximum length. */
  function unbounded(
    doc: import("./support/openapi").OpenApiDocument,
    raw: Schema | undefined,
    where: string,
    seen = new Set<string>(),
  ): string[] {
    if (!raw) return [];
    if (raw.$ref) {
      if (seen.has(raw.$ref)) return [];
      return unbounded(doc, resolveSchema(doc, raw) as Schema, where, new Set([...seen, raw.$ref]));
    }
    const found: string[] = [];
    for (const variant of [...(raw.anyOf ?? []), ...(raw.oneOf ?? []), ...(raw.allOf ?? [])])
      found.push(...unbounded(doc, variant as Schema, where, seen));
    const types = Array.isArray(raw.type) ? raw.type : raw.type ? [raw.type] : [];
    if (
      types.includes("string") &&
      raw.maxLength === undefined &&
      !raw.enum &&
      raw.const === undefined &&
      raw.format !== "uuid" &&
      raw.format !== "binary"
    )
      found.push(`${where}: string without maxLength`);
    if (types.includes("array")) {
      if (raw.maxItems === undefined) found.push(`${where}: array without maxItems`);
      found.push(...unbounded(doc, raw.items as Schema, `${where}[]`, seen));
    }
    for (const [name, property] of Object.entries(raw.properties ?? {}))
      found.push(...unbounded(doc, property as Schema, `${where}.${name}`, seen));
    // A map with names the client chooses (a note's sections) is bounded when its size and its values are.
    if (typeof raw.additionalProperties === "object") {
      if (raw.maxProperties === undefined) found.push(`${where}: open-ended object`);
      found.push(...unbounded(doc, raw.additionalProperties as Schema, `${where}.*`, seen));
    }
    return found;
  }

  it("gives every string in every request a maximum size and every array a maximum length", async () => {
    const doc = asOpenApiDocument((await api.get("/openapi.json")).body);
    const operations = listOperations(doc);
    const found = operations.flatMap(({ key, operation }) => [
      ...(operation.parameters ?? []).flatMap((parameter) =>
        unbounded(doc, parameter.schema as Schema, `${key} ${parameter.in}.${parameter.name}`),
      ),
      ...Object.entries(operation.requestBody?.content ?? {}).flatMap(([media, { schema }]) =>
        unbounded(doc, schema as Schema, `${key} ${media} body`),
      ),
    ]);
    expect(operations.length).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });
});
