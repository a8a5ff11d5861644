//! TLS804 `no_tls_backend`: sqlx, tiberius or lettre built without any TLS feature.

use crate::rule::{Level, Rule};

/// Reported by the manifest check (`crate::manifest`), not by a source check.
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
    check: None,
};
