//! TLS113 `verifier_ignores_hostname`: a custom verifier that checks the chain but not the name,
//! or turns `NotValidForName` into success. Reported by the verifier analysis that TLS110's check
//! runs, at the impl and at every install site.

use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};

/// The rule (reported by the TLS110 check).
pub static RULE: Rule = Rule {
    code: "TLS113",
    name: "verifier_ignores_hostname",
    default_level: Level::Deny,
    summary: "a custom rustls verifier that checks the certificate chain but not the server name",
    cwe: &[297],
    needles: &[],
    docs: r#"### What it does
Flags a rustls `ServerCertVerifier` impl that delegates to a real verifier and turns
`CertificateError::NotValidForName` (or `NotValidForNameContext`, webpki's `CertNotValidForName`)
into `Ok(ServerCertVerified::assertion())`, or that validates the chain
(`verify_server_cert_signed_by_trust_anchor`, `verify_is_valid_tls_server_cert`) without ever
reading the server name or calling `verify_server_name`. Reported at the impl and at every install
site in the workspace. An install that runs only under a condition decided at run time (an `if` or
`match` on a setting, redis's `danger_accept_invalid_hostnames`) is a run-time switch, reported at
`warn` with the condition and where it comes from (and the impl too when every install is such a
choice); a condition that is always true, or a parameter a caller makes true, keeps the error.

### Why is this bad?
Any certificate issued by a trusted CA passes, whatever name it was issued for, so the owner of
any domain with a valid certificate can impersonate the server (CWE-297).

### Example
```rust
impl rustls::client::danger::ServerCertVerifier for NoHostname {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        intermediates: &[rustls::pki_types::CertificateDer<'_>],
        server_name: &rustls::pki_types::ServerName<'_>,
        ocsp: &[u8],
        now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName)) => {
                Ok(rustls::client::danger::ServerCertVerified::assertion())
            }
            res => res,
        }
    }
}
```

Use instead:
```rust
impl rustls::client::danger::ServerCertVerifier for Checked {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        intermediates: &[rustls::pki_types::CertificateDer<'_>],
        server_name: &rustls::pki_types::ServerName<'_>,
        ocsp: &[u8],
        now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
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
