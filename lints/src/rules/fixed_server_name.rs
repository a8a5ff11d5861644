//! TLS202 `fixed_server_name`: certificates checked against a fixed name instead of the host of
//! each request.

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS202",
    name: "fixed_server_name",
    default_level: Level::Allow,
    summary: "certificates checked against a fixed name instead of the request's host",
    cwe: &[297],
    needles: &["with_server_name", "tls_hostname_override"],
    docs: r#"### What it does
Flags hyper-rustls `with_server_name(…)`/`with_server_name_resolver(…)` and mysql_async
`with_danger_tls_hostname_override(…)`: every connection's certificate is checked against one
fixed name, whatever host is contacted. Off by default: it is legitimate for proxies and SNI
routing.

### Why is this bad?
A client that reaches many hosts but checks one name accepts a certificate for that name from
any of them (CWE-297).

### Example
```rust
fn connector() -> hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector> {
    hyper_rustls::HttpsConnectorBuilder::new()
        .with_native_roots()
        .unwrap()
        .https_only()
        .with_server_name("internal.example.com".into())
        .enable_http1()
        .build()
}
```

Use instead:
```rust
fn connector() -> hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector> {
    hyper_rustls::HttpsConnectorBuilder::new().with_native_roots().unwrap().https_only().enable_http1().build()
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    let hyper_rustls = cx.mentions_crate("hyper_rustls");
    for call in cx.calls_named(&[
        "with_server_name",
        "with_server_name_resolver",
        "with_danger_tls_hostname_override",
    ]) {
        if call.name.to_string().starts_with("with_server_name") && !hyper_rustls {
            continue;
        }
        sink.push(
            Diagnostic::new(
                &RULE,
                "certificates are checked against a fixed server name",
                call.name_range(cx),
            )
            .label("every request is verified against this name")
            .note("a certificate for this name is accepted from any host the client contacts")
            .help("let the client verify each request's own host name"),
        );
    }
}
