//! TLS114 `unanalysed_custom_verifier`: an installed verifier whose type is not implemented in
//! the linted files. Reported by the crate-level verifier join.

use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};

/// The rule (reported by the verifier join, under the rules that the TLS110 check hands over).
pub static RULE: Rule = Rule {
    code: "TLS114",
    name: "unanalysed_custom_verifier",
    default_level: Level::Allow,
    summary: "a custom certificate verifier installed whose type is outside the workspace",
    cwe: &[295],
    needles: &[],
    docs: r#"### What it does
Flags `with_custom_certificate_verifier(…)`, `set_certificate_verifier(…)` and
`with_client_cert_verifier(…)` calls that install a value of a type with no verifier impl in the
linted files (a type from a dependency), so its verdict is unknown. rustls's own
`WebPkiServerVerifier`/`WebPkiVerifier`/`WebPkiClientVerifier` and
`rustls_platform_verifier::Verifier` are known to verify and are not reported. Off by default:
enable it to review every custom verifier.

### Why is this bad?
A custom verifier replaces the whole of certificate validation; one from a dependency may accept
every certificate, and nothing in the workspace shows it (CWE-295).

### Example
```rust
fn config(verifier: std::sync::Arc<other_crate::Verifier>) -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(std::sync::Arc::new(other_crate::LenientVerifier::new()))
        .with_no_client_auth()
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
    check: Check::ByAnotherRule,
};
