//! The calls of named functions in a file, with what each argument passes: the facts the package
//! phase follows a parameter's value through.

use std::collections::BTreeSet;

use syn::Expr;

use super::address::listening_address;
use super::binding::{function_at, owner_at, parameter_at};
use super::guard::{self, Reach};
use super::resolve::{Const, Value};
use super::variant::variant_name;
use crate::cx::{Branch, Cx, Guard, peel};
use crate::facts::{ArgValue, CallFact, CallGuard, Callee};

/// The calls in `cx`'s file of the functions named in `names`: `f(…)`, `path::f(…)`,
/// `Type::f(…)` and `self.f(…)` (a method called on another receiver has a type syntax does not
/// tell, so it is not matched to a definition by name).
pub(crate) fn call_facts(cx: &Cx<'_>, names: &BTreeSet<String>) -> Vec<CallFact> {
    let mut out = Vec::new();
    for c in &cx.calls {
        let Expr::Path(p) = &*c.func else { continue };
        let segments = &p.path.segments;
        let Some(last) = segments.last() else {
            continue;
        };
        let name = last.ident.to_string();
        if names.contains(&name) {
            let callee = match segments.len() {
                1 => Callee::Bare,
                n => Callee::Qualified(segments[n - 2].ident.to_string()),
            };
            out.push(fact(cx, name, callee, c.args.iter(), cx.range(&last.ident)));
        }
    }
    for m in &cx.method_calls {
        let name = m.method.to_string();
        if !names.contains(&name) {
            continue;
        }
        let on_self = matches!(peel(&m.receiver), Expr::Path(p) if p.path.is_ident("self"));
        let callee = match chain_type(cx.chain_root_of(m)) {
            _ if on_self => Callee::SelfMethod,
            Some(t) => Callee::MethodOf(t),
            None => continue,
        };
        out.push(fact(cx, name, callee, m.args.iter(), cx.range(&m.method)));
    }
    out.sort_by_key(|c| c.range.start);
    out
}

/// The type a builder chain starts at: `T::new(…)` (any associated function of a type whose
/// name is capitalised) or a struct literal `T { .. }`.
fn chain_type(root: &Expr) -> Option<String> {
    let path = match peel(root) {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let segments = &p.path.segments;
                segments
                    .len()
                    .checked_sub(2)
                    .map(|i| &segments[i])?
                    .ident
                    .to_string()
            }
            _ => return None,
        },
        Expr::Struct(s) => s.path.segments.last()?.ident.to_string(),
        _ => return None,
    };
    (path.starts_with(char::is_uppercase) && path != "Self").then_some(path)
}

fn fact<'e>(
    cx: &Cx<'_>,
    function: String,
    callee: Callee,
    args: impl Iterator<Item = &'e Expr>,
    range: std::ops::Range<usize>,
) -> CallFact {
    CallFact {
        function,
        callee,
        caller_owner: owner_at(cx, range.start),
        args: args.map(|a| (arg_value(cx, a), cx.range(a))).collect(),
        path: cx.path.to_string(),
        in_test_code: cx.in_test_code(range.start),
        guard: match guard::reach(cx, range.start) {
            Reach::When(branch) => Some(call_guard(cx, branch)),
            Reach::Always | Reach::Never => None,
        },
        caller: function_at(cx, range.start),
        range,
    }
}

/// The condition of `branch` as the package phase keeps it for a call made under it, with the
/// parameter an `if` reads (`if insecure`, `if !verify`), whose callers then decide.
fn call_guard(cx: &Cx<'_>, branch: &Branch<'_>) -> CallGuard {
    let described = guard::describe(cx, branch);
    let waits = match &branch.guard {
        Guard::If { cond, when } => {
            let (cond, when) = guard::without_not(cond, *when);
            parameter_at(cx, cond).map(|p| (p, when))
        }
        Guard::Match { .. } => None,
    };
    CallGuard {
        range: described.range,
        when: described.when,
        origin: described.origin,
        waits,
    }
}

/// What an argument (or any value expression) passes. An address that listens on every
/// interface is that constant however it is built (`SocketAddr::from(([0, 0, 0, 0], port))`).
pub(crate) fn arg_value(cx: &Cx<'_>, arg: &Expr) -> ArgValue {
    if super::option::is_none(cx, arg) {
        return ArgValue::Absent;
    }
    let value = cx.resolve(arg).value;
    if !matches!(value, Value::Const(_))
        && let Some(address) = listening_address(cx, arg)
    {
        return ArgValue::Const(Const::Str(address));
    }
    match value {
        Value::Const(c) => ArgValue::Const(c),
        Value::Runtime(origin) => match parameter_at(cx, arg) {
            Some(p) => ArgValue::Parameter(p),
            None => match super::choice::all_options(cx, arg) {
                Some(options) => ArgValue::Chosen(options, origin),
                None => ArgValue::Runtime(origin),
            },
        },
        Value::Pending(name) => ArgValue::Runtime(format!(
            "the value comes from `{name}`, defined in another file"
        )),
        Value::Unknown => {
            variant_name(arg).map_or(ArgValue::Unknown, |v| ArgValue::Const(Const::Variant(v)))
        }
    }
}
