//! TLS801 `dangerous_tls_feature`: a manifest enabling a Cargo feature that exists to weaken TLS.

use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::manifest::{Manifest, Signal, signals};
use crate::rule::{Level, Rule};

/// The rule (checked on every `Cargo.toml`).
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
`tls-rustls-insecure` of redis, `dangerous-h2c` of awc and `dangerous-configuration` of
wtransport. Every dependency table is read:
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
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Manifest(check),
};

const RUSTLS_DANGER_NOTE: &str = "the feature exists to let code replace certificate verification (`ClientConfig::dangerous()`, `set_certificate_verifier`)";
const RUSTLS_DANGER_HELP: &str =
    "remove the feature; to trust a private CA, add it to the `RootCertStore` instead";

/// The features that weaken TLS (catalog section H).
static SIGNALS: &[Signal] = &[
    Signal {
        package: "rustls",
        feature: "dangerous_configuration",
        rule: &RULE,
        label: "unlocks custom certificate verifiers",
        note: RUSTLS_DANGER_NOTE,
        help: RUSTLS_DANGER_HELP,
    },
    Signal {
        package: "tokio-rustls",
        feature: "dangerous_configuration",
        rule: &RULE,
        label: "turns on `rustls/dangerous_configuration`, which unlocks custom certificate verifiers",
        note: RUSTLS_DANGER_NOTE,
        help: RUSTLS_DANGER_HELP,
    },
    Signal {
        package: "isahc",
        feature: "tls-insecure",
        rule: &RULE,
        label: "unlocks `danger_accept_invalid_certs`, `danger_accept_invalid_hosts` and `danger_accept_revoked_certs`",
        note: "the feature exists only to switch off certificate, hostname and revocation checks",
        help: "remove the feature; to trust a private CA, add it to the trust store of `TlsConfig::builder()`",
    },
    Signal {
        package: "wtransport",
        feature: "dangerous-configuration",
        rule: &RULE,
        label: "unlocks `ClientConfigBuilder::with_no_cert_validation()`",
        note: "the feature exists only to let a WebTransport client accept any server certificate",
        help: "remove the feature; for a self-signed server use `with_server_certificate_hashes(…)`, or trust its CA with `with_custom_tls(…)`",
    },
    Signal {
        package: "redis",
        feature: "tls-rustls-insecure",
        rule: &RULE,
        label: "lets `rediss://…#insecure` URLs skip certificate verification",
        note: "with this feature, `#insecure` URLs and `TlsMode::Insecure` accept any certificate over rustls",
        help: "use the `tls-rustls` feature and URLs without `#insecure`; give a private CA with `TlsCertificates`",
    },
    Signal {
        package: "awc",
        feature: "dangerous-h2c",
        rule: &RULE,
        label: "sends HTTP/2 in cleartext (h2c), `https` URLs included",
        note: "the feature installs a connector that performs no TLS handshake",
        help: "remove the feature; enable a TLS feature such as `rustls-0_23` or `openssl`",
    },
];

fn check(m: &Manifest<'_>, out: &mut Vec<Diagnostic>) {
    signals(m, SIGNALS, out);
}
