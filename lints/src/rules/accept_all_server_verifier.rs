//! TLS110 `accept_all_server_verifier`: a rustls `ServerCertVerifier`/`ServerVerifier` impl that
//! can only accept, reported at the impl and at every install site in the workspace (catalog A3).
//! Its check runs the whole verifier analysis (`crate::verifier`), which also reports TLS111,
//! TLS112 and TLS113 and records the facts the crate-level join reports install sites from.

use super::{
    accept_all_client_verifier, unanalysed_custom_verifier, unchecked_handshake_signature,
    verifier_ignores_hostname,
};
use crate::cx::Cx;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::verifier::{self, Rules, Side, Verdict};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS110",
    name: "accept_all_server_verifier",
    default_level: Level::Deny,
    summary: "a custom rustls server certificate verifier that accepts every certificate",
    cwe: &[295],
    needles: &[
        "ServerCertVerifie",
        "ClientCertVerifie",
        "ServerVerifier",
        "ClientVerifier",
        "VerifiedIdentity",
        "HandshakeSignatureValid",
        "custom_certificate_verifier",
        "set_certificate_verifier",
        "client_cert_verifier",
        "client_certificate_verifier",
    ],
    docs: r#"### What it does
Flags an `impl ServerCertVerifier` (rustls 0.19 `rustls::`, 0.20/0.21 `rustls::client::`,
0.22/0.23 `rustls::client::danger::`, under any import or alias) or rustls 0.24 `ServerVerifier`
whose `verify_server_cert`/`verify_identity` can only return `Ok(ServerCertVerified::assertion())`:
every return path (through `if`, `match` and early `return`s) is the marker and nothing can fail,
or every error of a delegate is turned into success (`Err(_) => Ok(…assertion())`,
`.or_else(|_| Ok(…assertion()))`). It is reported at the impl, and at every call in the workspace
that installs it (`with_custom_certificate_verifier(…)`, `dangerous().set_certificate_verifier(…)`,
through `Arc::new`, a `let`, a helper function or a type imported from another module or workspace
member), with a label pointing at the impl. A verifier defined in a dependency (learned from its
source) is reported where the workspace installs it. When the verifier is chosen at run time
(an `if`/`match`, directly or in the helper that builds it) between it and one that verifies,
the install is reported at `warn`, like a run-time switch, and so is the impl when every install
is such a choice.

A verifier that delegates to `WebPkiServerVerifier`/`WebPkiVerifier`/the platform verifier and
propagates its result, one that pins a certificate with an `Err` branch, or one whose acceptance
depends on its arguments is not a finding.

A verifier whose leniency depends on its own field (`if self.insecure { Ok(…assertion()) } else
{ self.inner.verify_server_cert(…) }`) is reported at level `warn` as runtime-controlled, in the
style of TLS104: the label shows the condition. A delegator that turns only some chain errors
(`UnknownIssuer`, `Expired`…) into success is reported at `warn` too. Setting this rule's level
sets both.

### Why is this bad?
A verifier that cannot fail accepts any certificate for any server, so anyone on the network path
can impersonate the server and read or change the traffic (CWE-295).

### Example
```rust
#[derive(Debug)]
struct NoVerifier;

impl rustls::client::danger::ServerCertVerifier for NoVerifier {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }
}
```

Use instead:
```rust
fn config(roots: rustls::RootCertStore) -> rustls::ClientConfig {
    rustls::ClientConfig::builder().with_root_certificates(roots).with_no_client_auth()
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// The rules the verifier analysis reports under: this one and those it reports for it.
static VERIFIER_RULES: Rules = Rules {
    accept_all_server: &RULE,
    unchecked_signature: &unchecked_handshake_signature::RULE,
    accept_all_client: &accept_all_client_verifier::RULE,
    ignores_hostname: &verifier_ignores_hostname::RULE,
    unanalysed: &unanalysed_custom_verifier::RULE,
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    verifier::check(cx, sink, &VERIFIER_RULES);
}

/// What a verifier type declared in the policy under `rule` is taken to do: the side it checks
/// and its verdict (`None` when `rule` is not one the verifier analysis reports an install
/// under).
pub fn declared_verifier(rule: &Rule) -> Option<(Side, Verdict)> {
    let r = &VERIFIER_RULES;
    [
        (r.accept_all_server, Side::Server, Verdict::AcceptsAll),
        (r.accept_all_client, Side::Client, Verdict::AcceptsAll),
        (r.ignores_hostname, Side::Server, Verdict::IgnoresHostname),
    ]
    .into_iter()
    .find(|(known, _, _)| std::ptr::eq(*known, rule))
    .map(|(_, side, verdict)| (side, verdict))
}
