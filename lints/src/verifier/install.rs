//! The places in a file that install a verifier, and what they install: a type (`Arc::new(V)`,
//! `V::new()`, `V { .. }`, a `let` holding one of those) or the result of a helper function;
//! plus the helper functions of the file that return a verifier of a known type.

use syn::Expr;

use super::flow::Flow;
use super::{HelperFact, InstallFact, InstallGuard, InstallTarget, Side};
use crate::cx::{Branch, Cx, chain_root, peel};
use crate::sink::Sink;
use crate::value::binding::function_at;
use crate::value::calls::guard_wait;
use crate::value::guard::{self, Reach};

/// Calls that install a server certificate verifier (rustls 0.19–0.24).
const SERVER_INSTALLS: &[&str] = &[
    "with_custom_certificate_verifier",
    "set_certificate_verifier",
];
/// Calls that install a client certificate verifier.
const CLIENT_INSTALLS: &[&str] = &[
    "with_client_cert_verifier",
    "set_client_certificate_verifier",
];
/// Smart-pointer constructors that wrap the verifier.
const WRAPPERS: &[&str] = &["Arc", "Rc", "Box"];
const MAX_DEPTH: usize = 8;
/// A function whose return type contains this word may be a verifier helper; its fact is
/// recorded for the whole file (so [`crate::outline`] keeps every item that names such a type).
pub(crate) const HELPER_RETURN_WORD: &str = "Verifier";

/// Records the install sites and verifier-returning helpers of the file.
pub(crate) fn collect(cx: &Cx<'_>, sink: &mut Sink) {
    for (side, names) in [
        (Side::Server, SERVER_INSTALLS),
        (Side::Client, CLIENT_INSTALLS),
    ] {
        for call in cx.calls_named(names) {
            let Some(arg) = call.args.first() else {
                continue;
            };
            let mut targets = Vec::new();
            targets_of(cx, arg, 0, &mut targets);
            targets.dedup();
            let range = call.name_range(cx);
            let guard = match guard::reach(cx, range.start) {
                Reach::Always => None,
                Reach::Never => continue,
                Reach::When(branch) => Some(install_guard(cx, branch)),
            };
            let in_test_code = cx.in_test_code(range.start);
            let called_in = function_at(cx, range.start)
                .filter(|f| guard.is_none() && !in_test_code && !f.public);
            for target in targets {
                sink.verifier_facts.installs.push(InstallFact {
                    target,
                    side,
                    range: range.clone(),
                    arg: cx.range(*arg),
                    guard: guard.clone(),
                    in_test_code,
                    called_in: called_in.clone(),
                });
            }
        }
    }
    for scope in &cx.scopes {
        let (Some(name), Some(output), Some(body)) = (scope.name, scope.output, scope.body) else {
            continue;
        };
        if !cx.snippet(output).contains(HELPER_RETURN_WORD) {
            continue;
        }
        let mut targets = Vec::new();
        for leaf in Flow::of_block(body).leaves {
            targets_of(cx, leaf.expr, 0, &mut targets);
        }
        targets.dedup();
        for target in targets {
            if let InstallTarget::Type(target) = target {
                sink.verifier_facts.helpers.push(HelperFact {
                    name: name.to_string(),
                    target,
                    path: cx.path.to_string(),
                });
            }
        }
    }
}

/// The condition decided at run time that an install in `branch` runs under.
fn install_guard(cx: &Cx<'_>, branch: &Branch<'_>) -> InstallGuard {
    let described = guard::describe(cx, branch);
    InstallGuard {
        range: described.range,
        file: None,
        calls: Vec::new(),
        when: described.when,
        origin: described
            .origin
            .unwrap_or_else(|| "a condition this analysis cannot follow decides it".to_string()),
        waits: guard_wait(cx, branch),
        settled: None,
    }
}

fn is_type_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase()) && s != "Self"
}

/// What a verifier expression is a value of, as far as the file says: one target per way the
/// value can be built (`if insecure { Arc::new(NoVerifier) } else { webpki }` has two).
fn targets_of(cx: &Cx<'_>, e: &Expr, depth: usize, out: &mut Vec<InstallTarget>) {
    if depth > MAX_DEPTH {
        return;
    }
    match peel(e) {
        Expr::Cast(c) => targets_of(cx, &c.expr, depth + 1, out),
        Expr::Try(t) => targets_of(cx, &t.expr, depth + 1, out),
        m @ (Expr::If(_) | Expr::Match(_) | Expr::Block(_)) => {
            for leaf in Flow::of_expr(m).leaves {
                targets_of(cx, leaf.expr, depth + 1, out);
            }
        }
        m @ Expr::MethodCall(call) => {
            let root = chain_root(m);
            let before = out.len();
            if !std::ptr::eq(root, m) {
                targets_of(cx, root, depth + 1, out);
            }
            if out.len() == before
                && matches!(peel(&call.receiver), Expr::Path(p) if p.path.get_ident().is_some())
            {
                out.push(InstallTarget::Helper(call.method.to_string()));
            }
        }
        Expr::Call(c) => {
            let Expr::Path(p) = &*c.func else { return };
            let segs = cx.canonical_path(&p.path);
            let n = segs.len();
            let Some(last) = segs.last() else { return };
            if n >= 2
                && WRAPPERS.contains(&segs[n - 2].as_str())
                && (last == "new" || last == "from")
            {
                if let Some(arg) = c.args.first() {
                    targets_of(cx, arg, depth + 1, out);
                }
            } else if is_type_name(last) {
                out.push(InstallTarget::Type(segs));
            } else if n >= 2 && is_type_name(&segs[n - 2]) {
                out.push(InstallTarget::Type(segs[..n - 1].to_vec()));
            } else if !segs[..n - 1].iter().any(|s| is_type_name(s)) {
                out.push(InstallTarget::Helper(last.clone()));
            }
        }
        Expr::Struct(s) => {
            let segs = cx.canonical_path(&s.path);
            if segs.last().is_some_and(|l| is_type_name(l)) {
                out.push(InstallTarget::Type(segs));
            }
        }
        Expr::Path(p) => {
            let segs = cx.canonical_path(&p.path);
            if segs.last().is_some_and(|l| is_type_name(l)) {
                out.push(InstallTarget::Type(segs));
            } else if let Some(init) = p
                .path
                .get_ident()
                .and_then(|ident| let_init(cx, ident, cx.range(e).start))
            {
                targets_of(cx, init, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// The initializer of the nearest `let ident = …;` before `at` in the same function.
fn let_init<'a>(cx: &Cx<'a>, ident: &syn::Ident, at: usize) -> Option<&'a Expr> {
    cx.binding_at(ident, at).and_then(|l| l.init)
}
