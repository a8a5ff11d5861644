//! TLS403 `security_level_lowered`: openssl `set_security_level(0)` or `(1)` (catalog section D).

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS403",
    name: "security_level_lowered",
    default_level: Level::Deny,
    summary: "openssl security level lowered to 0 or 1",
    cwe: &[327],
    needles: &["set_security_level"],
    docs: r#"### What it does
Flags openssl/boring `set_security_level(0)` and `set_security_level(1)`, with the level given
as a literal or a constant.

### Why is this bad?
"A security value of 0 allows all parameters and algorithms" (OpenSSL); level 1 still accepts
SHA-1 signatures and 80-bit keys. Lowering the level re-enables what OpenSSL rejects by default
(CWE-327).

### Example
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) {
    ctx.set_security_level(0);
}
```

Use instead:
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) {
    ctx.set_security_level(2);
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    for call in cx.calls_named(&["set_security_level"]) {
        let Some(arg) = call.args.first() else {
            continue;
        };
        let resolved = cx.resolve(arg);
        let Some(level @ 0..=1) = resolved.as_int() else {
            continue;
        };
        let label = if level == 0 {
            "security level 0 allows every algorithm and key size"
        } else {
            "security level 1 accepts SHA-1 signatures and 80-bit keys"
        };
        let mut d = Diagnostic::new(
            &RULE,
            format!("the openssl security level is lowered to {level}"),
            call.name_range(cx),
        )
        .label(label)
        .secondary(cx.range(*arg), format!("because of this `{level}`"));
        for (range, text) in &resolved.via {
            d = d.secondary(range.clone(), text.clone());
        }
        sink.push(d.note("a lowered level re-enables weak keys and algorithms that OpenSSL rejects by default").help("use level 2 or higher, or keep OpenSSL's default"));
    }
}
