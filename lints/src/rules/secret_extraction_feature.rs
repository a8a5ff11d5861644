//! TLS802 `secret_extraction_feature`: the rustls `secret_extraction` feature.

use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::manifest::{Manifest, Signal, signals};
use crate::rule::{Level, Rule};

/// The rule (checked on every `Cargo.toml`).
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
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Manifest(check),
};

const SECRETS_NOTE: &str = "`dangerous_extract_secrets()` hands out the session's traffic keys, and whoever holds them can decrypt the connection";
const SECRETS_HELP: &str = "remove the feature unless kernel TLS offload needs the keys";

/// The features that unlock secret extraction.
static SIGNALS: &[Signal] = &[
    Signal {
        package: "rustls",
        feature: "secret_extraction",
        rule: &RULE,
        label: "unlocks `dangerous_extract_secrets()`",
        note: SECRETS_NOTE,
        help: SECRETS_HELP,
    },
    Signal {
        package: "tokio-rustls",
        feature: "secret_extraction",
        rule: &RULE,
        label: "turns on `rustls/secret_extraction`, which unlocks `dangerous_extract_secrets()`",
        note: SECRETS_NOTE,
        help: SECRETS_HELP,
    },
];

fn check(m: &Manifest<'_>, out: &mut Vec<Diagnostic>) {
    signals(m, SIGNALS, out);
}
