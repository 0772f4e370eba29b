import { describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist } from "./support/accounts";
import { createTestApi } from "./support/api";

const api = await createTestApi();
const admin = await createAdmin(api);
const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
const therapistAuth = { headers: authHeader(therapist.tokens.access_token) };

function expectProblem(res: Response, body: unknown, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  expect(body).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String), type: expect.stringContaining(code) });
  expect(body).toHaveProperty("request_id", res.headers.get("X-Request-Id"));
}

describe("every response", () => {
  it("carries a request id, echoing a sane one the client sent", async () => {
    const mine = await api.fetch("/", { headers: { "X-Request-Id": "client-abc-123" } });
    expect(mine.headers.get("X-Request-Id")).toBe("client-abc-123");
    const generated = await api.fetch("/", { headers: { "X-Request-Id": "bad id with spaces<script>" } });
    expect(generated.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carries Server-Timing with total, and db when the database was used", async () => {
    const res = await api.fetch("/health");
    const timing = res.headers.get("Server-Timing") ?? "";
    expect(timing).toMatch(/total;dur=/);
    expect(timing).toMatch(/db;dur=/);
  });

  it("carries secure headers", async () => {
    const res = await api.fetch("/");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Strict-Transport-Security")).toBeTruthy();
  });
});

describe("JSON answers", () => {
  it.each(["/", "/health", "/openapi.json", "/api/auth/me", "/api/v1/knowledge/types", "/voice/health"])(
    "%s says application/json; charset=utf-8",
    async (path) => {
      const res = await api.fetch(path, therapistAuth);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    },
  );
});

describe("clinical answers are not cached", () => {
  it.each([
    ["GET", "/api/v1/rag/diagnose?symptoms=low%20mood%20and%20poor%20sleep", undefined],
    ["GET", "/api/v1/synthetic-cases", undefined],
    ["GET", "/api/v1/search/knowledge?q=depression", undefined],
    ["POST", "/api/v1/assessments/phq9", { responses: [0, 0, 0, 0, 0, 0, 0, 0, 1] }],
    ["POST", "/api/v1/assessments/phq9", { responses: [9] }],
    ["POST", "/voice/transcribe", { audio_data: "" }],
  ])("%s %s sends Cache-Control: no-store, errors included", async (method, path, body) => {
    const res = await api.fetch(path, {
      method,
      headers: { ...therapistAuth.headers, "Content-Type": "application/json" },
      body: body && JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("errors are problem+json", () => {
  it("an unknown route is a 404 problem", async () => {
    const { res, body } = await api.get("/no/such/route");
    expectProblem(res, body, 404, "not_found");
  });

  it("a wrong method is a 405 problem naming the allowed ones", async () => {
    const { res, body } = await api.get("/health", { method: "DELETE" });
    expectProblem(res, body, 405, "method_not_allowed");
    expect(res.headers.get("Allow")).toContain("GET");
  });
});

describe("CORS", () => {
  it("allows only configured origins", async () => {
    const open = await createTestApi({ CORS_ORIGINS: "https://app.example.com" }, { database: api.database });
    const allowed = await open.fetch("/", { headers: { Origin: "https://app.example.com" } });
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example.com");
    const denied = await open.fetch("/", { headers: { Origin: "https://evil.example.com" } });
    expect(denied.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("answers an allowed origin's preflight with the allowed methods and headers, and says every answer varies by origin", async () => {
    const open = await createTestApi({ CORS_ORIGINS: "https://app.example.com" }, { database: api.database });
    const preflight = await open.fetch("/api/auth/me", {
      method: "OPTIONS",
      headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example.com");
    expect(preflight.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
    expect(preflight.headers.get("Access-Control-Max-Age")).toBe("600");
    expect(preflight.headers.get("X-Request-Id")).toBeTruthy();
    const sameOrigin = await open.fetch("/");
    expect(sameOrigin.headers.get("Vary")).toContain("Origin");
    expect(sameOrigin.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const crossOrigin = await open.fetch("/", { headers: { Origin: "https://app.example.com" } });
    expect(crossOrigin.headers.get("Access-Control-Expose-Headers")).toContain("Server-Timing");
    expect(crossOrigin.headers.get("Vary")).toContain("Origin");
  });
});
