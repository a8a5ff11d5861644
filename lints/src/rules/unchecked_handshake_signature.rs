//! TLS111 `unchecked_handshake_signature`: `verify_tls12_signature`/`verify_tls13_signature` that
//! return `HandshakeSignatureValid::assertion()` without verifying. Reported by the verifier
//! analysis that TLS110's check runs.

use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};

/// The rule (reported by the TLS110 check).
pub static RULE: Rule = Rule {
    code: "TLS111",
    name: "unchecked_handshake_signature",
    default_level: Level::Deny,
    summary: "a custom rustls verifier that does not verify handshake signatures",
    cwe: &[347],
    needles: &[],
    docs: r#"### What it does
Flags the `verify_tls12_signature` and `verify_tls13_signature` methods of a rustls
`ServerCertVerifier` or `ClientCertVerifier` impl that return
`Ok(HandshakeSignatureValid::assertion())` on every path without checking anything. One finding
per impl, on the first such method, with a label on the other. In an impl that TLS110 reports as
accepting every server certificate, the methods are labels and a note of that finding instead.

### Why is this bad?
The handshake signature proves that the peer holds the private key of the certificate it
presented. Without the check, a certificate copied from the real server is enough to impersonate
it, even when the chain itself is validated (CWE-347).

### Example
```rust
impl rustls::client::danger::ServerCertVerifier for Pinned {
    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &rustls::pki_types::CertificateDer<'_>,
        _dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        Ok(rustls::client::danger::HandshakeSignatureValid::assertion())
    }
}
```

Use instead:
```rust
impl rustls::client::danger::ServerCertVerifier for Pinned {
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::ByAnotherRule,
};
