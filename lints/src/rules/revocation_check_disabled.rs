//! TLS103 `revocation_check_disabled`: certificate revocation checks switched off.

use crate::cx::Cx;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{Finding, PathValue, Setter, check_paths, check_setters};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS103",
    name: "revocation_check_disabled",
    default_level: Level::Warn,
    summary: "certificate revocation checks switched off",
    cwe: &[299],
    needles: &[
        "DANGER_ACCEPT_REVOKED_CERTS",
        "danger_accept_revoked_certs",
        "no_revoke",
    ],
    docs: r#"### What it does
Flags isahc `SslOption::DANGER_ACCEPT_REVOKED_CERTS`, isahc 2
`danger_accept_revoked_certs(true)` and curl `SslOpt::new().no_revoke(true)`.

### Why is this bad?
A revoked certificate was withdrawn because its key leaked or it was mis-issued. Accepting it
lets whoever holds that key impersonate the server (CWE-299).

### Example
```rust
fn opts() -> curl::easy::SslOpt {
    let mut opt = curl::easy::SslOpt::new();
    opt.no_revoke(true);
    opt
}
```

Use instead:
```rust
fn opts() -> curl::easy::SslOpt {
    curl::easy::SslOpt::new()
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
    message: "certificate revocation checking is disabled",
    label: "revoked certificates are accepted",
    why: "a certificate whose key leaked stays usable for impersonating the server",
    runtime: None,
    fix_literal: false,
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_setters(
        cx,
        sink,
        &FINDING,
        &[
            Setter {
                methods: &["danger_accept_revoked_certs"],
                dangerous: true,
                needs_crate: &[],
                help: "keep revocation checks on (the default)",
            },
            Setter {
                methods: &["no_revoke"],
                dangerous: true,
                needs_crate: &[],
                help: "keep revocation checks on (the default)",
            },
        ],
    );
    check_paths(
        cx,
        sink,
        &FINDING,
        &[PathValue {
            suffix: &["DANGER_ACCEPT_REVOKED_CERTS"],
            help: "drop the flag and keep revocation checks on",
        }],
    );
}
