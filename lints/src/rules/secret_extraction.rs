//! TLS702 `secret_extraction`: rustls session secrets exported from the connection (catalog
//! section G).

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{Field, Finding, check_fields};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS702",
    name: "secret_extraction",
    default_level: Level::Allow,
    summary: "TLS session secrets exported from the connection",
    cwe: &[200],
    needles: &[
        "enable_secret_extraction",
        "extract_secrets",
        "dangerous_into_kernel_connection",
    ],
    docs: r#"### What it does
Flags rustls `enable_secret_extraction = true`, `dangerous_extract_secrets()` (0.22+),
`extract_secrets()` (0.20/0.21) and `dangerous_into_kernel_connection(…)`. Off by default: the
usual purpose, kernel TLS offload, is legitimate.

### Why is this bad?
The extracted traffic secrets decrypt the session; once outside rustls they must be handled like
keys (CWE-200).

### Example
```rust
fn configure(config: &mut rustls::ClientConfig) {
    config.enable_secret_extraction = true;
}
```

Use instead:
```rust
fn configure(config: &mut rustls::ClientConfig) {
    config.enable_secret_extraction = false;
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
    message: "TLS session secrets can be extracted",
    label: "the traffic secrets leave rustls",
    why: "the extracted secrets decrypt the session and must be protected like keys",
    runtime: None,
    fix_literal: false,
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_fields(
        cx,
        sink,
        &FINDING,
        &[Field {
            name: "enable_secret_extraction",
            dangerous: true,
            struct_name: None,
            needs_crate: &[],
            help: "leave `enable_secret_extraction` off unless the secrets go straight to kernel TLS",
        }],
    );
    for call in cx.calls_named(&[
        "dangerous_extract_secrets",
        "extract_secrets",
        "dangerous_into_kernel_connection",
    ]) {
        // `extract_secrets` alone is a common name (secret stores): require rustls.
        if call.name == "extract_secrets" && !cx.code().contains("rustls") {
            continue;
        }
        sink.push(
            Diagnostic::new(&RULE, FINDING.message, call.name_range(cx))
                .label(FINDING.label)
                .note(FINDING.why)
                .help("hand the secrets only to kernel TLS, and never log or store them"),
        );
    }
}
