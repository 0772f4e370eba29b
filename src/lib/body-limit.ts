/** Request body size caps per route family; larger bodies get a 413 problem before parsing. */
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ProblemError } from "./problem";

const MiB = 1024 * 1024;

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError(413, { code: "payload_too_large", detail: `The request body exceeds ${Math.round(maxSize / MiB)} MiB.` });
    },
  });
}

/** Longest prefix first. Audio is 25 MiB at most, which is ~33.4 MiB once base64-encoded. */
const LIMITS: Array<[prefix: string, middleware: ReturnType<typeof limit>]> = [
  ["/voice/", limit(36 * MiB)],
  ["/app/voice/", limit(36 * MiB)],
  ["/api/v1/knowledge/documents", limit(10 * MiB)],
];
const DEFAULT_LIMIT = limit(1 * MiB);

export const limitBody = createMiddleware<AppEnv>((c, next) => {
  const match = LIMITS.find(([prefix]) => c.req.path.startsWith(prefix));
  return (match?.[1] ?? DEFAULT_LIMIT)(c, next);
});
