//! TLS601 `optional_client_auth`: mutual TLS made optional on a server (catalog section F).

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{Finding, Setter, check_setters};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS601",
    name: "optional_client_auth",
    default_level: Level::Allow,
    summary: "client certificates requested but not required",
    cwe: &[306],
    needles: &[
        "allow_unauthenticated",
        "AllowAnyAnonymousOrAuthenticatedClient",
        "client_auth_optional",
    ],
    docs: r#"### What it does
Flags server configurations that ask for a client certificate but accept clients without one:
rustls 0.22+ `WebPkiClientVerifier::builder(roots).allow_unauthenticated()`, rustls 0.20/0.21
`AllowAnyAnonymousOrAuthenticatedClient` and tonic `ServerTlsConfig::client_auth_optional(true)`.
Off by default: optional client authentication is a legitimate design when the application
checks the peer identity itself.

### Why is this bad?
When mTLS is meant to authenticate clients, making it optional lets any client in without a
certificate unless every handler checks for one (CWE-306).

### Example
```rust
fn verifier(roots: std::sync::Arc<rustls::RootCertStore>) -> Result<std::sync::Arc<dyn rustls::server::danger::ClientCertVerifier>, rustls::server::VerifierBuilderError> {
    rustls::server::WebPkiClientVerifier::builder(roots).allow_unauthenticated().build()
}
```

Use instead:
```rust
fn verifier(roots: std::sync::Arc<rustls::RootCertStore>) -> Result<std::sync::Arc<dyn rustls::server::danger::ClientCertVerifier>, rustls::server::VerifierBuilderError> {
    rustls::server::WebPkiClientVerifier::builder(roots).build()
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

const FINDING: Finding = Finding {
    rule: &RULE,
    message: "client authentication is optional",
    label: "clients without a certificate are accepted",
    why: "unless every handler checks the peer certificate, mTLS no longer keeps unauthenticated clients out",
    runtime: None,
    fix_literal: false,
};

const HELP: &str = "require client certificates: `WebPkiClientVerifier::builder(roots).build()` (rustls 0.22+) or `AllowAnyAuthenticatedClient` (0.20/0.21)";

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    // `allow_unauthenticated` is a common name in auth middleware: require the rustls builder.
    let rustls_verifier = cx.code().contains("ClientVerifier");
    for call in cx.calls_named(&["allow_unauthenticated"]) {
        if call.args.is_empty() && rustls_verifier {
            sink.push(
                Diagnostic::new(&RULE, FINDING.message, call.call_range(cx))
                    .label(FINDING.label)
                    .note(FINDING.why)
                    .help(HELP),
            );
        }
    }
    for p in &cx.paths {
        if !p
            .path
            .segments
            .iter()
            .any(|s| s.ident == "AllowAnyAnonymousOrAuthenticatedClient")
            || cx.is_compared(*p)
        {
            continue;
        }
        sink.push(
            Diagnostic::new(&RULE, FINDING.message, cx.range(*p))
                .label(FINDING.label)
                .note(FINDING.why)
                .help(HELP),
        );
    }
    check_setters(
        cx,
        sink,
        &FINDING,
        &[Setter {
            methods: &["client_auth_optional"],
            dangerous: true,
            needs_crate: &[],
            help: "keep the default (`false`) so that a client certificate is required",
        }],
    );
}
