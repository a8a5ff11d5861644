//! TLS130 `cert_verification_disabled_in_config_string`: connection strings and property maps
//! that switch certificate validation off (catalog A5).

use std::ops::Range;

use crate::cleartext::context::config_strings;
use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::{parse_url, str_value};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS130",
    name: "cert_verification_disabled_in_config_string",
    default_level: Level::Deny,
    summary: "a connection string or property that switches certificate validation off",
    cwe: &[295],
    needles: &[
        "tlsAllowInvalid",
        "tlsInsecure",
        "#insecure",
        "enable.ssl.certificate.verification",
        "ssl.endpoint.identification.algorithm",
        "TrustServerCertificate",
        "verify_ca",
        "verify_identity",
        "insecure-skip-tls-verify",
    ],
    docs: r#"### What it does
Flags configuration strings that switch certificate validation off: mongodb URI options
`tlsAllowInvalidCertificates=true`, `tlsInsecure=true` and `tlsAllowInvalidHostnames=true`; redis
`rediss://…#insecure` (and `valkeys://`); rdkafka `ClientConfig::set` of
`enable.ssl.certificate.verification` to `false` or `ssl.endpoint.identification.algorithm` to
`none`; tiberius ADO/JDBC `TrustServerCertificate=true`; mysql_async `verify_ca=false` and
`verify_identity=false`; an inline kubeconfig with `insecure-skip-tls-verify: true`. Log and error
messages are not configuration.

### Why is this bad?
The connection is encrypted but the server is not authenticated: anyone on the network path
can present their own certificate, read the credentials and change the data (CWE-295).

### Example
```rust
async fn connect() -> mongodb::error::Result<mongodb::Client> {
    mongodb::Client::with_uri_str("mongodb://db.example.com/?tls=true&tlsAllowInvalidCertificates=true").await
}
```

Use instead:
```rust
async fn connect() -> mongodb::error::Result<mongodb::Client> {
    mongodb::Client::with_uri_str("mongodb://db.example.com/?tls=true&tlsCAFile=/etc/ssl/db-ca.pem").await
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// A `key=value` option that disables validation: the key (lowercase), the bad values, what it
/// does, the fix.
const OPTIONS: &[(&str, &[&str], &str, &str)] = &[
    (
        "tlsallowinvalidcertificates",
        &["true"],
        "accepts any certificate",
        "remove it; trust a private CA with `tlsCAFile=…`",
    ),
    (
        "tlsinsecure",
        &["true"],
        "accepts any certificate and any host name",
        "remove it; trust a private CA with `tlsCAFile=…`",
    ),
    (
        "tlsallowinvalidhostnames",
        &["true"],
        "accepts a certificate issued for any host",
        "remove it; the certificate must name the host",
    ),
    (
        "trustservercertificate",
        &["true", "yes"],
        "accepts any certificate",
        "trust the server's CA with `TrustServerCertificateCA=ca.pem` instead",
    ),
    (
        "verify_ca",
        &["false"],
        "accepts any certificate",
        "remove it (`verify_ca` defaults to `true`); trust a private CA with the root certificate options",
    ),
    (
        "verify_identity",
        &["false"],
        "accepts a certificate issued for any host",
        "remove it (`verify_identity` defaults to `true`)",
    ),
];

/// rdkafka properties set with `ClientConfig::set(key, value)`.
const PROPERTIES: &[(&str, &str, &str)] = &[
    (
        "enable.ssl.certificate.verification",
        "false",
        "keep the default (`true`) and set `ssl.ca.location` for a private CA",
    ),
    (
        "ssl.endpoint.identification.algorithm",
        "none",
        "keep the default (`https`) so the broker's certificate must name it",
    ),
];

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    for value in config_strings(cx, is_candidate) {
        let lower = value.text.to_ascii_lowercase();
        for (key, bad, what, fix) in OPTIONS {
            for (k, v) in options(&value.text) {
                if k.eq_ignore_ascii_case(key)
                    && bad.iter().any(|b| v.eq_ignore_ascii_case(b))
                    && cx.mentions_ci(key)
                {
                    report(
                        cx,
                        sink,
                        value.range.clone(),
                        &format!("{k}={v}"),
                        what,
                        fix,
                    );
                }
            }
        }
        if lower.contains("#insecure")
            && parse_url(&value.text).is_some_and(|u| {
                matches!(u.scheme(), "rediss" | "valkeys") && u.fragment() == Some("insecure")
            })
        {
            report(
                cx,
                sink,
                value.range.clone(),
                "#insecure",
                "accepts any certificate",
                "remove `#insecure`; for a private CA use `Client::build_with_tls(url, TlsCertificates { root_cert: Some(pem), .. })`",
            );
        }
        if lower.lines().any(|l| {
            l.trim()
                .strip_prefix("insecure-skip-tls-verify:")
                .is_some_and(|v| v.trim().trim_matches('"') == "true")
        }) {
            report(
                cx,
                sink,
                value.range.clone(),
                "insecure-skip-tls-verify",
                "accepts any certificate",
                "remove it and set `certificate-authority-data` for the cluster's CA",
            );
        }
    }
    for call in cx.calls_named(&["set"]) {
        let [key, val] = call.args[..] else { continue };
        let (Some(k), Some(v)) = (str_value(cx, key), str_value(cx, val)) else {
            continue;
        };
        for (prop, bad, fix) in PROPERTIES {
            if k.text.eq_ignore_ascii_case(prop)
                && v.text.trim().eq_ignore_ascii_case(bad)
                && cx.mentions_ci(prop)
            {
                let range = call.call_range(cx);
                sink.push(
                    Diagnostic::new(&RULE, "certificate verification is disabled by a configuration property", range)
                        .label(format!("`{prop}` is set to `{}`", v.text))
                        .note("the broker is not authenticated: anyone on the network path can impersonate it")
                        .help(*fix),
                );
            }
        }
    }
}

fn is_candidate(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "tlsallowinvalid",
        "tlsinsecure",
        "#insecure",
        "trustservercertificate",
        "verify_ca",
        "verify_identity",
        "insecure-skip-tls-verify",
    ]
    .iter()
    .any(|n| lower.contains(n))
}

/// `key=value` pairs separated by `?`, `&`, `;` or whitespace (URL queries, ADO/JDBC strings).
fn options(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.split(['?', '&', ';', ' ', '\n', '\t'])
        .filter_map(|part| {
            let (k, v) = part.split_once('=')?;
            Some((k.trim(), v.trim().trim_end_matches('#')))
        })
}

/// Reports `option` inside the literal at `range`: the label points at the option when it is
/// written verbatim in the source.
fn report(cx: &Cx<'_>, sink: &mut Sink, range: Range<usize>, option: &str, what: &str, fix: &str) {
    let source = cx.text.get(range.clone()).unwrap_or("");
    let at = source
        .to_ascii_lowercase()
        .find(&option.to_ascii_lowercase())
        .map(|i| range.start + i..range.start + i + option.len());
    let primary = at.unwrap_or(range);
    sink.push(
        Diagnostic::new(
            &RULE,
            "certificate verification is disabled by a connection string",
            primary,
        )
        .label(format!("`{option}` {what}"))
        .note("the server is not authenticated: anyone on the network path can impersonate it")
        .help(fix),
    );
}
