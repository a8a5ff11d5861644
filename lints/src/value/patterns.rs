//! What a name bound by a pattern is worth: its part of the matched value, taken from the tuple,
//! struct literal or constructor call written there (or bound to an immutable `let`), else the
//! whole value's run-time origin.

use syn::Expr;

use super::locals::{Local, inside_option};
use super::resolve::{MAX_DEPTH, Resolved, Value};
use crate::cx::{Cx, PatternBinding, peel};
use crate::destructure::{Step, part};

impl Cx<'_> {
    /// The value of a name bound by a pattern: its part of the matched value.
    pub(super) fn resolve_pattern(&self, p: &PatternBinding<'_>, depth: usize) -> Resolved {
        self.project(p.name, p.source, &p.steps, depth)
    }

    /// The part of `source` that `steps` lead to, for the name `name`: taken from the tuple,
    /// struct literal or constructor call written there or bound to an immutable `let`; else the
    /// whole value's run-time origin (or its constant, for the value inside `Some`/`Ok`).
    fn project(&self, name: &syn::Ident, source: &Expr, steps: &[Step], depth: usize) -> Resolved {
        let unknown = Resolved {
            value: Value::Unknown,
            via: Vec::new(),
        };
        if depth > MAX_DEPTH {
            return unknown;
        }
        let Some((step, rest)) = steps.split_first() else {
            return self.resolve_depth(source, depth + 1);
        };
        let e = peel(source);
        if let Some(part) = part(step, e) {
            let mut r = self.project(name, part, rest, depth + 1);
            if rest.is_empty() && matches!(r.value, Value::Const(_)) {
                r.via
                    .push((self.range(part), format!("`{name}` is set here")));
            }
            return r;
        }
        if let Expr::Path(path) = e
            && let Some(ident) = path.path.get_ident()
        {
            match self.visible_local(ident, self.range(e).start) {
                Some(Local::Let(l, _)) if !l.mutable => {
                    if let Some(init) = l.init {
                        return self.project(name, init, steps, depth + 1);
                    }
                }
                Some(Local::Pattern(p)) => {
                    let steps: Vec<Step> = p.steps.iter().chain(steps).cloned().collect();
                    return self.project(name, p.source, &steps, depth + 1);
                }
                _ => {}
            }
        }
        let whole = self.resolve_depth(source, depth + 1);
        match whole.value {
            Value::Runtime(_) => whole,
            Value::Const(_) | Value::Pending(_) if steps.iter().all(inside_option) => whole,
            _ => unknown,
        }
    }
}
