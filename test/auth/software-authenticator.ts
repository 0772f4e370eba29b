/**
 * A passkey authenticator in software, for the worker tests: a real ES256 key pair (WebCrypto),
 * and the bytes a browser and authenticator would send, built by hand from the WebAuthn spec
 * (clientDataJSON, authenticator data, a "none" attestation in CBOR, a DER-encoded signature), so
 * the server's checks run on honest input and each test can break exactly one thing.
 */
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));
const utf8 = (text: string) => new TextEncoder().encode(text);
const sha256 = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(bytes)));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const uint32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** WebCrypto's ECDSA signature is r‖s; WebAuthn carries it as an ASN.1 DER SEQUENCE of two INTEGERs. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let value = bytes.slice(start);
    if (value[0] & 0x80) value = concat(new Uint8Array([0]), value);
    return concat(new Uint8Array([0x02, value.length]), value);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface CeremonyOverrides {
  /** The origin the "browser" reports. */
  origin?: string;
  /** The challenge the "browser" signs, instead of the options' one. */
  challenge?: string;
  /** The RP ID whose hash the authenticator data carries. */
  rpId?: string;
  /** Whether the authenticator says it verified the user (PIN, biometric). */
  userVerified?: boolean;
  /** Flip a byte of the signature. */
  corruptSignature?: boolean;
  /** Sign with this authenticator's key but claim another credential id. */
  credentialId?: string;
}

export class SoftwareAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  counter = 0;
  private constructor(
    private readonly keys: CryptoKeyPair,
    readonly rpId: string,
    readonly origin: string,
    /** The user handle the options named at registration (base64url), handed back on sign-in like a resident key does. */
    public userHandle?: string,
  ) {}

  static async create(origin = "http://api.test") {
    const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
    return new SoftwareAuthenticator(keys, new URL(origin).hostname, origin);
  }

  get id() {
    return b64url(this.credentialId);
  }

  private async coseKey() {
    const jwk = (await crypto.subtle.exportKey("jwk", this.keys.publicKey)) as JsonWebKey;
    // COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
  }

  private clientData(type: string, challenge: string, o: CeremonyOverrides) {
    return utf8(JSON.stringify({ type, challenge: o.challenge ?? challenge, origin: o.origin ?? this.origin, crossOrigin: false }));
  }

  private flags(o: CeremonyOverrides) {
    return FLAG_UP | (o.userVerified === false ? 0 : FLAG_UV);
  }

  /** navigator.credentials.create()'s answer to registration options, as JSON. */
  async register(options: { challenge: string; user: { id: string } }, o: CeremonyOverrides = {}) {
    this.userHandle = options.user.id;
    const authData = concat(
      await sha256(utf8(o.rpId ?? this.rpId)),
      new Uint8Array([this.flags(o) | FLAG_AT]),
      uint32(this.counter),
      new Uint8Array(16), // AAGUID: none
      new Uint8Array([0, this.credentialId.length]),
      this.credentialId,
      await this.coseKey(),
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", authData],
      ]),
    );
    return {
      id: o.credentialId ?? this.id,
      rawId: o.credentialId ?? this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge, o)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get()'s answer to request options, as JSON; the counter advances like a real one. */
  async assert(options: { challenge: string }, o: CeremonyOverrides = {}) {
    this.counter += 1;
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, o);
    const authData = concat(await sha256(utf8(o.rpId ?? this.rpId)), new Uint8Array([this.flags(o)]), uint32(this.counter));
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.keys.privateKey, concat(authData, await sha256(clientDataJSON))),
    );
    const signature = derSignature(raw);
    if (o.corruptSignature) signature[signature.length - 1] ^= 0x01;
    return {
      id: o.credentialId ?? this.id,
      rawId: o.credentialId ?? this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
      clientExtensionResults: {},
    };
  }
}
