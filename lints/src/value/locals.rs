//! What a local name is bound to at a place, and what a pattern-bound name is worth. The nearest
//! earlier binding in scope wins: a `let` or a pattern (`let (a, b) = …`, `if let Some(v) = …`, a
//! `match` arm) of the innermost function or closure whose block or arm holds the place, else,
//! in a closure that does not bind the name itself, of the scopes it captures from, up to its
//! function. A binding later in the code, or in a sibling block, is not seen.

use std::ops::Range;

use syn::{Expr, Member};

use super::resolve::{Resolved, Value};
use crate::cx::{Cx, LetBinding, PatternBinding, peel};
use crate::destructure::Step;

/// A local binding of a name.
pub(crate) enum Local<'c, 'a> {
    /// A `let` of a single name, with the range of the function or closure that holds it.
    Let(&'c LetBinding<'a>, Range<usize>),
    /// A name bound by a pattern.
    Pattern(&'c PatternBinding<'a>),
}

impl<'a> Cx<'a> {
    /// The binding of `ident` visible at byte `at` (see the module's documentation).
    pub(crate) fn visible_local(&self, ident: &syn::Ident, at: usize) -> Option<Local<'_, 'a>> {
        let mut scopes = self.scopes_at(at).peekable();
        if scopes.peek().is_none() {
            return self.nearest(ident, at, 0..self.text.len());
        }
        for scope in scopes {
            if let Some(found) = self.nearest(ident, at, scope.range.clone()) {
                return Some(found);
            }
            if scope.params.contains(&ident) || scope.sig.is_some() {
                return None;
            }
        }
        None
    }

    /// The latest binding of `ident` declared in `scope` that is visible at `at`.
    fn nearest(&self, ident: &syn::Ident, at: usize, scope: Range<usize>) -> Option<Local<'_, 'a>> {
        let binding = self
            .lets
            .iter()
            .filter(|l| l.name == ident && l.visible_at(at) && scope.contains(&l.offset))
            .max_by_key(|l| l.offset);
        let pattern = self
            .patterns
            .iter()
            .filter(|p| {
                p.name == ident
                    && p.offset < at
                    && p.scope.contains(&at)
                    && scope.contains(&p.offset)
            })
            .max_by_key(|p| p.offset);
        match (binding, pattern) {
            (Some(l), Some(p)) if p.offset > l.offset => Some(Local::Pattern(p)),
            (Some(l), _) => Some(Local::Let(l, scope)),
            (None, Some(p)) => Some(Local::Pattern(p)),
            (None, None) => None,
        }
    }

    /// The expression the name `e` (or a name `e` passes on unchanged) was bound from: an
    /// immutable `let`'s initializer, or the matched value of a pattern that only looks inside
    /// `Some`/`Ok` (`if let Some(v) = opt`); `None` for anything else.
    pub(crate) fn local_source(&self, e: &Expr) -> Option<&'a Expr> {
        let Expr::Path(p) = super::option::passed_on(e) else {
            return None;
        };
        let ident = p.path.get_ident()?;
        match self.visible_local(ident, self.range(e).start)? {
            Local::Let(l, _) if !l.mutable => l.init,
            Local::Pattern(p) if p.steps.iter().all(inside_option) => Some(p.source),
            _ => None,
        }
    }

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
        if depth > super::resolve::MAX_DEPTH {
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

/// Whether `step` takes the value inside a `Some` or an `Ok`.
fn inside_option(step: &Step) -> bool {
    matches!(step, Step::Variant(v, 0) if v == "Some" || v == "Ok")
}

/// The part of the expression `e` that `step` leads to, when `e` is written as a tuple, a struct
/// literal or a constructor call.
fn part<'e>(step: &Step, e: &'e Expr) -> Option<&'e Expr> {
    match (step, e) {
        (Step::Index(i), Expr::Tuple(t)) => t.elems.iter().nth(*i),
        (Step::FromEnd(k), Expr::Tuple(t)) => t
            .elems
            .len()
            .checked_sub(*k)
            .and_then(|i| t.elems.iter().nth(i)),
        (Step::Field(name), Expr::Struct(s)) => s
            .fields
            .iter()
            .find(|f| matches!(&f.member, Member::Named(n) if n == name))
            .map(|f| &f.expr),
        (Step::Variant(name, i), Expr::Call(c)) => match &*c.func {
            Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == name) => {
                c.args.iter().nth(*i)
            }
            _ => None,
        },
        _ => None,
    }
}
