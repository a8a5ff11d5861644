//! TLS804 `no_tls_backend`: sqlx, tiberius or lettre built without any TLS feature.

use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::manifest::{Backend, Manifest, missing_backends};
use crate::rule::{Level, Rule};

/// The rule (checked on every `Cargo.toml`).
pub static RULE: Rule = Rule {
    code: "TLS804",
    name: "no_tls_backend",
    default_level: Level::Allow,
    summary: "sqlx/tiberius/lettre built with no TLS feature (every connection plaintext)",
    cwe: &[319],
    needles: &[],
    docs: r#"### What it does
Reports a database or mail client built without a TLS backend: sqlx with the `postgres` or `mysql`
driver and no `tls-*` (or `runtime-*-native-tls`/`runtime-*-rustls`) feature, tiberius with
`default-features = false` and none of `native-tls`, `rustls`, `vendored-openssl`, and lettre with
`default-features = false`, `smtp-transport` and no `native-tls`, `rustls*` or `boring-tls`
feature. Features from `workspace = true` entries and from `[features]` count. It is `allow` by
default.

### Why is this bad?
Without a backend the crate cannot encrypt: sqlx's default `PgSslMode::Prefer` silently falls back
to a plaintext socket, tiberius negotiates no encryption, and lettre can only send in cleartext.
Passwords and data cross the network in the clear.

### Example
```toml
[dependencies]
sqlx = { version = "0.8", features = ["runtime-tokio", "postgres"] }
```

Use instead:
```toml
[dependencies]
sqlx = { version = "0.8", features = ["runtime-tokio", "tls-rustls", "postgres"] }
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Manifest(check),
};

/// The packages whose TLS backend is a feature, and when its absence matters.
static BACKENDS: &[Backend] = &[
    Backend {
        package: "sqlx",
        tls_by_default: false,
        is_tls: |f| {
            (f.starts_with("tls-") && f != "tls-none")
                || (f.starts_with("runtime-")
                    && (f.ends_with("-native-tls") || f.ends_with("-rustls")))
        },
        needs_tls: |fs| {
            fs.iter()
                .any(|f| matches!(*f, "postgres" | "mysql" | "mssql" | "all-databases" | "all"))
        },
        note: "without a TLS backend `PgSslMode::Prefer` and `MySqlSslMode::Preferred` (the defaults) silently connect in plaintext, and `Require` fails",
        help: "enable a TLS feature: `tls-rustls` or `tls-native-tls` (before sqlx 0.7, `runtime-tokio-rustls` or `runtime-tokio-native-tls`)",
    },
    Backend {
        package: "tiberius",
        tls_by_default: true,
        is_tls: |f| matches!(f, "native-tls" | "rustls" | "vendored-openssl"),
        needs_tls: |_| true,
        note: "without `native-tls`, `rustls` or `vendored-openssl` tiberius negotiates no encryption: queries and the login travel in plaintext",
        help: "enable the `rustls` or `native-tls` feature, or keep the default features",
    },
    Backend {
        package: "lettre",
        tls_by_default: true,
        is_tls: |f| f.contains("native-tls") || f.contains("rustls") || f.contains("boring-tls"),
        needs_tls: |fs| fs.contains(&"smtp-transport"),
        note: "without a TLS feature only `builder_dangerous` and `Tls::None` exist: mail and SMTP credentials are sent in cleartext",
        help: "enable `rustls-tls` or `native-tls`, or keep the default features",
    },
];

fn check(m: &Manifest<'_>, out: &mut Vec<Diagnostic>) {
    missing_backends(m, &RULE, BACKENDS, out);
}
