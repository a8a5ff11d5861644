//! TLS303 `unsafe_legacy_renegotiation`: openssl/boring
//! `SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION` (catalog section C).

use syn::Expr;

use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS303",
    name: "unsafe_legacy_renegotiation",
    default_level: Level::Warn,
    summary: "unsafe legacy renegotiation allowed",
    cwe: &[757],
    needles: &["ALLOW_UNSAFE_LEGACY_RENEGOTIATION"],
    docs: r#"### What it does
Flags `SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION` (openssl, boring) wherever it is set; clearing
it with `clear_options` and comparing against it are not findings.

### Why is this bad?
Renegotiation without the RFC 5746 extension lets an attacker splice their own request in front
of the victim's (CVE-2009-3555), a prefix injection that the TLS layer cannot detect (CWE-757).

### Example
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) {
    ctx.set_options(openssl::ssl::SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
}
```

Use instead:
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) {
    ctx.set_options(openssl::ssl::SslOptions::NO_RENEGOTIATION);
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
    let cleared: Vec<std::ops::Range<usize>> = cx
        .calls_named(&["clear_options"])
        .filter_map(|c| c.args.first().map(|a| cx.range(*a)))
        .collect();
    for p in &cx.paths {
        if p.path
            .segments
            .last()
            .is_none_or(|s| s.ident != "ALLOW_UNSAFE_LEGACY_RENEGOTIATION")
            || cx.is_compared(*p)
        {
            continue;
        }
        let r = cx.range(*p);
        if cleared.iter().any(|c| c.start <= r.start && r.end <= c.end) || in_contains_call(cx, p) {
            continue;
        }
        sink.push(
            Diagnostic::new(&RULE, "unsafe legacy renegotiation is allowed", r)
                .label("renegotiation without RFC 5746 protection is accepted")
                .note("an attacker on the path can splice a request in front of the client's (CVE-2009-3555)")
                .help("drop the flag; set `SslOptions::NO_RENEGOTIATION` if renegotiation is not needed"),
        );
    }
}

/// `opts.contains(SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION)` only tests the flag.
fn in_contains_call(cx: &Cx<'_>, p: &syn::ExprPath) -> bool {
    let r = cx.range(p);
    cx.method_calls.iter().any(|m| {
        matches!(
            m.method.to_string().as_str(),
            "contains" | "intersects" | "remove"
        ) && m
            .args
            .iter()
            .any(|a| matches!(peel(a), Expr::Path(_)) && cx.range(a) == r)
    })
}
