//! TLS302 `tls13_disabled`: TLS 1.3 switched off by a maximum of TLS 1.2, `NO_TLSV1_3` or the
//! Mozilla v4 presets (catalog section C).

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::tls_version::{Bound, Family, Proto, settings};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS302",
    name: "tls13_disabled",
    default_level: Level::Allow,
    summary: "TLS 1.3 switched off",
    cwe: &[326],
    needles: &[
        "max_tls_version",
        "tls_version_max",
        "max_protocol_version",
        "set_max_proto_version",
        "ssl_min_max_version",
        "max_version",
        "NO_TLSV1_3",
        "mozilla_intermediate",
        "mozilla_modern",
        "with_protocol_versions",
    ],
    docs: r#"### What it does
Flags settings that leave TLS 1.2 as the highest version: reqwest `max_tls_version(TLS_1_2)`,
native-tls `max_protocol_version(Some(Protocol::Tlsv12))`, openssl
`set_max_proto_version(Some(SslVersion::TLS1_2))`, `set_options(NO_TLSV1_3)`, the Mozilla v4
presets `SslAcceptor::mozilla_intermediate`/`mozilla_modern`, curl `ssl_min_max_version(_, Tlsv12)`
and rustls `with_protocol_versions(&[&TLS12])`. Off by default.

### Why is this bad?
TLS 1.3 removes the legacy key exchanges and cipher modes, encrypts more of the handshake and
makes downgrade attacks detectable. Capping at TLS 1.2 gives all of that up (CWE-326).

### Example
```rust
fn acceptor() -> Result<openssl::ssl::SslAcceptorBuilder, openssl::error::ErrorStack> {
    openssl::ssl::SslAcceptor::mozilla_modern(openssl::ssl::SslMethod::tls())
}
```

Use instead:
```rust
fn acceptor() -> Result<openssl::ssl::SslAcceptorBuilder, openssl::error::ErrorStack> {
    openssl::ssl::SslAcceptor::mozilla_modern_v5(openssl::ssl::SslMethod::tls())
}
```
"#,
    check: Some(check),
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    for s in settings(cx) {
        if s.bound != Bound::Max || s.version != Proto::Tls12 {
            continue;
        }
        let mut d = Diagnostic::new(&RULE, "TLS 1.3 is switched off", s.primary.clone())
            .label("TLS 1.2 is the highest version allowed");
        if let Some(value) = s.value.as_ref().filter(|v| **v != s.primary) {
            let shown = crate::resolve::compact(cx.text.get(value.clone()).unwrap_or(""));
            d = d.secondary(value.clone(), format!("because of this `{shown}`"));
        }
        if let Some(detail) = s.detail {
            d = d.note(detail);
        }
        let help = match s.family {
            Family::Preset => "use `SslAcceptor::mozilla_intermediate_v5` or `mozilla_modern_v5`",
            Family::OpensslOptions => "leave `NO_TLSV1_3` unset",
            Family::Rustls => {
                "include `&rustls::version::TLS13`, or use `builder()` (both versions)"
            }
            _ => "leave the maximum unset",
        };
        sink.push(d.note("TLS 1.3 encrypts more of the handshake, drops legacy algorithms and detects downgrades").help(help));
    }
}
