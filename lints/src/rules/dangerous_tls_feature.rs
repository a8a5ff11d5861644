//! TLS801 `dangerous_tls_feature`: a manifest enabling a Cargo feature that exists to weaken TLS.

use crate::rule::{Level, Rule};

/// Reported by the manifest check (`crate::manifest`), not by a source check.
pub static RULE: Rule = Rule {
    code: "TLS801",
    name: "dangerous_tls_feature",
    default_level: Level::Warn,
    summary: "a manifest enabling a feature that exists to weaken TLS",
    cwe: &[295],
    needles: &[],
    docs: r#"### What it does
Reports a Cargo feature, declared in your own `Cargo.toml`, whose only purpose is to make TLS
weaker: `dangerous_configuration` of rustls (0.18–0.21) and tokio-rustls, `tls-insecure` of isahc,
`tls-rustls-insecure` of redis and `dangerous-h2c` of awc. Every dependency table is read:
`[dependencies]`, `[build-dependencies]`, `[target.'cfg(…)'.dependencies]`,
`[workspace.dependencies]`, the `[dependencies.rustls]` table form, renamed dependencies
(`package = "rustls"`), features added to a `workspace = true` entry, and `dep/feature` strings in
`[features]`. Features in `[dev-dependencies]` are test code (reported with `--include-tests`).
Features that another crate enables for you are not reported.

### Why is this bad?
These features unlock APIs that switch off certificate or hostname verification (custom
verifiers, `danger_accept_invalid_certs`, `#insecure` URLs) or send `https` traffic in cleartext.
Enabling one is a decision a reviewer should see.

### Example
```toml
[dependencies]
rustls = { version = "0.21", features = ["dangerous_configuration"] }
```

Use instead:
```toml
[dependencies]
rustls = "0.21"
```
"#,
    check: None,
};
