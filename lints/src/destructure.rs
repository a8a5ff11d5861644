//! The names a pattern binds, each with the way from the matched value to it: `(a, insecure)`
//! binds `insecure` at the tuple's second element, `Settings { insecure, .. }` at the field
//! `insecure`, `Some(v)` at the value inside the `Some`.

use syn::{Expr, Ident, Pat};

/// One step from a matched value into a part of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The element of a tuple at this position.
    Index(usize),
    /// The element of a tuple this far from its end (after a `..` rest).
    FromEnd(usize),
    /// The named field of a struct.
    Field(String),
    /// The argument of a tuple struct or variant at this position (`Some`, `Ok`, `Wrapper`),
    /// with the constructor's last path segment.
    Variant(String, usize),
    /// A part this analysis does not follow (a slice element, one case of an or-pattern).
    Opaque,
}

/// Every name `pat` binds with the steps that lead to it; a plain identifier binds the whole
/// value (no step).
pub fn bindings(pat: &Pat) -> Vec<(&Ident, Vec<Step>)> {
    let mut out = Vec::new();
    walk(pat, &mut Vec::new(), &mut out);
    out
}

fn walk<'p>(pat: &'p Pat, steps: &mut Vec<Step>, out: &mut Vec<(&'p Ident, Vec<Step>)>) {
    let mut nested = |step: Step, p: &'p Pat, out: &mut Vec<(&'p Ident, Vec<Step>)>| {
        steps.push(step);
        walk(p, steps, out);
        steps.pop();
    };
    match pat {
        Pat::Ident(i) => {
            // `None`, `MAX`: a unit variant or a constant, not a new name.
            if !i.ident.to_string().starts_with(char::is_uppercase) {
                out.push((&i.ident, steps.clone()));
            }
            if let Some((_, sub)) = &i.subpat {
                walk(sub, steps, out);
            }
        }
        Pat::Tuple(t) => {
            let rest = t.elems.iter().position(|p| matches!(p, Pat::Rest(_)));
            let len = t.elems.len();
            for (i, p) in t.elems.iter().enumerate() {
                let step = match rest {
                    Some(r) if i > r => Step::FromEnd(len - i),
                    _ => Step::Index(i),
                };
                nested(step, p, out);
            }
        }
        Pat::TupleStruct(t) => {
            let name = t
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default();
            let rest = t.elems.iter().position(|p| matches!(p, Pat::Rest(_)));
            for (i, p) in t.elems.iter().enumerate() {
                let step = match rest {
                    Some(r) if i > r => Step::Opaque,
                    _ => Step::Variant(name.clone(), i),
                };
                nested(step, p, out);
            }
        }
        Pat::Struct(s) => {
            for f in &s.fields {
                let step = match &f.member {
                    syn::Member::Named(n) => Step::Field(n.to_string()),
                    syn::Member::Unnamed(i) => Step::Index(i.index as usize),
                };
                nested(step, &f.pat, out);
            }
        }
        Pat::Type(t) => walk(&t.pat, steps, out),
        Pat::Reference(r) => walk(&r.pat, steps, out),
        Pat::Paren(p) => walk(&p.pat, steps, out),
        Pat::Slice(s) => s.elems.iter().for_each(|p| nested(Step::Opaque, p, out)),
        Pat::Or(o) => o.cases.iter().for_each(|p| nested(Step::Opaque, p, out)),
        _ => {}
    }
}

/// The part of the expression `e` that `step` leads to, when `e` is written as a tuple, a struct
/// literal or a constructor call (parentheses and `&` already peeled).
pub fn part<'e>(step: &Step, e: &'e Expr) -> Option<&'e Expr> {
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
            .find(|f| matches!(&f.member, syn::Member::Named(n) if n == name))
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
