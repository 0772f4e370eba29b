/**
 * Where the console's sign-in sends a person afterwards (`next`): only a console path of this
 * origin, written as a browser serialises a URL (printable ASCII, percent-encoded otherwise). A
 * `next` with control characters (which made a successful sign-in answer 500), spaces or
 * characters outside ASCII goes to the dashboard instead.
 */
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../src/console/session";
import { registerUser } from "./support/accounts";
import { createTestApi } from "./support/api";
import { consoleVisitor } from "./support/console";

const api = await createTestApi();

/** Not a path a browser would send: a URL's path and query are ASCII once serialised. */
const UNSAFE_NEXTS = [
  ["a CR LF (header injection)", "/app/cases\r\nSet-Cookie: x=1"],
  ["a bare LF", "/app/cases\n"],
  ["a NUL", "/app/cases\u0000"],
  ["a tab", "/app/\tcases"],
  ["a DEL", "/app/cases\u007f"],
  ["a character outside Latin-1", "/app/cases?diagnosis=✓"],
  ["a Latin-1 letter", "/app/cases?diagnosis=ü"],
  ["a space", "/app/cases?diagnosis=major depression"],
] as const;

describe("safeReturnPath", () => {
  it.each(UNSAFE_NEXTS)("refuses %s", (_, next) => {
    expect(safeReturnPath(next)).toBe("/app");
  });

  it.each(["/app", "/app/cases?severity=severe&diagnosis=major%20depression", "/app/knowledge/abc#top", "/app?x=%0d%0a"])(
    "keeps the console path %s",
    (next) => {
      expect(safeReturnPath(next)).toBe(next);
    },
  );

  it.each(["https://evil.example/app", "//evil.example/app", "/app\\..\\evil", "/application", "/api/auth/me", "", undefined])(
    "refuses %s, which is not a console path of this origin",
    (next) => {
      expect(safeReturnPath(next)).toBe("/app");
    },
  );
});

describe("signing in with a next the console cannot redirect to", () => {
  it.each(UNSAFE_NEXTS)("with %s: 303 to the dashboard, signed in", async (_, next) => {
    // One account per case: sign-ins count against a per-account limit.
    const student = await registerUser(api);
    const visitor = consoleVisitor(api);
    const res = await visitor.signIn(student.user.email, student.password, next);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("Location")).toBe("/app");
    expect((await visitor.page("/app")).res.status).toBe(200);
  });

  it("a percent-encoded CR LF in the sign-in page's next stays out of the form it renders", async () => {
    const { res, html } = await consoleVisitor(api).page("/app/login?next=%2Fapp%2Fcases%0d%0aSet-Cookie%3A%20x%3D1");
    expect(res.status).toBe(200);
    expect(html).toMatch(/<input type="hidden" name="next" value="\/app"/);
  });
});
