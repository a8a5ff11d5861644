//! Values converted by a `From`/`Into` impl (`x.into()`, `T::from(x)`, `From::from(x)`,
//! `opt.and_then(Into::into)`, `opt.map(T::from)`), and the impls whose conversion is a choice
//! among constants made by the value converted (`match v { Mode::A => Version::TLS_1_0, … }`).

use syn::{Expr, ImplItem, Stmt};

use super::binding::MAX_ALIASES;
use super::choice::{Choice, choice};
use crate::cx::{Cx, peel};

/// The value `e` converts, when `e` (or the `let` or pattern that binds it: `if let Some(v) =
/// opt.and_then(Into::into)`) is a conversion by `From`/`Into`.
pub(crate) fn converted<'a>(cx: &Cx<'a>, e: &'a Expr) -> Option<&'a Expr> {
    let mut e = e;
    for _ in 0..MAX_ALIASES {
        if let Some(from) = conversion_of(cx, e) {
            return Some(from);
        }
        e = cx.local_source(e)?;
    }
    None
}

/// The value a conversion expression converts.
fn conversion_of<'a>(cx: &Cx<'a>, e: &'a Expr) -> Option<&'a Expr> {
    match peel(e) {
        Expr::MethodCall(m) if m.method == "into" && m.args.is_empty() => Some(&m.receiver),
        Expr::MethodCall(m) if m.method == "map" || m.method == "and_then" => {
            match (m.args.len(), m.args.first()) {
                (1, Some(Expr::Path(f))) if is_conversion_fn(cx, &f.path) => Some(&m.receiver),
                _ => None,
            }
        }
        Expr::Call(c) => match (&*c.func, c.args.first()) {
            (Expr::Path(f), Some(arg)) if c.args.len() == 1 && is_conversion_fn(cx, &f.path) => {
                Some(arg)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Whether a path names a conversion function: `Into::into`, `From::from`, `T::from`.
fn is_conversion_fn(cx: &Cx<'_>, path: &syn::Path) -> bool {
    let segs = cx.canonical_path(path);
    match segs.as_slice() {
        [.., owner, last] => {
            (last == "into" && owner == "Into")
                || (last == "from" && owner.starts_with(|c: char| c.is_ascii_uppercase()))
        }
        _ => false,
    }
}

/// The choices the file's `From`/`Into` impls make: the value of each `from`/`into` method that
/// is an `if`/`match` with constant arms, decided by the value converted.
pub(crate) fn conversion_choices<'a>(cx: &Cx<'a>) -> Vec<Choice<'a>> {
    let mut out = Vec::new();
    for imp in &cx.impls {
        let Some((trait_path, _)) = &imp.trait_ else {
            continue;
        };
        let Some(method) = trait_path
            .segments
            .last()
            .and_then(|s| match s.ident.to_string() {
                t if t == "From" => Some("from"),
                t if t == "Into" => Some("into"),
                _ => None,
            })
        else {
            continue;
        };
        for item in &imp.items {
            let ImplItem::Fn(f) = item else { continue };
            if f.sig.ident != method {
                continue;
            }
            if let Some(Stmt::Expr(tail, None)) = f.block.stmts.last()
                && let Some(c) = choice(cx, tail)
            {
                out.push(c);
            }
        }
    }
    out
}
