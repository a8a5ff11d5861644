//! The places in a file that install a verifier, and what they install: a type (`Arc::new(V)`,
//! `V::new()`, `V { .. }`, a `let` holding one of those) or the result of a helper function;
//! plus the helper functions of the file that return a verifier of a known type.

use syn::Expr;

use super::flow::Flow;
use super::{HelperFact, InstallFact, InstallTarget, Side};
use crate::cx::{Cx, chain_root, peel};
use crate::sink::Sink;

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
            let Some(target) = target_of(cx, arg, 0) else {
                continue;
            };
            let range = call.name_range(cx);
            let in_test_code = cx.in_test_code(range.start);
            sink.verifier_facts.installs.push(InstallFact {
                target,
                side,
                range,
                arg: cx.range(*arg),
                in_test_code,
            });
        }
    }
    for scope in &cx.scopes {
        let (Some(name), Some(output), Some(body)) = (scope.name, scope.output, scope.body) else {
            continue;
        };
        if !cx.snippet(output).contains("Verifier") {
            continue;
        }
        let flow = Flow::of_block(body);
        let target = flow
            .leaves
            .iter()
            .find_map(|l| match target_of(cx, l.expr, 0) {
                Some(InstallTarget::Type(t)) => Some(t),
                _ => None,
            });
        if let Some(target) = target {
            sink.verifier_facts.helpers.push(HelperFact {
                name: name.to_string(),
                target,
                path: cx.path.to_string(),
            });
        }
    }
}

fn is_type_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase()) && s != "Self"
}

/// What a verifier expression is a value of, as far as the file says.
fn target_of(cx: &Cx<'_>, e: &Expr, depth: usize) -> Option<InstallTarget> {
    if depth > MAX_DEPTH {
        return None;
    }
    match peel(e) {
        Expr::Cast(c) => target_of(cx, &c.expr, depth + 1),
        Expr::Try(t) => target_of(cx, &t.expr, depth + 1),
        m @ Expr::MethodCall(_) => {
            let root = chain_root(m);
            (!std::ptr::eq(root, m))
                .then(|| target_of(cx, root, depth + 1))
                .flatten()
        }
        Expr::Call(c) => {
            let Expr::Path(p) = &*c.func else { return None };
            let segs = cx.canonical_path(&p.path);
            let n = segs.len();
            let last = segs.last()?;
            if n >= 2
                && WRAPPERS.contains(&segs[n - 2].as_str())
                && (last == "new" || last == "from")
            {
                return target_of(cx, c.args.first()?, depth + 1);
            }
            if is_type_name(last) {
                return Some(InstallTarget::Type(segs));
            }
            if n >= 2 && is_type_name(&segs[n - 2]) {
                return Some(InstallTarget::Type(segs[..n - 1].to_vec()));
            }
            (n == 1 || !segs[..n - 1].iter().any(|s| is_type_name(s)))
                .then(|| InstallTarget::Helper(last.clone()))
        }
        Expr::Struct(s) => {
            let segs = cx.canonical_path(&s.path);
            segs.last()
                .is_some_and(|l| is_type_name(l))
                .then_some(InstallTarget::Type(segs))
        }
        Expr::Path(p) => {
            let segs = cx.canonical_path(&p.path);
            let last = segs.last()?;
            if is_type_name(last) {
                return Some(InstallTarget::Type(segs));
            }
            let ident = p.path.get_ident()?;
            let init = let_init(cx, ident, cx.range(e).start)?;
            target_of(cx, init, depth + 1)
        }
        _ => None,
    }
}

/// The initializer of the nearest `let ident = …;` before `at` in the same function.
fn let_init<'a>(cx: &Cx<'a>, ident: &syn::Ident, at: usize) -> Option<&'a Expr> {
    let scope = cx
        .scope_at(at)
        .map_or(0..cx.text.len(), |s| s.range.clone());
    cx.lets
        .iter()
        .filter(|l| l.name == ident && l.offset < at && scope.contains(&l.offset))
        .max_by_key(|l| l.offset)
        .and_then(|l| l.init)
}
