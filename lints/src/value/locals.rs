//! What a local name is bound to at a place. The nearest earlier binding in scope wins: a `let`
//! or a pattern (`let (a, b) = …`, `if let Some(v) = …`, a `match` arm) of the innermost function
//! or closure whose block or arm holds the place, else, in a closure that does not bind the name
//! itself, of the scopes it captures from, up to its function. A binding later in the code, or in
//! a sibling block, is not seen. What a pattern-bound name is worth is `patterns.rs`'s.

use std::ops::Range;

use syn::Expr;

use crate::cx::{Cx, LetBinding, PatternBinding, peel};
use crate::destructure::{Step, part};

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
    /// immutable `let`'s initializer, or the part of a pattern's matched value written there
    /// (`let (a, b) = (x, y);` binds `b` to `y`; `if let Some(v) = opt` binds `v` to `opt`);
    /// `None` for anything else.
    pub(crate) fn local_source(&self, e: &Expr) -> Option<&'a Expr> {
        let Expr::Path(p) = super::unchanged::passed_on(e) else {
            return None;
        };
        let ident = p.path.get_ident()?;
        match self.visible_local(ident, self.range(e).start)? {
            Local::Let(l, _) if !l.mutable => l.init,
            Local::Pattern(p) => {
                let mut source = p.source;
                for step in &p.steps {
                    match part(step, peel(source)) {
                        Some(next) => source = next,
                        None if inside_option(step) => {}
                        None => return None,
                    }
                }
                Some(source)
            }
            Local::Let(..) => None,
        }
    }

    /// The struct value and the field that a name bound by destructuring reads
    /// (`let Settings { insecure, .. } = s;` binds `insecure` to the field `insecure` of `s`).
    pub(crate) fn destructured_field(&self, e: &Expr) -> Option<(&'a Expr, String)> {
        let Expr::Path(p) = super::unchanged::passed_on(e) else {
            return None;
        };
        let ident = p.path.get_ident()?;
        let Local::Pattern(binding) = self.visible_local(ident, self.range(e).start)? else {
            return None;
        };
        match binding.steps.as_slice() {
            [Step::Field(field), rest @ ..] if rest.iter().all(inside_option) => {
                Some((binding.source, field.clone()))
            }
            _ => None,
        }
    }
}

/// Whether `step` takes the value inside a `Some` or an `Ok`.
pub(super) fn inside_option(step: &Step) -> bool {
    matches!(step, Step::Variant(v, 0) if v == "Some" || v == "Ok")
}
