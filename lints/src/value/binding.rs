//! What a name refers to at a place, and following it to the expression that gives its value.

use syn::Expr;

use super::unchanged::passed_on;
use crate::cx::{Cx, peel};
use crate::facts::{Function, Parameter};

/// What a single-identifier path refers to at a place.
pub enum Binding<'a> {
    /// A `let` with this initializer.
    Let(&'a Expr),
    /// A function or closure parameter (with the function's name and the parameter's position,
    /// for named functions whose parameters are plain identifiers), or a `let` without
    /// initializer: a run-time value.
    Param(Option<(&'a syn::Ident, usize, usize)>),
    /// Nothing local: a `const`/`static` or an outer name.
    Free,
}

/// The binding of `ident` visible at byte `at`, innermost function or closure first: the latest
/// `let` before `at` (other than one whose own initializer contains `at`), or a parameter. Past
/// the outermost function only a `let` outside every function counts (in a `const` block): a
/// name bound by a pattern the index does not read (`for url in urls`) never finds the `let` of
/// another function, such as a test's.
pub fn binding_at<'a>(cx: &Cx<'a>, ident: &syn::Ident, at: usize) -> Binding<'a> {
    let whole = 0..cx.text.len();
    let scopes = cx.scopes_at(at).map(|s| {
        let position = s.params.iter().position(|p| *p == ident);
        (
            s.range.clone(),
            position.map(|i| s.name.map(|n| (n, i, s.range.start))),
            false,
        )
    });
    for (scope, param, file_level) in scopes.chain(std::iter::once((whole, None, true))) {
        let binding = cx
            .lets
            .iter()
            .filter(|l| {
                l.name == ident
                    && l.visible_at(at)
                    && scope.contains(&l.offset)
                    && !(file_level && cx.scopes_at(l.offset).next().is_some())
                    && !l.init.is_some_and(|i| cx.range(i).contains(&at))
            })
            .max_by_key(|l| l.offset);
        match binding {
            Some(l) => return l.init.map_or(Binding::Param(None), Binding::Let),
            None => {
                if let Some(param) = param {
                    return Binding::Param(param);
                }
            }
        }
    }
    Binding::Free
}

/// Follows a single identifier to the expression that gives its value: through `let`s of the
/// innermost function or closure (a `let mut` only when `mutable` allows it) and, with
/// `through_consts`, the file's `const`/`static` items; at most `steps` steps. Anything else is
/// its own value.
pub(crate) fn follow<'a>(
    cx: &Cx<'a>,
    e: &'a Expr,
    steps: usize,
    mutable: bool,
    through_consts: bool,
) -> &'a Expr {
    let mut e = e;
    for _ in 0..steps {
        let Expr::Path(p) = peel(e) else { break };
        let Some(ident) = p.path.get_ident() else {
            break;
        };
        let binding = cx
            .binding_at(ident, cx.range(e).start)
            .filter(|l| mutable || !l.mutable);
        if let Some(init) = binding.and_then(|l| l.init) {
            e = init;
        } else if let Some(item) = through_consts
            .then(|| cx.consts.get(&ident.to_string()).and_then(|v| v.first()))
            .flatten()
        {
            e = item.expr;
        } else {
            break;
        }
    }
    e
}

/// How many local names (`let x = y;`, `if let Some(x) = y`) are followed back to a parameter
/// or a field.
pub(crate) const MAX_ALIASES: usize = 8;

/// The parameter of the innermost named function that `e` names, when `e` is a single
/// identifier (or one passed on unchanged: `*x`, `x.clone()`, `Some(x)`, …) bound by nothing
/// closer (no closure parameter; a `let` or an `if let Some(..)` is followed to what it binds)
/// and the parameter is a plain `name: Type` argument.
pub(crate) fn parameter_at(cx: &Cx<'_>, e: &Expr) -> Option<Parameter> {
    parameter_through(cx, e, MAX_ALIASES)
}

fn parameter_through(cx: &Cx<'_>, e: &Expr, aliases: usize) -> Option<Parameter> {
    let Expr::Path(p) = passed_on(e) else {
        return None;
    };
    let ident = p.path.get_ident()?;
    let at = cx.range(e).start;
    if cx.visible_local(ident, at).is_some() {
        let source = cx.local_source(e)?;
        return parameter_through(cx, source, aliases.checked_sub(1)?);
    }
    let scope = cx.scopes_at(at).find(|s| s.params.contains(&ident))?;
    let sig = scope.sig?;
    let typed: Vec<&syn::Pat> = sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            syn::FnArg::Typed(t) => Some(&*t.pat),
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    let index = typed.iter().position(
        |pat| matches!(pat, syn::Pat::Ident(i) if i.ident == *ident && i.subpat.is_none()),
    )?;
    Some(Parameter {
        function: sig.ident.to_string(),
        index,
        owner: owner_at(cx, at),
        receiver: sig.receiver().is_some(),
        arity: typed.len(),
        public: scope.public,
        name: ident.to_string(),
    })
}

/// The function (not a closure) whose body holds byte `at`, as its calls name it.
pub(crate) fn function_at(cx: &Cx<'_>, at: usize) -> Option<Function> {
    let scope = cx.scopes_at(at).find(|s| s.sig.is_some())?;
    let sig = scope.sig?;
    let arity = sig
        .inputs
        .iter()
        .filter(|arg| matches!(arg, syn::FnArg::Typed(_)))
        .count();
    Some(Function {
        name: sig.ident.to_string(),
        owner: owner_at(cx, at),
        receiver: sig.receiver().is_some(),
        arity,
        public: scope.public,
    })
}

/// The type whose `impl` block holds byte `at` (its last path segment).
pub(crate) fn owner_at(cx: &Cx<'_>, at: usize) -> Option<String> {
    match &*cx.impl_at(at)?.self_ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}
