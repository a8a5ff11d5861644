//! Values through `Option` and `Result`: `Some(x)` and `Ok(x)` are worth `x`; `x?`, `x.unwrap()`
//! and `x.expect(..)` what `x` holds; `x.unwrap_or(d)`, `x.unwrap_or_else(|| d)` and
//! `x.unwrap_or_default()` what `x` holds when it is constant, the default when `x` is `None`,
//! and otherwise a run-time choice between `x`'s value and the default.

use syn::Expr;

use super::danger::Dangerous;
use super::resolve::{Const, Resolved, Value};
use super::unchanged::is_wrapping;
use crate::cx::{Cx, peel};

impl Cx<'_> {
    /// The value of `expr` when it wraps or unwraps an `Option`/`Result`; `None` for any other
    /// expression, or when the wrapped value cannot be told apart from the call itself.
    pub(super) fn resolve_option(&self, expr: &Expr, depth: usize) -> Option<Resolved> {
        match expr {
            Expr::Call(c) => match c.args.first() {
                Some(inner) if is_wrapping(&c.func) && c.args.len() == 1 => {
                    Some(self.resolve_depth(inner, depth + 1))
                }
                _ => None,
            },
            Expr::Try(t) => self.held(&t.expr, depth),
            Expr::MethodCall(m) => match (m.method.to_string().as_str(), m.args.first()) {
                ("unwrap", None) | ("expect", Some(_)) => self.held(&m.receiver, depth),
                ("unwrap_or", Some(default)) => self.held_or(&m.receiver, Some(default), depth),
                ("unwrap_or_else", Some(Expr::Closure(c))) => {
                    self.held_or(&m.receiver, Some(&c.body), depth)
                }
                ("unwrap_or_default", None) => self.held_or(&m.receiver, None, depth),
                _ => None,
            },
            _ => None,
        }
    }

    /// What the `Option`/`Result` `wrapped` holds: its constant, or its origin when decided at
    /// run time; `None` when it cannot be followed.
    fn held(&self, wrapped: &Expr, depth: usize) -> Option<Resolved> {
        let r = self.resolve_depth(wrapped, depth + 1);
        matches!(
            r.value,
            Value::Const(_) | Value::Runtime(_) | Value::Pending(_)
        )
        .then_some(r)
    }

    /// What `wrapped.unwrap_or(default)` is worth: the default when `wrapped` is `None` (the
    /// type's default, unknown here, for `unwrap_or_default`), the held value when it is a
    /// constant, else the held value's run-time origin (the default is one of the values that
    /// reach, so the choice is made at run time).
    fn held_or(&self, wrapped: &Expr, default: Option<&Expr>, depth: usize) -> Option<Resolved> {
        if is_none(self, wrapped) {
            return Some(match default {
                Some(default) => self.resolve_depth(default, depth + 1),
                None => Resolved {
                    value: Value::Unknown,
                    via: Vec::new(),
                },
            });
        }
        self.held(wrapped, depth)
    }
}

/// The `Option` that `e` unwraps with a constant default, and what reaching the setting through
/// it is dangerous: `x` of `x.unwrap_or(d)`, `x.unwrap_or_else(|| d)` with a constant `d`, or of
/// `x.unwrap_or_default()` when `dangerous` is `true` (a `bool`'s default is `false`). What reaches
/// the setting is then `x`'s value, and a `None` there is as dangerous as the default: `dangerous`
/// itself when the default is safe, `dangerous` or `None` when it is not.
pub(crate) fn unwrapped_option<'a>(
    cx: &Cx<'_>,
    e: &'a Expr,
    dangerous: &Dangerous,
) -> Option<(&'a Expr, Dangerous)> {
    let Expr::MethodCall(m) = peel(e) else {
        return None;
    };
    let default = match (m.method.to_string().as_str(), m.args.first().map(peel)) {
        ("unwrap_or", Some(d)) if m.args.len() == 1 => cx.resolve(d).value,
        ("unwrap_or_else", Some(Expr::Closure(c))) if c.inputs.is_empty() => {
            cx.resolve(&c.body).value
        }
        ("unwrap_or_default", None) if matches!(dangerous, Dangerous::Value(Const::Bool(true))) => {
            Value::Const(Const::Bool(false))
        }
        _ => return None,
    };
    match default {
        Value::Const(d) if dangerous.admits(&d) => {
            Some((&m.receiver, Dangerous::OrNone(Box::new(dangerous.clone()))))
        }
        Value::Const(_) => Some((&m.receiver, dangerous.clone())),
        _ => None,
    }
}

/// Whether `e` is `None`, written there or bound to an immutable `let` without reassignment.
pub(crate) fn is_none(cx: &Cx<'_>, e: &Expr) -> bool {
    let followed = super::binding::follow(cx, e, 8, false, false);
    matches!(peel(followed), Expr::Path(p) if p.path.is_ident("None"))
}
