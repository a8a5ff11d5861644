//! TLS803 `vulnerable_tls_dependency`: `Cargo.lock` pins a version with a weak TLS default.

use crate::rule::{Level, Rule};

/// Reported by the lockfile check (`crate::manifest`), not by a source check.
pub static RULE: Rule = Rule {
    code: "TLS803",
    name: "vulnerable_tls_dependency",
    default_level: Level::Warn,
    summary: "`Cargo.lock` pins a version with a weak TLS default",
    cwe: &[326, 297],
    needles: &[],
    docs: r#"### What it does
Reads the workspace's `Cargo.lock` for versions whose TLS defaults are weak: native-tls before
0.2.15 (TLS 1.0 is the default minimum), mongodb up to 3.2.4 when the sources use the
`tlsInsecure` URI option (the option is inverted), and rdkafka-sys up to 4.5.0 built with SSL
(the bundled librdkafka 1.9 does not verify broker hostnames by default).

### Why is this bad?
The code looks right and is still weak: the defaults of the locked version decide what the
connection accepts.

### Example
```toml
[[package]]
name = "native-tls"
version = "0.2.14"
source = "registry+https://github.com/rust-lang/crates.io-index"
```

Use instead:
```toml
[[package]]
name = "native-tls"
version = "0.2.18"
source = "registry+https://github.com/rust-lang/crates.io-index"
```
"#,
    check: None,
};
