/**
 * Fetching a document for `POST /knowledge/import`: HTTPS only and no private or loopback hosts
 * outside local development, only the allowed hosts when a list is configured, a timeout,
 * redirects re-checked hop by hop, a size cap enforced while streaming, and only text-like
 * content types.
 */
import { ProblemError } from "../lib/problem";
import { isPrivateHost } from "./private-address";

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

export const IMPORT_CONTENT_TYPES = ["text/html", "text/markdown", "text/x-markdown", "text/plain", "application/json"] as const;

export interface FetchedSource {
  text: string;
  bytes: Uint8Array;
  contentType: (typeof IMPORT_CONTENT_TYPES)[number];
  url: string;
}

const badUrl = (detail: string, code = "invalid_import_url") =>
  new ProblemError(400, { code, detail, errors: [{ path: "body.url", message: detail }] });

export interface FetchPolicy {
  /** Local development: plain HTTP and private hosts are allowed. */
  allowLocal: boolean;
  /** Lower-case host names the import may fetch from; empty allows any (public) host. */
  allowedHosts: string[];
}

/** Throws a 400 problem for URLs this environment must not fetch. */
function assertFetchableUrl(raw: string, { allowLocal, allowedHosts }: FetchPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badUrl("The url is not a valid absolute URL.");
  }
  if (url.username || url.password) throw badUrl("The url must not contain credentials.");
  // "localhost." and "10.0.0.1." name the same hosts as without the dot, past a comparison of names.
  if (url.hostname.endsWith(".")) throw badUrl("The url's host name must not end with a dot.");
  if (allowedHosts.length && !allowedHosts.includes(url.hostname.toLowerCase())) {
    throw badUrl(`Documents can only be imported from ${allowedHosts.join(", ")}.`, "import_host_not_allowed");
  }
  if (allowLocal) {
    if (url.protocol !== "https:" && url.protocol !== "http:") throw badUrl("Only http(s) URLs can be imported.");
    return url;
  }
  if (url.protocol !== "https:") throw badUrl("Only https URLs can be imported.");
  if (isPrivateHost(url.hostname)) throw badUrl("Private, loopback, link-local and other special-use addresses cannot be imported.");
  return url;
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ProblemError(413, {
        code: "import_too_large",
        detail: `The document at that URL is larger than ${maxBytes / 1024 / 1024} MiB.`,
      });
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** A failure of the request or of reading its body, as the problem the client gets. */
function fetchProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if ((error as Error)?.name === "TimeoutError")
    return new ProblemError(504, { code: "upstream_timeout", detail: `The URL did not answer within ${TIMEOUT_MS / 1000} s.` });
  return new ProblemError(502, { code: "upstream_unreachable", detail: "The URL could not be reached." });
}

export async function fetchSource(raw: string, policy: FetchPolicy): Promise<FetchedSource> {
  let url = assertFetchableUrl(raw, policy);
  // One deadline for the redirects, the headers and the body.
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: "manual", signal, headers: { Accept: IMPORT_CONTENT_TYPES.join(", ") } });
    } catch (error) {
      throw fetchProblem(error);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get("location")) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new ProblemError(502, { code: "upstream_error", detail: "The URL redirects too many times." });
      url = assertFetchableUrl(new URL(response.headers.get("location")!, url).toString(), policy);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ProblemError(502, { code: "upstream_error", detail: `The URL answered HTTP ${response.status}.` });
    }
    const essence = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    const contentType = IMPORT_CONTENT_TYPES.find((type) => type === essence);
    if (!contentType) {
      await response.body.cancel();
      throw new ProblemError(415, {
        code: "unsupported_import_type",
        detail: `Content type "${essence || "none"}" cannot be imported; allowed: ${IMPORT_CONTENT_TYPES.join(", ")}.`,
      });
    }
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > IMPORT_MAX_BYTES) {
      await response.body.cancel();
      throw new ProblemError(413, {
        code: "import_too_large",
        detail: `The document at that URL is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MiB.`,
      });
    }
    const bytes = await readCapped(response.body, IMPORT_MAX_BYTES).catch((error: unknown) => {
      throw fetchProblem(error);
    });
    return { bytes, text: new TextDecoder().decode(bytes), contentType, url: url.toString() };
  }
}
