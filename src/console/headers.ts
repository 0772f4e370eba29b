/**
 * Response headers of every console page: a Content-Security-Policy that allows scripts and
 * styles only from this origin's files (no inline script or style, so an injected tag cannot
 * run), microphone use only here (voice recording), and no caching anywhere: the pages show
 * clinical content and who is signed in.
 */
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env";

export const consoleSecurityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    mediaSrc: ["'self'", "blob:"],
    connectSrc: ["'self'"],
    // The installable app's manifest and service worker (docs/pwa.md).
    manifestSrc: ["'self'"],
    workerSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  permissionsPolicy: { microphone: ["self"], camera: [], geolocation: [] },
  xFrameOptions: "DENY",
});

export const consoleNoStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});
