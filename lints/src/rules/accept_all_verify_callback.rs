//! TLS120 `accept_all_verify_callback` (and TLS121 `verify_callback_overrides_errors`, reported by
//! the same check): openssl/boring `set_verify_callback`, boring `set_custom_verify_callback` and
//! schannel/native-tls `verify_callback` whose callback accepts every certificate, or accepts on
//! some paths where OpenSSL's own verification failed (catalog A4).

use syn::{Expr, ExprBinary};

use super::verify_callback_overrides_errors;
use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::verifier::flow::{Cond, Flow, Leaf};
use crate::verifier::syntax::{Idents, is_call_of, param_names};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS120",
    name: "accept_all_verify_callback",
    default_level: Level::Deny,
    summary: "a certificate verify callback that accepts every certificate",
    cwe: &[295],
    needles: &["verify_callback"],
    docs: r#"### What it does
Flags a certificate verification callback that accepts on every path: openssl/boring
`set_verify_callback(mode, |_, _| true)` (closure or a `fn` passed by name, on a context builder
or an `Ssl`), boring `set_custom_verify_callback(mode, |_| Ok(()))` and the schannel/native-tls
style `verify_callback(|_| Ok(()))`. A callback that returns its `preverify_ok` argument, or
`preverify_ok && extra_check(ctx)`, is not a finding; one that accepts on only some failing paths
is TLS121.

### Why is this bad?
The callback's return value replaces OpenSSL's verdict: returning `true` unconditionally accepts
any certificate, so anyone on the network path can impersonate the server. On a server with
`SslVerifyMode::PEER` it accepts any client certificate, which bypasses mutual TLS (CWE-295).

### Example
```rust
fn configure(builder: &mut openssl::ssl::SslConnectorBuilder) {
    builder.set_verify_callback(openssl::ssl::SslVerifyMode::PEER, |_, _| true);
}
```

Use instead:
```rust
fn configure(builder: &mut openssl::ssl::SslConnectorBuilder) {
    builder.set_verify_callback(openssl::ssl::SslVerifyMode::PEER, |preverify_ok, _ctx| preverify_ok);
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// The shape of a callback's verdict.
#[derive(Clone, Copy, PartialEq)]
enum Returns {
    /// `bool`: `true` accepts (`set_verify_callback`).
    Bool,
    /// `Result<(), _>`: `Ok(())` accepts.
    UnitResult,
}

/// The callback of an install call: its body's return paths and its parameters.
struct Callback<'a> {
    flow: Flow<'a>,
    params: Vec<String>,
    range: std::ops::Range<usize>,
}

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    for call in cx.calls_named(&[
        "set_verify_callback",
        "set_custom_verify_callback",
        "verify_callback",
    ]) {
        let (returns, arg) = match call.name.to_string().as_str() {
            "set_verify_callback" => (Returns::Bool, call.args.get(1)),
            "set_custom_verify_callback" => (Returns::UnitResult, call.args.get(1)),
            _ => (Returns::UnitResult, call.args.first()),
        };
        if call.name != "verify_callback"
            && call
                .args
                .first()
                .is_some_and(|m| cx.snippet(*m).contains("NONE"))
        {
            continue;
        }
        let Some(cb) = arg.and_then(|a| callback(cx, a, 0)) else {
            continue;
        };
        if cb.flow.leaves.is_empty() {
            continue;
        }
        let accepts = |l: &Leaf<'_>| accepts(cx, l.expr, returns);
        if !cb.flow.may_fail && cb.flow.leaves.iter().all(accepts) {
            let what = if returns == Returns::Bool {
                "`true`"
            } else {
                "`Ok(())`"
            };
            let help = match returns {
                Returns::Bool => {
                    "return the `preverify_ok` argument, or `preverify_ok && extra_check(ctx)`"
                }
                Returns::UnitResult => {
                    "return an error when the certificate fails your check (for boring, `Err(SslVerifyError::Invalid(SslAlert::BAD_CERTIFICATE))`)"
                }
            };
            sink.push(
                Diagnostic::new(&RULE, "certificate verify callback accepts every certificate", call.name_range(cx))
                    .label("any certificate is accepted")
                    .secondary(cb.range, format!("this callback returns {what} on every path"))
                    .note("the callback's result replaces the library's verdict, so anyone on the network path can impersonate the peer")
                    .help(help),
            );
            continue;
        }
        if returns == Returns::Bool {
            check_override(cx, sink, &cb, call.name_range(cx));
        }
    }
}

/// TLS121: a `bool` callback that reads `preverify_ok` and still accepts on a path where it is false.
fn check_override(
    cx: &Cx<'_>,
    sink: &mut Sink,
    cb: &Callback<'_>,
    primary: std::ops::Range<usize>,
) {
    let Some(ok) = cb.params.first().filter(|p| !p.starts_with('_')) else {
        return;
    };
    let overriding = cb.flow.leaves.iter().find(|l| match peel(l.expr) {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::Or(_)) => or_overrides(b, ok),
        _ => accepts(cx, l.expr, Returns::Bool) && !l.conds.iter().any(|c| requires(c, ok)),
    });
    let Some(leaf) = overriding else { return };
    sink.push(
        Diagnostic::new(&verify_callback_overrides_errors::RULE, "certificate verify callback accepts some failed verifications", primary)
            .label("OpenSSL's verdict is overridden on some paths")
            .secondary(cx.range(leaf.expr), format!("accepts here even when `{ok}` is false"))
            .note("a certificate that failed chain validation is accepted when this path is taken")
            .help(format!("accept only when `{ok}` is true (`{ok} && extra_check(ctx)`); to trust a private CA, add it to the verify store")),
    );
}

/// `ok || other` where `other` does not read `ok`.
fn or_overrides(b: &ExprBinary, ok: &str) -> bool {
    let (l, r) = (Idents::of_expr(&b.left), Idents::of_expr(&b.right));
    l.has(ok) != r.has(ok)
}

/// Whether a condition only holds when `ok` is true (`if ok`, `if ok && …`, the `else` of `if !ok`).
fn requires(c: &Cond<'_>, ok: &str) -> bool {
    let Cond::If { cond, negated } = *c else {
        return false;
    };
    match (peel(cond), negated) {
        (Expr::Path(p), false) => p.path.is_ident(ok),
        (Expr::Binary(b), false) if matches!(b.op, syn::BinOp::And(_)) => [&b.left, &b.right]
            .iter()
            .any(|side| matches!(peel(side), Expr::Path(p) if p.path.is_ident(ok))),
        (Expr::Unary(u), true) if matches!(u.op, syn::UnOp::Not(_)) => {
            matches!(peel(&u.expr), Expr::Path(p) if p.path.is_ident(ok))
        }
        _ => false,
    }
}

fn accepts(cx: &Cx<'_>, e: &Expr, returns: Returns) -> bool {
    match returns {
        Returns::Bool => cx.resolve(e).as_bool() == Some(true),
        Returns::UnitResult => is_call_of(e, "Ok").is_some_and(|c| {
            c.args.len() == 1 && matches!(peel(&c.args[0]), Expr::Tuple(t) if t.elems.is_empty())
        }),
    }
}

/// The callback passed as `e`: a closure, a `let`-bound closure, or a `fn` of the file by name.
fn callback<'a>(cx: &Cx<'a>, e: &'a Expr, depth: usize) -> Option<Callback<'a>> {
    match peel(e) {
        Expr::Closure(c) => Some(Callback {
            flow: Flow::of_expr(&c.body),
            params: param_names(c.inputs.iter()),
            range: cx.range(c),
        }),
        Expr::Path(p) if depth < 4 => {
            let name = p.path.segments.last()?;
            let at = cx.range(e).start;
            if p.path.segments.len() == 1 {
                let scope = cx
                    .scope_at(at)
                    .map_or(0..cx.text.len(), |s| s.range.clone());
                let bound = cx
                    .lets
                    .iter()
                    .filter(|l| l.name == &name.ident && l.offset < at && scope.contains(&l.offset))
                    .max_by_key(|l| l.offset);
                if let Some(init) = bound.and_then(|l| l.init) {
                    return callback(cx, init, depth + 1);
                }
            }
            let scope = cx
                .scopes
                .iter()
                .find(|s| s.name.is_some_and(|n| *n == name.ident) && s.body.is_some())?;
            Some(Callback {
                flow: Flow::of_block(scope.body?),
                params: scope.params.iter().map(|i| i.to_string()).collect(),
                range: cx.range(scope.name?),
            })
        }
        _ => None,
    }
}
