//! TLS002 `invalid_suppression`: a malformed `// tlslint: allow(…)` comment.

use crate::lint::{Check, Lint, Role};
use crate::rule::{Level, Rule};

/// Reported by the suppression scanner.
pub static RULE: Rule = Rule {
    code: "TLS002",
    name: "invalid_suppression",
    default_level: Level::Warn,
    summary: "a `tlslint: allow(...)` comment naming an unknown rule, malformed, or without a reason",
    cwe: &[],
    needles: &[],
    docs: r#"### What it does
Reports a `// tlslint: allow(…)` comment that names an unknown rule, cannot be parsed, or gives no
`reason = "…"`. Such a comment suppresses nothing.

### Why is this bad?
A suppression is a security decision; the reason records why the weakened setting is acceptable,
for the reviewer and for whoever removes it later. A typo in the rule name would otherwise leave
the finding suppressed in the author's mind and reported in CI, or the reverse.

### Example
```rust
fn main() {
    // tlslint: allow(cert_verification_disabled)
    let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
}
```

Use instead:
```rust
fn main() {
    // tlslint: allow(cert_verification_disabled, reason = "talks to a local test proxy only")
    let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
}
```

### Fix
Removes the comment (its whole line when it stands alone). Maybe incorrect, so only
`--unsafe-fixes` applies it: the comment was meant to excuse a finding, and correcting it (a known
rule name, a `reason`) may be what you want instead.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Engine(Role::InvalidSuppression),
};
