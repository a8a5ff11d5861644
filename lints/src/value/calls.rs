//! The calls of named functions in a file, with what each argument passes: the facts the package
//! phase follows a parameter's value through.

use std::collections::BTreeSet;

use syn::Expr;

use super::arg::arg_value;
use super::binding::{function_at, owner_at, parameter_at};
use super::fields::field_at;
use super::guard::{self, Reach};
use crate::cx::{Branch, Cx, Guard, peel};
use crate::facts::{CallFact, CallGuard, Callee, GuardWait};

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
/// parameter or field an `if` reads (`if insecure`, `if !self.verify`), whose values then decide.
fn call_guard(cx: &Cx<'_>, branch: &Branch<'_>) -> CallGuard {
    let described = guard::describe(cx, branch);
    CallGuard {
        range: described.range,
        when: described.when,
        origin: described.origin,
        waits: guard_wait(cx, branch),
    }
}

/// The parameter or field the condition of `branch` reads, when it is an `if` on one (its `!`s
/// taken off), with the value that makes the branch run: what the package phase asks the
/// callers or the package's field values for.
pub(crate) fn guard_wait(cx: &Cx<'_>, branch: &Branch<'_>) -> Option<(GuardWait, bool)> {
    let Guard::If { cond, when } = &branch.guard else {
        return None;
    };
    let (cond, when) = guard::without_not(cond, *when);
    let wait = parameter_at(cx, cond)
        .map(GuardWait::Parameter)
        .or_else(|| field_at(cx, cond).map(GuardWait::Field))?;
    Some((wait, when))
}
