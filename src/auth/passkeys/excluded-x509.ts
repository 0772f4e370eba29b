/**
 * Stands in (wrangler.toml `[alias]`) for @peculiar/x509, which @simplewebauthn/server uses only
 * to validate the certificate chains of attestation statements (packed with x5c, TPM, Android,
 * Apple). We ask for no attestation (`attestationType: "none"`, passkey-registration.ts), so a
 * registration never needs a certificate chain; leaving the library out keeps ~23 KiB gzip out of
 * the bundle. A registration that sends one anyway reaches this class, which throws, and the
 * registration is refused (400 passkey_not_verified) like any other unverifiable answer.
 */
class CertificateAttestationNotSupported {
  constructor() {
    throw new Error("Certificate attestation is not supported: this Worker asks for none (see wrangler.toml [alias]).");
  }
}

export {
  CertificateAttestationNotSupported as AuthorityKeyIdentifierExtension,
  CertificateAttestationNotSupported as CRLDistributionPointsExtension,
  CertificateAttestationNotSupported as SubjectKeyIdentifierExtension,
  CertificateAttestationNotSupported as X509Certificate,
  CertificateAttestationNotSupported as X509ChainBuilder,
  CertificateAttestationNotSupported as X509Crl,
};
