//! TLS802 `secret_extraction_feature`: the rustls `secret_extraction` feature.

use crate::rule::{Level, Rule};

/// Reported by the manifest check (`crate::manifest`), not by a source check.
pub static RULE: Rule = Rule {
    code: "TLS802",
    name: "secret_extraction_feature",
    default_level: Level::Allow,
    summary: "rustls `secret_extraction` feature",
    cwe: &[200],
    needles: &[],
    docs: r#"### What it does
Reports the `secret_extraction` feature of rustls (0.20–0.21) or tokio-rustls, declared in your
own `Cargo.toml`. It is `allow` by default; set it to `warn` to review key export.

### Why is this bad?
The feature unlocks `dangerous_extract_secrets()`, which hands out the session's traffic keys.
Whoever holds them can decrypt the connection; it is meant for kernel TLS offload only.

### Example
```toml
[dependencies]
rustls = { version = "0.21", features = ["secret_extraction"] }
```

Use instead:
```toml
[dependencies]
rustls = "0.21"
```
"#,
    check: None,
};
