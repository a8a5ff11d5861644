//! TLS803 `vulnerable_tls_dependency`: `Cargo.lock` pins a version with a weak TLS default.

use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::manifest::Locked;
use crate::rule::{Level, Rule};

/// The rule (checked on every `Cargo.lock`).
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
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Lockfile(check),
};

/// The locked packages with weak TLS defaults; `sources_mention_tls_insecure` is asked only when
/// a mongodb ≤ 3.2.4 is locked.
fn check(
    packages: &[Locked<'_>],
    sources_mention_tls_insecure: &mut dyn FnMut() -> bool,
    out: &mut Vec<Diagnostic>,
) {
    for p in packages {
        let v = &p.version;
        let d = match p.name {
            "native-tls" if (v.major, v.minor, v.patch) < (0, 2, 15) => Diagnostic::new(&RULE, format!("`native-tls` {v} accepts TLS 1.0 by default"), p.version_range.clone())
                .label("TLS 1.0 and 1.1 are allowed unless `min_protocol_version` is set")
                .note("before 0.2.15 a `TlsConnector` built without `min_protocol_version` allows TLS 1.0 and 1.1; 0.2.15 raised the default to TLS 1.2")
                .help("run `cargo update -p native-tls` to lock 0.2.15 or later"),
            "mongodb" if (v.major, v.minor, v.patch) <= (3, 2, 4) && sources_mention_tls_insecure() => {
                Diagnostic::new(&RULE, format!("`mongodb` {v} inverts the `tlsInsecure` URI option"), p.version_range.clone())
                    .label("`tlsInsecure=false` turns certificate verification off in this version")
                    .note("the sources use `tlsInsecure`; mongodb up to 3.2.4 reads `tlsInsecure=false` as `tlsAllowInvalidCertificates=true` (fixed in 3.2.5)")
                    .help("run `cargo update -p mongodb` to lock 3.2.5 or later")
            }
            "rdkafka-sys" if (v.major, v.minor, v.patch) <= (4, 5, 0) && p.dependencies.contains(&"openssl-sys") => {
                Diagnostic::new(&RULE, format!("`rdkafka-sys` {v} bundles a librdkafka that does not verify broker hostnames by default"), p.version_range.clone())
                    .label("built with SSL and librdkafka 1.x")
                    .note("librdkafka before 2.0.0 defaults `ssl.endpoint.identification.algorithm` to `none`; rdkafka-sys up to 4.5.0 bundles librdkafka 1.9.2 (unless `dynamic-linking` links a newer system library)")
                    .help("update `rdkafka` to a release built on rdkafka-sys 4.6.0 or later, or set `ssl.endpoint.identification.algorithm` to `https`")
            }
            _ => continue,
        };
        out.push(d);
    }
}
