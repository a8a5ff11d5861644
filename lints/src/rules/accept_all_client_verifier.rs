//! TLS112 `accept_all_client_verifier`: a rustls `ClientCertVerifier` impl that accepts every
//! client certificate. Reported by the verifier analysis that TLS110's check runs, at the impl and
//! at every `with_client_cert_verifier(…)` that installs it.

use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};

/// The rule (reported by the TLS110 check).
pub static RULE: Rule = Rule {
    code: "TLS112",
    name: "accept_all_client_verifier",
    default_level: Level::Deny,
    summary: "a custom rustls client certificate verifier that accepts every certificate",
    cwe: &[295],
    needles: &[],
    docs: r#"### What it does
Flags an `impl ClientCertVerifier` (rustls 0.19–0.23, under any import or alias) whose
`verify_client_cert` can only return `Ok(ClientCertVerified::assertion())`, or turns every error
of its delegate into success; at the impl and at every `with_client_cert_verifier(…)` or
`set_client_certificate_verifier(…)` in the workspace that installs it. A verifier whose leniency
depends on its own field is reported at level `warn`.

### Why is this bad?
The server asks for a client certificate and then accepts any, so mutual TLS authenticates no one:
any client with a self-made certificate gets in (CWE-295).

### Example
```rust
impl rustls::server::danger::ClientCertVerifier for AnyClient {
    fn verify_client_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::server::danger::ClientCertVerified, rustls::Error> {
        Ok(rustls::server::danger::ClientCertVerified::assertion())
    }
}
```

Use instead:
```rust
fn config(roots: std::sync::Arc<rustls::RootCertStore>) -> Result<std::sync::Arc<dyn rustls::server::danger::ClientCertVerifier>, rustls::server::VerifierBuilderError> {
    rustls::server::WebPkiClientVerifier::builder(roots).build()
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::ByAnotherRule,
};
