//! TLS203 `sni_disabled`: Server Name Indication switched off.

use crate::cx::Cx;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{Field, Finding, Setter, check_fields, check_setters};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS203",
    name: "sni_disabled",
    default_level: Level::Allow,
    summary: "server name indication switched off",
    cwe: &[],
    needles: &["enable_sni", "tls_sni", "use_sni", "server_name_indication"],
    docs: r#"### What it does
Flags rustls `enable_sni = false`, reqwest `tls_sni(false)`, native-tls and ureq `use_sni(false)`
and openssl `set_use_server_name_indication(false)`. Off by default: SNI is for routing and
privacy, and the certificate is still verified against the requested name.

### Why is this bad?
Without SNI, servers that host several names answer with a default certificate, which then fails
verification or, behind a permissive setup, leads to the wrong backend.

### Example
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().tls_sni(false).build()
}
```

Use instead:
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().build()
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
    message: "server name indication is disabled",
    label: "the server is not told which host is wanted",
    why: "servers hosting several names may answer with a certificate for another name",
    runtime: None,
    fix_literal: false,
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_setters(
        cx,
        sink,
        &FINDING,
        &[Setter {
            methods: &[
                "tls_sni",
                "use_sni",
                "use_server_name_indication",
                "set_use_server_name_indication",
            ],
            dangerous: false,
            needs_crate: &[],
            help: "keep SNI on (the default)",
        }],
    );
    check_fields(
        cx,
        sink,
        &FINDING,
        &[Field {
            name: "enable_sni",
            dangerous: false,
            struct_name: None,
            needs_crate: &["rustls"],
            help: "keep `enable_sni = true` (the default)",
        }],
    );
}
