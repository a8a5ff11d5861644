//! TLS701 `tls_key_logging`: TLS session secrets written to a key log (catalog section G).

use syn::Expr;

use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{Finding, Setter, check_setters};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS701",
    name: "tls_key_logging",
    default_level: Level::Warn,
    summary: "TLS session secrets written to a key log",
    cwe: &[532],
    needles: &[
        "KeyLog",
        "tls_sslkeylogfile",
        "use_key_log",
        "with_key_logging",
        "set_keylog_callback",
    ],
    docs: r#"### What it does
Flags rustls `KeyLogFile`, or a custom `impl KeyLog` type, installed as `key_log` (by assignment
or in a struct literal; the custom impl is labelled, and an impl that is never installed is not
a finding), reqwest 0.13 `tls_sslkeylogfile(true)`, tonic `use_key_log()`, s2n-quic's TLS providers
(`s2n_quic_tls`, `s2n_quic_rustls`) `with_key_logging()`, openssl/boring
`set_keylog_callback` and wreq `tls_keylog(KeyLog::from_env())` / `keylog(Some(…))`.

### Why is this bad?
Key logs hold the secrets of every session: whoever can read the file (or set `SSLKEYLOGFILE`
in the process environment) can decrypt all captured traffic (CWE-532). Keep key logging to
debugging builds: code under `#[cfg(debug_assertions)]` or `if cfg!(debug_assertions)` is not
reported.

### Example
```rust
fn configure(config: &mut rustls::ClientConfig) {
    config.key_log = std::sync::Arc::new(rustls::KeyLogFile::new());
}
```

Use instead:
```rust
fn configure(config: &mut rustls::ClientConfig) {
    let _ = config;
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

const WHY: &str = "anyone who can read the key log, or set `SSLKEYLOGFILE` for the process, can decrypt the captured traffic";
const HELP: &str = "remove key logging from production code, or gate it behind `#[cfg(debug_assertions)]` (not reported)";

const FINDING: Finding = Finding {
    rule: &RULE,
    message: "TLS session keys are logged",
    label: "keys are written to `$SSLKEYLOGFILE` when it is set",
    why: WHY,
    runtime: None,
    fix_literal: false,
};

fn check(cx: &Cx<'_>, out: &mut Sink) {
    let mut found = Sink::default();
    find(cx, &mut found);
    for d in found.diagnostics {
        if !debug_only(cx, d.primary.range.start) {
            out.push(d);
        }
    }
}

/// Whether `at` lies in a statement or item gated on debug builds (`#[cfg(debug_assertions)]`,
/// `if cfg!(debug_assertions) { … }`), which is what the help recommends.
fn debug_only(cx: &Cx<'_>, at: usize) -> bool {
    cx.statement_ranges()
        .iter()
        .filter(|r| r.contains(&at))
        .any(|r| {
            let head: String = cx
                .text
                .get(r.start..)
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(40)
                .collect();
            head.starts_with("#[cfg(debug_assertions)]")
                || head.starts_with("ifcfg!(debug_assertions)")
        })
}

/// The file's own `impl KeyLog for T` types whose `log` does something, with the range of the
/// trait path in the impl header. An impl alone logs nothing: it is reported where it is
/// installed into `key_log` (rustls's own `KeyLogFile` impl is not a finding).
fn custom_key_logs(cx: &Cx<'_>) -> Vec<(String, std::ops::Range<usize>)> {
    cx.impls
        .iter()
        .filter_map(|i| {
            let (path, _) = i.trait_.as_ref()?;
            if path.segments.last().is_none_or(|s| s.ident != "KeyLog") {
                return None;
            }
            let logs = i.items.iter().any(|item| matches!(item, syn::ImplItem::Fn(f) if f.sig.ident == "log" && !f.block.stmts.is_empty()));
            let syn::Type::Path(ty) = &*i.self_ty else { return None };
            let name = ty.path.segments.last()?.ident.to_string();
            logs.then(|| (name, cx.range(path)))
        })
        .collect()
}

fn find(cx: &Cx<'_>, sink: &mut Sink) {
    let push = |sink: &mut Sink, range, label: &str| {
        sink.push(
            Diagnostic::new(&RULE, FINDING.message, range)
                .label(label)
                .note(WHY)
                .help(HELP),
        );
    };
    let custom = custom_key_logs(cx);
    let install = |sink: &mut Sink, range, value: &Expr| {
        let text = cx.snippet(value);
        let custom_installed = custom.iter().any(|(name, _)| text.contains(name.as_str()));
        if text.contains("NoKeyLog")
            || !(text.contains("KeyLogFile") || text.contains("Arc") || custom_installed)
        {
            return;
        }
        let mut d = Diagnostic::new(&RULE, FINDING.message, range);
        d = if text.contains("KeyLogFile") {
            d.label("the key log writes session secrets to `$SSLKEYLOGFILE`")
        } else {
            d.label("every session secret is handed to this key log")
        };
        for (name, header) in &custom {
            if text.contains(name.as_str()) {
                d = d.secondary(
                    header.clone(),
                    format!("`{name}` receives every session secret"),
                );
            }
        }
        sink.push(d.note(WHY).help(HELP));
    };
    for a in &cx.assigns {
        if let Expr::Field(f) = &*a.left
            && matches!(&f.member, syn::Member::Named(n) if n == "key_log")
        {
            install(sink, cx.range(&*a.left), &a.right);
        }
    }
    for s in &cx.structs {
        for fv in &s.fields {
            if matches!(&fv.member, syn::Member::Named(n) if n == "key_log") {
                install(sink, cx.range(&fv.member), &fv.expr);
            }
        }
    }
    check_setters(
        cx,
        sink,
        &FINDING,
        &[Setter {
            methods: &["tls_sslkeylogfile"],
            dangerous: true,
            needs_crate: &[],
            help: HELP,
        }],
    );
    for call in cx.calls_named(&["use_key_log", "with_key_logging"]) {
        if call.args.is_empty() {
            push(
                sink,
                call.call_range(cx),
                "keys are written to `$SSLKEYLOGFILE` when it is set",
            );
        }
    }
    if cx.mentions_crate("wreq") {
        let wreq_key_logs =
            cx.calls_named(&["tls_keylog"])
                .chain(cx.calls_named(&["keylog"]).filter(|c| {
                    c.args.first().is_some_and(
                        |a| !matches!(peel(a), Expr::Path(p) if p.path.is_ident("None")),
                    )
                }));
        for call in wreq_key_logs {
            push(
                sink,
                call.name_range(cx),
                "session secrets are written to the `KeyLog`'s file",
            );
        }
    }
    for call in cx.calls_named(&["set_keylog_callback"]) {
        push(
            sink,
            call.name_range(cx),
            "the callback receives every session secret",
        );
    }
}
