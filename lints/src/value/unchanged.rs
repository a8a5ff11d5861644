//! The shapes that pass a value on unchanged (`*x`, `x.clone()`, `Some(x)`, `x?`, …), by which a
//! parameter or a field reaches a setting as itself.

use syn::Expr;

use crate::cx::peel;

/// The value `e` passes on unchanged: `e` without parentheses, `&`, `*`, `.clone()`,
/// `.to_owned()`, `.into()`, `From::from(..)`, `Some(..)`, `Ok(..)`, `?`, `.unwrap()` and
/// `.expect(..)` around it.
pub(crate) fn passed_on(e: &Expr) -> &Expr {
    let mut e = peel(e);
    loop {
        e = peel(match e {
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => &u.expr,
            Expr::Try(t) => &t.expr,
            Expr::MethodCall(m)
                if m.args.is_empty()
                    && ["clone", "to_owned", "into", "unwrap"]
                        .iter()
                        .any(|name| m.method == name) =>
            {
                &m.receiver
            }
            Expr::MethodCall(m) if m.args.len() == 1 && m.method == "expect" => &m.receiver,
            Expr::Call(c) if c.args.len() == 1 && (is_wrapping(&c.func) || is_from(&c.func)) => {
                &c.args[0]
            }
            _ => return e,
        });
    }
}

/// Whether `func` is `Some` or `Ok`.
pub(super) fn is_wrapping(func: &Expr) -> bool {
    matches!(func, Expr::Path(p) if p.path.is_ident("Some") || p.path.is_ident("Ok"))
}

/// Whether `func` is `From::from`, a conversion that keeps the value.
fn is_from(func: &Expr) -> bool {
    let Expr::Path(p) = func else { return false };
    let names: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    names == ["From", "from"]
}
