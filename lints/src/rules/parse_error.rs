//! TLS001 `parse_error`: a file that cannot be read or parsed.

use crate::lint::{Check, Lint, Role};
use crate::rule::{Level, Rule};

/// Reported by the engine (and by the binary for unreadable files), never by a check.
pub static RULE: Rule = Rule {
    code: "TLS001",
    name: "parse_error",
    default_level: Level::Warn,
    summary: "a source file or manifest that cannot be read or parsed",
    cwe: &[],
    needles: &[],
    docs: r#"### What it does
Reports a source file that cannot be read or parsed: it is not UTF-8, has a syntax error
(including syntax that only the 2015 edition accepts), is nested too deeply or is too large. The
file is named with the reason, and everything else is still linted.

### Why is this bad?
A file the linter cannot read is a file it cannot check: a disabled certificate check in it would
go unreported.

### Example
```rust
fn main() {
    let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build(;
}
```

Use instead:
```rust
fn main() {
    let client = reqwest::Client::builder().build();
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Engine(Role::Unparsable),
};
