//! TLS102 `cert_verification_skipped_by_mode`: sqlx TLS modes that encrypt without verifying.

use crate::cx::Cx;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{Finding, PathValue, check_paths};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS102",
    name: "cert_verification_skipped_by_mode",
    default_level: Level::Warn,
    summary: "a TLS mode that encrypts without verifying the server certificate",
    cwe: &[295],
    needles: &["PgSslMode", "MySqlSslMode"],
    docs: r#"### What it does
Flags sqlx TLS modes that encrypt the connection without checking the server's certificate:
`PgSslMode::Require` and `PgSslMode::Prefer`, `MySqlSslMode::Required` and
`MySqlSslMode::Preferred`. (`Prefer`/`Preferred` is also sqlx's default, and falls back to
plaintext when the server offers no TLS.)

### Why is this bad?
The traffic is encrypted, but to whoever answers: an attacker in the middle presents their own
certificate and reads the database password and every query (CWE-295).

### Example
```rust
fn options() -> sqlx::postgres::PgConnectOptions {
    sqlx::postgres::PgConnectOptions::new().ssl_mode(sqlx::postgres::PgSslMode::Require)
}
```

Use instead:
```rust
fn options() -> sqlx::postgres::PgConnectOptions {
    sqlx::postgres::PgConnectOptions::new()
        .ssl_mode(sqlx::postgres::PgSslMode::VerifyFull)
        .ssl_root_cert("ca.pem")
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
    message: "this TLS mode does not verify the server certificate",
    label: "encrypted, but the server's certificate is not checked",
    why: "an attacker in the middle can present any certificate and read the connection",
    runtime: None,
    fix_literal: false,
};

const PATHS: &[PathValue] = &[
    PathValue {
        suffix: &["PgSslMode", "Require"],
        help: "use `PgSslMode::VerifyFull` with `ssl_root_cert(…)`",
    },
    PathValue {
        suffix: &["PgSslMode", "Prefer"],
        help: "use `PgSslMode::VerifyFull` with `ssl_root_cert(…)`",
    },
    PathValue {
        suffix: &["MySqlSslMode", "Required"],
        help: "use `MySqlSslMode::VerifyIdentity` with `ssl_ca(…)`",
    },
    PathValue {
        suffix: &["MySqlSslMode", "Preferred"],
        help: "use `MySqlSslMode::VerifyIdentity` with `ssl_ca(…)`",
    },
];

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_paths(cx, sink, &FINDING, PATHS);
}
