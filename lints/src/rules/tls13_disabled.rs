//! TLS302 `tls13_disabled`: TLS 1.3 switched off by a maximum of TLS 1.2, `NO_TLSV1_3` or the
//! Mozilla v4 presets (catalog section C).

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Edit, Fix};
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::tls_version::{Bound, Family, Setting, settings};
use crate::value::version::Proto;

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

### Fix
A TLS 1.2 maximum written at the setting as a qualified constant becomes the same type's TLS 1.3
constant (reqwest `TLS_1_3`, openssl/boring `TLS1_3`, curl `Tlsv13`; native-tls names none):
machine-applicable. `SslAcceptor::mozilla_intermediate` becomes `mozilla_intermediate_v5`, also
machine-applicable. `mozilla_modern` becomes `mozilla_modern_v5`, which is maybe incorrect: the v5
modern profile allows TLS 1.3 only, so peers limited to TLS 1.2 can no longer connect (not offered
for boring, which has no `mozilla_modern_v5`).
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    for s in settings(cx) {
        if s.bound != Bound::Max || s.version != Proto::Tls12 {
            continue;
        }
        let mut d = Diagnostic::new(&RULE, "TLS 1.3 is switched off", s.primary.clone())
            .label("TLS 1.2 is the highest version allowed");
        if let Some(value) = s.value.as_ref().filter(|v| **v != s.primary) {
            let shown = crate::value::compact(cx.text.get(value.clone()).unwrap_or(""));
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
        if let Some(fix) = fix(cx, &s) {
            d = d.fix(fix);
        }
        sink.push(d.note("TLS 1.3 encrypts more of the handshake, drops legacy algorithms and detects downgrades").help(help));
    }
}

/// A maximum of TLS 1.2 written at the setting raised to the type's TLS 1.3 constant, and a v4
/// preset swapped for its v5 profile. `mozilla_modern_v5` allows TLS 1.3 only where v4
/// `mozilla_modern` allowed TLS 1.2 only, so that swap may lock out peers: maybe incorrect (and
/// not offered for boring, which has no `mozilla_modern_v5`).
fn fix(cx: &Cx<'_>, s: &Setting) -> Option<Fix> {
    let at = s.literal.clone()?;
    let (name, message, applicability) = match s.family {
        Family::Preset => match cx.text.get(at.clone())? {
            "mozilla_intermediate" => (
                "mozilla_intermediate_v5",
                "use Mozilla's v5 intermediate profile (TLS 1.2 and 1.3)",
                Applicability::MachineApplicable,
            ),
            "mozilla_modern" if !cx.mentions_crate("boring") => (
                "mozilla_modern_v5",
                "use Mozilla's v5 modern profile (TLS 1.3 only)",
                Applicability::MaybeIncorrect,
            ),
            _ => return None,
        },
        family => (
            family.constant(Proto::Tls13)?,
            "raise the maximum to TLS 1.3",
            Applicability::MachineApplicable,
        ),
    };
    Some(Fix::new(message, applicability, Edit::replace(at, name)))
}
