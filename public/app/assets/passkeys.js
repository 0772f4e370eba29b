// @ts-check
/**
 * Passkeys in the console (src/console/components/passkeys.tsx): "Add a passkey" and removal on
 * the settings page, "Sign in with a passkey" / "Use a passkey" on the sign-in page. The server
 * sends WebAuthn options as JSON with base64url fields; navigator.credentials wants ArrayBuffers
 * and answers with them, so this file converts both ways (no library: a few lines each).
 */
import { postJson } from "./console.js";
import { msg } from "./messages.js";

/** @param {string} text base64url, padded or not */
function toBuffer(text) {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/").replace(/=+$/, "");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0)).buffer;
}

/** @param {ArrayBuffer | null | undefined} buffer */
function toBase64url(buffer) {
  if (!buffer) return undefined;
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** @param {{ id: string, transports?: string[] }[] | undefined} list */
const descriptors = (list) =>
  (list ?? []).map((c) => ({ type: /** @type {const} */ ("public-key"), id: toBuffer(c.id), transports: c.transports }));

/** @param {any} options the server's PublicKeyCredentialCreationOptionsJSON */
function creationOptions(options) {
  return {
    ...options,
    challenge: toBuffer(options.challenge),
    user: { ...options.user, id: toBuffer(options.user.id) },
    excludeCredentials: descriptors(options.excludeCredentials),
  };
}

/** @param {any} options the server's PublicKeyCredentialRequestOptionsJSON */
function requestOptions(options) {
  return { ...options, challenge: toBuffer(options.challenge), allowCredentials: descriptors(options.allowCredentials) };
}

/** The credential as the server's JSON types have it. @param {PublicKeyCredential} credential */
function credentialJson(credential) {
  const response = /** @type {any} */ (credential.response);
  const common = {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: credential.getClientExtensionResults(),
  };
  if ("attestationObject" in response) {
    return {
      ...common,
      response: {
        clientDataJSON: toBase64url(response.clientDataJSON),
        attestationObject: toBase64url(response.attestationObject),
        transports: typeof response.getTransports === "function" ? response.getTransports() : undefined,
      },
    };
  }
  return {
    ...common,
    response: {
      clientDataJSON: toBase64url(response.clientDataJSON),
      authenticatorData: toBase64url(response.authenticatorData),
      signature: toBase64url(response.signature),
      userHandle: toBase64url(response.userHandle),
    },
  };
}

/** The message for a failure: a cancelled or timed-out browser prompt says so, the server's problem its detail. @param {unknown} error */
function failure(error) {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return msg("js.passkeys.cancelled");
  return msg("js.passkeys.failed", { detail: error instanceof Error ? error.message : String(error) });
}

/** @param {HTMLElement | null} alert @param {string} [text] */
function show(alert, text) {
  if (!alert) return;
  alert.textContent = text ?? "";
  alert.hidden = !text;
}

const supported = typeof window.PublicKeyCredential === "function" && !!navigator.credentials;

// Settings: add and remove.
const section = /** @type {HTMLElement | null} */ (document.querySelector("[data-passkeys]"));
if (section) {
  const alert = /** @type {HTMLElement | null} */ (section.querySelector("[data-passkey-error]"));
  const add = /** @type {HTMLFormElement | null} */ (section.querySelector("form[data-passkey-add]"));
  const noscript = /** @type {HTMLElement | null} */ (section.querySelector("[data-passkey-noscript]"));
  if (noscript) noscript.hidden = true;
  if (add && supported) {
    add.hidden = false;
    add.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = /** @type {HTMLButtonElement} */ (add.querySelector("button[type=submit]"));
      const name = /** @type {HTMLInputElement} */ (add.elements.namedItem("name")).value.trim();
      if (!name) return show(alert, msg("js.passkeys.nameNeeded"));
      button.disabled = true;
      show(alert);
      try {
        const options = await postJson("/app/passkeys/registration/options", {});
        const credential = /** @type {PublicKeyCredential} */ (await navigator.credentials.create({ publicKey: creationOptions(options) }));
        await postJson("/app/passkeys/registration/verify", { name, response: credentialJson(credential) });
        location.assign("/app/settings?done=passkey_added#passkeys");
      } catch (error) {
        show(alert, failure(error));
        button.disabled = false;
      }
    });
  } else if (add) {
    show(alert, msg("js.passkeys.unsupported"));
  }
  for (const form of section.querySelectorAll("form[data-passkey-remove]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const target = /** @type {HTMLFormElement} */ (event.currentTarget);
      const password = /** @type {HTMLInputElement} */ (target.elements.namedItem("password")).value;
      show(alert);
      try {
        await postJson(target.action, { password });
        location.assign("/app/settings?done=passkey_removed#passkeys");
      } catch (error) {
        show(alert, error instanceof Error ? error.message : String(error));
      }
    });
  }
}

// Sign-in: passwordless, or the second factor of a password step (data-challenge-token).
for (const box of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-passkey-sign-in]"))) {
  if (!supported) continue;
  box.hidden = false;
  const button = /** @type {HTMLButtonElement} */ (box.querySelector("button"));
  const alert = /** @type {HTMLElement | null} */ (box.querySelector("[data-passkey-error]"));
  const challengeToken = box.dataset.challengeToken || undefined;
  button.addEventListener("click", async () => {
    button.disabled = true;
    show(alert);
    try {
      const options = await postJson("/app/passkeys/authentication/options", challengeToken ? { challenge_token: challengeToken } : {});
      const credential = /** @type {PublicKeyCredential} */ (await navigator.credentials.get({ publicKey: requestOptions(options) }));
      const answer = /** @type {{ redirect: string }} */ (
        await postJson("/app/passkeys/authentication/verify", {
          response: credentialJson(credential),
          ...(challengeToken ? { challenge_token: challengeToken } : {}),
          next: box.dataset.next,
        })
      );
      location.assign(answer.redirect);
    } catch (error) {
      show(alert, failure(error));
      button.disabled = false;
    }
  });
}
