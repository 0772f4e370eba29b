/**
 * Who the passkeys belong to (the WebAuthn "relying party"): the console's own origin, taken from
 * the request's URL, so one deployment works on its workers.dev name, its custom domain and
 * localhost alike. A passkey is bound by the browser to the host name it was made on (the RP ID),
 * and every answer is checked against the origin the ceremony started on, so a look-alike site can
 * neither make nor use one. `WEBAUTHN_ORIGINS` (comma-separated origins) narrows this to a list:
 * set, a request from any other origin gets no passkey ceremony at all. The API's own clients call
 * from that same origin (a browser's navigator.credentials answer names the page's origin).
 */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";

export interface RelyingParty {
  /** The host name passkeys are bound to. */
  id: string;
  /** The origin every browser answer must name. */
  origin: string;
  name: string;
}

const RP_NAME = "Therapy Assistant";

export function relyingParty<E extends AppEnv>(c: Context<E>): RelyingParty {
  const url = new URL(c.req.url);
  const allowed = c.var.settings.webauthnOrigins;
  if (allowed.length > 0 && !allowed.includes(url.origin)) {
    throw new ProblemError(400, {
      code: "passkeys_unavailable",
      detail: "Passkeys are not offered at this address; use the console's own address.",
    });
  }
  return { id: url.hostname, origin: url.origin, name: RP_NAME };
}
