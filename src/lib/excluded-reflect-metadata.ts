/**
 * Stands in (wrangler.toml `[alias]`) for reflect-metadata, a global polyfill that
 * @simplewebauthn/server imports only beside @peculiar/x509 (validateCertificatePath.js,
 * isCertRevoked.js), for x509's dependency injection. @peculiar/x509 is itself left out
 * (src/auth/passkeys/excluded-x509.ts: we ask for no attestation), so nothing left in the bundle
 * reads the metadata; the ASN.1 schemas passkeys do parse (@peculiar/asn1-schema) keep theirs in
 * their own storage. ~4 KiB gzip. An empty module: the import is for its side effect only.
 */
export {};
