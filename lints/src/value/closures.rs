//! A closure bound to a name (`let mk = |insecure: bool| …;`) and called in its function is
//! treated like a local function: the value of its parameter is what the calls `mk(…)` that see
//! that binding pass.

use syn::{Expr, Ident, Pat};

use super::locals::Local;
use super::resolve::{Resolved, Value};
use crate::cx::{Cx, LetBinding, Scope, peel};

/// How many calls of a closure are read for its parameter's value (the first ones in the file),
/// so that a file of many calls stays linear.
const MAX_CALLS: usize = 16;

impl Cx<'_> {
    /// The value of the parameter `ident` of the closure `scope` from the calls of the name it
    /// is bound to: one constant when every call passes it, the run-time origin when one call
    /// passes a value decided at run time, a run-time choice when the calls disagree; `None` when
    /// `scope` is not such a closure, nothing calls it or a call passes a value this analysis
    /// cannot follow (the parameter is then a run-time value).
    pub(super) fn closure_argument(
        &self,
        scope: &Scope<'_>,
        ident: &Ident,
        depth: usize,
    ) -> Option<Resolved> {
        let (name, values) = self.closure_values(scope, ident, depth)?;
        if values.iter().any(|v| v.value == Value::Unknown) {
            return None;
        }
        let first = values.first()?.value.clone();
        if values.iter().all(|v| v.value == first) {
            return Some(Resolved {
                value: first,
                via: values.into_iter().flat_map(|v| v.via).collect(),
            });
        }
        let runtime = values
            .into_iter()
            .find(|v| matches!(v.value, Value::Runtime(_)));
        Some(runtime.unwrap_or_else(|| Resolved {
            value: Value::Runtime(format!(
                "the closure `{name}` is called with different values"
            )),
            via: Vec::new(),
        }))
    }

    /// The name the closure `scope` is bound to, and the value each of its calls passes for the
    /// parameter `ident` (constants labelled at the call).
    fn closure_values(
        &self,
        scope: &Scope<'_>,
        ident: &Ident,
        depth: usize,
    ) -> Option<(String, Vec<Resolved>)> {
        let (binding, index) = self.closure_binding(scope, ident)?;
        let name = binding.name.to_string();
        let values = self
            .closure_calls(binding)
            .take(MAX_CALLS)
            .filter_map(|args| args.get(index).copied())
            .map(|arg| {
                let mut r = self.resolve_depth(arg, depth + 1);
                if let Value::Const(c) = &r.value {
                    let text = format!("{} is passed to `{name}` here", super::const_shown(c));
                    r.via.push((self.range(arg), text));
                }
                r
            })
            .collect();
        Some((name, values))
    }

    /// The `let` that binds the closure `scope` to a name, and the position of the parameter
    /// `ident` among the closure's parameters.
    fn closure_binding(
        &self,
        scope: &Scope<'_>,
        ident: &Ident,
    ) -> Option<(&LetBinding<'_>, usize)> {
        if scope.sig.is_some() {
            return None;
        }
        self.lets.iter().find_map(|l| {
            let Expr::Closure(c) = peel(l.init?) else {
                return None;
            };
            let bars = self.span_range(c.inputs_begin.spans[0]).start;
            if !scope.range.contains(&bars) || self.range(c).start != scope.range.start {
                return None;
            }
            let index = c.inputs.iter().position(|p| {
                let p = match p {
                    Pat::Type(t) => &*t.pat,
                    p => p,
                };
                matches!(p, Pat::Ident(i) if i.ident == *ident && i.subpat.is_none())
            })?;
            Some((l, index))
        })
    }

    /// The arguments of each call `name(…)` of the closure bound by `binding` (calls that see
    /// that binding of the name).
    fn closure_calls<'c>(
        &'c self,
        binding: &'c LetBinding<'_>,
    ) -> impl Iterator<Item = Vec<&'c Expr>> + 'c {
        self.calls.iter().filter_map(move |call| {
            let Expr::Path(p) = &*call.func else {
                return None;
            };
            if !p.path.is_ident(binding.name) {
                return None;
            }
            let at = self.range(p).start;
            if at <= binding.offset || !binding.block.contains(&at) {
                return None;
            }
            match self.visible_local(binding.name, at) {
                Some(Local::Let(l, _)) if std::ptr::eq(l, binding) => {
                    Some(call.args.iter().collect())
                }
                _ => None,
            }
        })
    }
}

/// When `e` is (or passes on unchanged) a parameter of a named closure and some of its calls pass
/// `dangerous`, that constant, labelled at those calls: as for a function's parameter, one caller
/// passing the dangerous constant makes the setting a constant weakening, whatever the others
/// pass.
pub(crate) fn dangerous_closure_argument(
    cx: &Cx<'_>,
    e: &Expr,
    dangerous: &super::Const,
) -> Option<Resolved> {
    let Expr::Path(p) = super::unchanged::passed_on(e) else {
        return None;
    };
    let ident = p.path.get_ident()?;
    let at = cx.range(e).start;
    if cx.visible_local(ident, at).is_some() {
        return None;
    }
    let scope = cx.scopes_at(at).find(|s| s.params.contains(&ident))?;
    let (_, values) = cx.closure_values(scope, ident, 0)?;
    let danger = Value::Const(dangerous.clone());
    let via: Vec<_> = values
        .into_iter()
        .filter(|v| v.value == danger)
        .flat_map(|v| v.via)
        .collect();
    (!via.is_empty()).then_some(Resolved { value: danger, via })
}
