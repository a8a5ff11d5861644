//! TLS703 `early_data_enabled`: TLS 1.3 0-RTT early data enabled (catalog section G).

use syn::Expr;

use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{Field, Finding, Setter, check_fields, check_setters};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS703",
    name: "early_data_enabled",
    default_level: Level::Allow,
    summary: "TLS 1.3 0-RTT early data enabled",
    cwe: &[294],
    needles: &["enable_early_data", "max_early_data_size", "tls_early_data"],
    docs: r#"### What it does
Flags rustls `enable_early_data = true` (client), `max_early_data_size` above zero (server) and
reqwest `tls_early_data(true)`. Off by default: 0-RTT is safe for idempotent requests when the
application knows it.

### Why is this bad?
Early data is not protected against replay: an attacker can resend a captured 0-RTT request,
which repeats any side effect it has (CWE-294).

### Example
```rust
fn configure(config: &mut rustls::ClientConfig) {
    config.enable_early_data = true;
}
```

Use instead:
```rust
fn configure(config: &mut rustls::ClientConfig) {
    config.enable_early_data = false;
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
    message: "TLS 1.3 early data is enabled",
    label: "0-RTT data can be replayed",
    why: "an attacker can replay a captured 0-RTT request and repeat its side effects",
    runtime: None,
    fix_literal: false,
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_fields(
        cx,
        sink,
        &FINDING,
        &[Field {
            name: "enable_early_data",
            dangerous: true,
            struct_name: None,
            needs_crate: &[],
            help: "leave early data off, or accept only idempotent requests in it",
        }],
    );
    check_setters(
        cx,
        sink,
        &FINDING,
        &[Setter {
            methods: &["tls_early_data"],
            dangerous: true,
            needs_crate: &[],
            help: "leave early data off, or send only idempotent requests in it",
        }],
    );
    let mut sizes: Vec<(&Expr, std::ops::Range<usize>)> = Vec::new();
    for a in &cx.assigns {
        if let Expr::Field(f) = peel(&a.left)
            && matches!(&f.member, syn::Member::Named(n) if n == "max_early_data_size")
        {
            sizes.push((&a.right, cx.range(&*a.left)));
        }
    }
    for s in &cx.structs {
        for fv in &s.fields {
            if matches!(&fv.member, syn::Member::Named(n) if n == "max_early_data_size") {
                sizes.push((&fv.expr, cx.range(&fv.member)));
            }
        }
    }
    for (value, primary) in sizes {
        let is_max = matches!(peel(value), Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "MAX"));
        let positive = is_max || cx.resolve(value).as_int().is_some_and(|n| n > 0);
        if positive {
            sink.push(
                Diagnostic::new(&RULE, FINDING.message, primary)
                    .label("the server accepts 0-RTT data")
                    .secondary(cx.range(value), "a size above zero enables early data")
                    .note(FINDING.why)
                    .help("keep `max_early_data_size = 0` (the default), or accept only idempotent requests as early data"),
            );
        }
    }
}
