//! TLS101 `cert_verification_disabled`: certificate chain validation switched off by a literal or
//! constant, in every HTTP, TLS, database and messaging client that offers a switch for it
//! (catalog sections A1 and A2).

use syn::Expr;

use super::cert_verification_runtime_toggle;
use crate::cx::{Cx, chain_root, peel};
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{
    Field, Finding, PathValue, Runtime, Setter, Site, check_fields, check_paths, check_setters,
    report_guarded, report_value,
};
use crate::value::fields::field_at;
use crate::value::{Dangerous, follow};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS101",
    name: "cert_verification_disabled",
    default_level: Level::Deny,
    summary: "certificate chain validation switched off by a literal or constant",
    cwe: &[295],
    needles: &[
        "accept_invalid_certs",
        "cert_verification && wreq",
        "disable_verification",
        "ssl_verify_peer",
        "set_no_tls_verify",
        "danger_skip_tls_verify",
        "enable_server_cert_auth",
        "allow_invalid_certificates",
        "DANGER_ACCEPT_INVALID_CERTS",
        "SslVerifyMode",
        "CertificateValidation:: || CertificateValidation as",
        "TlsMode:: || TlsMode as",
        "TcpTls",
        "trust_cert",
        "with_no_cert_validation",
        "verify_cert && pingora",
    ],
    docs: r#"### What it does
Flags settings that switch certificate chain validation off with a literal or a constant:
`danger_accept_invalid_certs(true)` (reqwest 0.10–0.13 including `tls_danger_accept_invalid_certs`,
native-tls, async-native-tls, tokio-native-tls, hyper-tls, attohttpc, isahc 2), lettre
`dangerous_accept_invalid_certs(true)`, ureq 3 `disable_verification(true)`, curl
`ssl_verify_peer(false)`, isahc 1 `SslOption::DANGER_ACCEPT_INVALID_CERTS`, openssl/boring
`set_verify(SslVerifyMode::NONE)` on a client, mysql `with_danger_accept_invalid_certs(true)`,
ldap3 `set_no_tls_verify(true)`, imap `danger_skip_tls_verify(true)`, paho-mqtt
`enable_server_cert_auth(false)`, kube `accept_invalid_certs = true`, mongodb
`allow_invalid_certificates(true)`, redis `TlsMode::Insecure` and `TcpTls { insecure: true }`,
elasticsearch/opensearch `CertificateValidation::None`, tiberius `trust_cert()`, wtransport
`with_no_cert_validation()`, pingora `options.verify_cert = false` and wreq
`tls_cert_verification(false)` / `cert_verification(false)`.

Values are resolved through `!`, `const`/`static` items of the crate, `let` bindings and
`if`/`match` arms that agree; a value decided at run time is reported as TLS104 instead.

### Why is this bad?
Without chain validation any certificate is accepted, so anyone on the network path (a hostile
Wi-Fi, a compromised router, a proxy) can impersonate the server and read or change the traffic,
including the tokens and passwords it carries (CWE-295).

### Example
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(true).build()
}
```

Use instead:
```rust
fn client(ca_pem: &[u8]) -> reqwest::Result<reqwest::Client> {
    let ca = reqwest::Certificate::from_pem(ca_pem)?;
    reqwest::Client::builder().add_root_certificate(ca).build()
}
```

### Fix
When the value is a literal written at the setter or field, the literal becomes the safe value,
which is the library's default (`danger_accept_invalid_certs(true)` → `(false)`,
`ssl_verify_peer(false)` → `(true)`, `insecure: true` → `insecure: false`). Machine-applicable:
one literal replaced by another of the same type, so the code compiles as before. When the setter
sits inside a builder chain, a second fix removes the call; it is maybe incorrect, because the
method is matched by name and whether the chain keeps its type is not checked. No fix is offered
for values held in constants or bindings, for `SslVerifyMode::NONE`, the enum values or
`trust_cert()`.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Setting {
        check,
        runtime: &cert_verification_runtime_toggle::RULE,
    },
};

const FINDING: Finding = Finding {
    rule: &RULE,
    message: "certificate verification is disabled",
    label: "any certificate is accepted",
    why: "without chain validation anyone on the network path can impersonate the server",
    runtime: Some(Runtime {
        rule: &cert_verification_runtime_toggle::RULE,
        message: "certificate verification can be switched off at run time",
    }),
    fix_literal: true,
};

/// [`FINDING`] worded for an openssl verification mode.
const MODE_FINDING: Finding = Finding {
    label: "the peer's certificate is not verified",
    fix_literal: false,
    ..FINDING
};

const ADD_ROOT: &str =
    "to trust a private CA, add it with `add_root_certificate(Certificate::from_pem(…)?)`";

const SETTERS: &[Setter] = &[
    Setter {
        methods: &[
            "danger_accept_invalid_certs",
            "tls_danger_accept_invalid_certs",
        ],
        dangerous: true,
        needs_crate: &[],
        help: ADD_ROOT,
    },
    Setter {
        methods: &["tls_cert_verification", "cert_verification"],
        dangerous: false,
        needs_crate: &["wreq"],
        help: "keep the default (`true`); to trust a private CA, pass a `CertStore` to `tls_cert_store(…)`",
    },
    Setter {
        methods: &["dangerous_accept_invalid_certs"],
        dangerous: true,
        needs_crate: &[],
        help: "to trust a private CA, use `TlsParameters::builder(domain).add_root_certificate(…)`",
    },
    Setter {
        methods: &["disable_verification"],
        dangerous: true,
        needs_crate: &[],
        help: "to trust a private CA, use `TlsConfig::builder().root_certs(RootCerts::Specific(…))`",
    },
    Setter {
        methods: &[
            "ssl_verify_peer",
            "proxy_ssl_verify_peer",
            "doh_ssl_verify_peer",
        ],
        dangerous: false,
        needs_crate: &[],
        help: "keep the default (`true`) and point `cainfo(path)` at your CA bundle",
    },
    Setter {
        methods: &["with_danger_accept_invalid_certs"],
        dangerous: true,
        needs_crate: &[],
        help: "to trust a private CA, use `SslOpts::default().with_root_certs(…)` (mysql_async) or `with_root_cert_path(…)` (mysql)",
    },
    Setter {
        methods: &["set_no_tls_verify"],
        dangerous: true,
        needs_crate: &[],
        help: "to trust a private CA, pass a `rustls::ClientConfig` that trusts it with `set_config(…)`",
    },
    Setter {
        methods: &["danger_skip_tls_verify"],
        dangerous: true,
        needs_crate: &[],
        help: "keep verification on and trust the server's CA in the system store",
    },
    Setter {
        methods: &["enable_server_cert_auth"],
        dangerous: false,
        needs_crate: &[],
        help: "keep the default (`true`) and set the CA with `trust_store(path)`",
    },
    Setter {
        methods: &["allow_invalid_certificates"],
        dangerous: true,
        needs_crate: &[],
        help: "to trust a private CA, set `ca_file_path(…)`",
    },
];

const FIELDS: &[Field] = &[
    Field {
        name: "accept_invalid_certs",
        dangerous: true,
        struct_name: None,
        needs_crate: &["kube"],
        help: "to trust a private CA, set `root_cert: Some(…)`",
    },
    Field {
        name: "allow_invalid_certificates",
        dangerous: true,
        struct_name: None,
        needs_crate: &["mongodb"],
        help: "to trust a private CA, set `ca_file_path`",
    },
    Field {
        name: "verify_cert",
        dangerous: false,
        struct_name: None,
        needs_crate: &["pingora", "pingora_core", "pingora_proxy"],
        help: "keep the default (`true`); for a private CA set `options.ca` to its certificates",
    },
    Field {
        name: "insecure",
        dangerous: true,
        struct_name: Some("TcpTls"),
        needs_crate: &[],
        help: "set `insecure: false`; for a private CA use `Client::build_with_tls(url, TlsCertificates { root_cert: Some(pem), .. })`",
    },
];

const PATHS: &[PathValue] = &[
    PathValue {
        suffix: &["DANGER_ACCEPT_INVALID_CERTS"],
        help: "drop the flag; for a private CA use `ssl_ca_certificate(CaCertificate::file(…))`",
    },
    PathValue {
        suffix: &["CertificateValidation", "None"],
        help: "use `CertificateValidation::Default`, or `CertificateValidation::Full(ca_cert)` for a private CA",
    },
    PathValue {
        suffix: &["TlsMode", "Insecure"],
        help: "use `TlsMode::Secure`",
    },
];

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_setters(cx, sink, &FINDING, SETTERS);
    check_fields(cx, sink, &FINDING, FIELDS);
    check_paths(cx, sink, &FINDING, PATHS);
    check_openssl_verify_mode(cx, sink);
    check_without_validation(cx, sink);
}

/// openssl/boring `set_verify(SslVerifyMode::NONE)` (or `empty()`, `from_bits(0)`) on a client.
/// On an acceptor `NONE` only means "no client certificate requested", the normal server default.
/// A mode written elsewhere (a parameter, a field, a `match` on a run-time value) is followed as
/// a setter's argument is, in a file that names openssl or boring: `NONE` reaching it is this
/// rule, a mode decided at run time the run-time one, only verifying modes nothing.
fn check_openssl_verify_mode(cx: &Cx<'_>, sink: &mut Sink) {
    let help = "use `SslVerifyMode::PEER`, or build the client with `SslConnector::builder(SslMethod::tls())`, which verifies by default";
    let follows_values = cx.text.contains("SslVerifyMode")
        && ["openssl", "boring"].iter().any(|c| cx.mentions_crate(c));
    for call in cx.calls_named(&["set_verify", "set_verify_callback"]) {
        let Some(arg) = call.args.first() else {
            continue;
        };
        if is_server_side(cx, call.receiver, cx.range(*arg).start) {
            continue;
        }
        let (mode, via) = follow_binding(cx, arg);
        if !is_verify_none(cx, mode) {
            if follows_values {
                let site = Site {
                    primary: call.name_range(cx),
                    value: arg,
                    dangerous: Dangerous::PeerUnverified,
                    help,
                    context: Vec::new(),
                    removal: None,
                };
                report_value(cx, sink, &MODE_FINDING, site);
            }
            continue;
        }
        let mut d = Diagnostic::new(&RULE, FINDING.message, call.name_range(cx))
            .label(MODE_FINDING.label)
            .secondary(cx.range(*arg), "`SSL_VERIFY_NONE`");
        if let Some(via) = via {
            d = d.secondary(via, "the mode is set here");
        }
        report_guarded(cx, sink, &FINDING, d.note(FINDING.why).help(help), help);
    }
}

/// Follows a single-identifier `let` binding to its initializer (one step), with the
/// initializer's range when it was followed.
fn follow_binding<'a>(cx: &Cx<'a>, e: &'a Expr) -> (&'a Expr, Option<std::ops::Range<usize>>) {
    let init = follow(cx, e, 1, true, false);
    let followed = !std::ptr::eq(init, e);
    (init, followed.then(|| cx.range(init)))
}

fn is_verify_none(cx: &Cx<'_>, e: &Expr) -> bool {
    match peel(e) {
        Expr::Path(p) => cx.path_ends_with(&p.path, &["SslVerifyMode", "NONE"]),
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else {
                return false;
            };
            let empty = cx.path_ends_with(&f.path, &["SslVerifyMode", "empty"]);
            let from_zero = (cx.path_ends_with(&f.path, &["SslVerifyMode", "from_bits"])
                || cx.path_ends_with(&f.path, &["SslVerifyMode", "from_bits_truncate"]))
                && c.args.first().and_then(|a| cx.resolve(a).as_int()) == Some(0);
            empty || from_zero
        }
        _ => false,
    }
}

/// Whether a `set_verify` receiver is a server-side acceptor: its chain starts at `SslAcceptor`,
/// it is a field declared as one, or the enclosing function builds an acceptor and no connector.
fn is_server_side(cx: &Cx<'_>, receiver: Option<&Expr>, at: usize) -> bool {
    if let Some(recv) = receiver {
        let root = cx.snippet(chain_root(recv));
        if root.contains("SslAcceptor") || root.contains("acceptor") || acceptor_field(cx, recv) {
            return true;
        }
    }
    let body = cx
        .scope_at(at)
        .map_or(cx.text, |s| cx.text.get(s.range.clone()).unwrap_or(""));
    body.contains("SslAcceptor") && !body.contains("SslConnector")
}

/// Whether `recv` is a field of a struct of this file declared as an acceptor
/// (`inner: SslAcceptorBuilder`).
fn acceptor_field(cx: &Cx<'_>, recv: &Expr) -> bool {
    let Some(field) = field_at(cx, recv) else {
        return false;
    };
    cx.struct_defs
        .iter()
        .filter(|s| s.ident == field.owner)
        .flat_map(|s| s.fields.iter())
        .any(|f| {
            f.ident.as_ref().is_some_and(|i| *i == field.field)
                && cx.snippet(&f.ty).contains("SslAcceptor")
        })
}

/// Calls that switch certificate validation off whatever they are given: the method, what the
/// label says, and the safe alternative.
const WITHOUT_VALIDATION: &[(&str, &str, &str)] = &[
    (
        "trust_cert",
        "the SQL Server certificate is not validated",
        "trust the server's CA with `trust_cert_ca(\"ca.pem\")` instead",
    ),
    (
        "with_no_cert_validation",
        "the server's certificate is not validated",
        "use `with_native_certs()`, or `with_server_certificate_hashes(…)` to pin a self-signed certificate",
    ),
];

/// tiberius `config.trust_cert()`, wtransport `with_no_cert_validation()`: any call turns
/// certificate validation off. Neither returns a `Result`, so a call whose result is propagated
/// with `?` (`let trust = s.trust_cert()?`) is another type's getter, not the setting.
fn check_without_validation(cx: &Cx<'_>, sink: &mut Sink) {
    for (method, label, help) in WITHOUT_VALIDATION {
        for call in cx.calls_named(&[*method]) {
            let range = call.call_range(cx);
            let propagated = cx
                .text
                .get(range.end..)
                .is_some_and(|rest| rest.trim_start().starts_with('?'));
            if !call.args.is_empty() || propagated {
                continue;
            }
            let d = Diagnostic::new(&RULE, FINDING.message, range)
                .label(*label)
                .note(FINDING.why)
                .help(*help);
            report_guarded(cx, sink, &FINDING, d, help);
        }
    }
}
