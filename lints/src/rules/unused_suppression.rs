//! TLS003 `unused_suppression`: a suppression comment that suppresses nothing.

use crate::lint::{Check, Lint, Role};
use crate::rule::{Level, Rule};

/// Reported when the policy is applied.
pub static RULE: Rule = Rule {
    code: "TLS003",
    name: "unused_suppression",
    default_level: Level::Warn,
    summary: "a suppression comment that suppresses nothing",
    cwe: &[],
    needles: &[],
    docs: r#"### What it does
Reports a `// tlslint: allow(rule, reason = "…")` comment that covers no finding of the rules it
names: the code it excused was fixed or moved.

### Why is this bad?
A stale suppression silently excuses whatever insecure setting is later written on that line.

### Example
```rust
fn main() {
    // tlslint: allow(cert_verification_disabled, reason = "local test proxy")
    let client = reqwest::Client::builder().build();
}
```

Use instead:
```rust
fn main() {
    let client = reqwest::Client::builder().build();
}
```

### Fix
Removes the comment (its whole line when it stands alone). Machine-applicable, so `--fix` applies
it: the comment lifts nothing, and removing it changes no finding.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Engine(Role::UnusedSuppression),
};
