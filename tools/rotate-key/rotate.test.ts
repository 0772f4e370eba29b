/** The rotate-key loop against a scripted reseal route: runs until nothing remains, stops on errors and stalls. */
import { describe, expect, it } from "vitest";
import { rotateAll } from "./rotate.ts";

function scripted(answers: { status: number; body: unknown }[]) {
  const requests: { url: string; init?: RequestInit }[] = [];
  const send = (async (url: URL, init?: RequestInit) => {
    requests.push({ url: String(url), init });
    const next = answers.shift();
    if (!next) throw new Error("no more answers scripted");
    return new Response(JSON.stringify(next.body), { status: next.status });
  }) as typeof fetch;
  return { send, requests };
}

describe("rotate-key", () => {
  it("calls the reseal route until remaining is 0 and prints each batch", async () => {
    const { send, requests } = scripted([
      { status: 200, body: { resealed: 2, remaining: 1, current_key_id: "b" } },
      { status: 200, body: { resealed: 1, remaining: 0, current_key_id: "b" } },
    ]);
    const lines: string[] = [];
    const total = await rotateAll({ base: "http://api.test", token: "t", batchSize: 2, fetch: send, log: (line) => lines.push(line) });
    expect(total).toBe(3);
    expect(lines).toEqual(["re-sealed 2 (total 2), remaining 1, current key b", "re-sealed 1 (total 3), remaining 0, current key b"]);
    expect(requests.map((request) => [request.url, request.init?.body])).toEqual([
      ["http://api.test/api/admin/workspace/reseal", '{"batch_size":2}'],
      ["http://api.test/api/admin/workspace/reseal", '{"batch_size":2}'],
    ]);
    expect(new Headers(requests[0]?.init?.headers).get("authorization")).toBe("Bearer t");
  });

  it("stops with the server's problem on an error answer", async () => {
    const { send } = scripted([{ status: 503, body: { code: "encryption_key_missing", detail: "A key is missing." } }]);
    await expect(rotateAll({ base: "http://api.test", token: "t", batchSize: 100, fetch: send, log: () => {} })).rejects.toThrow(
      "reseal failed: HTTP 503 encryption_key_missing A key is missing.",
    );
  });

  it("stops when a batch makes no progress instead of looping", async () => {
    const { send } = scripted([
      { status: 200, body: { resealed: 0, remaining: 4, current_key_id: "b" } },
      { status: 200, body: { resealed: 0, remaining: 4, current_key_id: "b" } },
    ]);
    await expect(rotateAll({ base: "http://api.test", token: "t", batchSize: 100, fetch: send, log: () => {} })).rejects.toThrow(
      "no progress",
    );
  });
});
