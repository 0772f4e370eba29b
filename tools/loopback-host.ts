/**
 * The local tools listen on loopback, but a web page can still reach them: its own host name,
 * re-resolved to 127.0.0.1 (DNS rebinding), lets the browser send it requests that the page may
 * read. Such a request still names the page's host in `Host`, so the tools answer only requests
 * that name this machine.
 */
import type { IncomingMessage } from "node:http";

export function namesLoopback(req: IncomingMessage): boolean {
  const header = req.headers.host;
  if (!header) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${header}`).hostname;
  } catch {
    return false;
  }
  // The URL parser has lower-cased the name and normalised IPv4 forms (e.g. 2130706433) to dotted quads.
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export const NOT_LOOPBACK_MESSAGE =
  "The Host header must name this machine (localhost, 127.0.0.1 or [::1]); requests for other host names are refused.";
