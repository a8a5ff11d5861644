//! The arm a `match` takes when its scrutinee is known where it is written (a literal, an enum
//! variant, an array of literals, through immutable `let`s): or-patterns (`Mode::Dev |
//! Mode::Test`), slice patterns (`["--insecure", ..]`), literals, paths, bindings and `_`, arms
//! read in order. An arm with a guard, or a pattern this cannot decide, leaves the choice open.

use syn::{Expr, Pat};

use super::resolve::{Const, Value, lit_value};
use crate::cx::{Cx, peel};

/// How many `let`s a scrutinee is followed through.
const MAX_STEPS: usize = 8;

/// A scrutinee known where it is written.
enum Known {
    /// A constant.
    Const(Const),
    /// An enum variant or unit struct, by its last path segment.
    Variant(String),
    /// An array of values, each a constant or not known.
    Array(Vec<Option<Const>>),
}

impl Cx<'_> {
    /// The body of the arm `m` takes, when its scrutinee is known and the arms before it are
    /// decided.
    pub(super) fn matched_arm<'m>(&self, m: &'m syn::ExprMatch) -> Option<&'m Expr> {
        let known = self.known(&m.expr, 0)?;
        for arm in &m.arms {
            if matches(&arm.pat, &known)? {
                return Some(&arm.body);
            }
        }
        None
    }

    fn known(&self, e: &Expr, steps: usize) -> Option<Known> {
        if steps > MAX_STEPS {
            return None;
        }
        match peel(e) {
            Expr::Lit(l) => match lit_value(&l.lit) {
                Value::Const(c) => Some(Known::Const(c)),
                _ => None,
            },
            Expr::Array(a) => Some(Known::Array(
                a.elems
                    .iter()
                    .map(|x| match self.resolve(x).value {
                        Value::Const(c) => Some(c),
                        _ => None,
                    })
                    .collect(),
            )),
            Expr::Path(p) => {
                if let Some(ident) = p.path.get_ident()
                    && !ident.to_string().starts_with(char::is_uppercase)
                {
                    let binding = self
                        .binding_at(ident, self.range(e).start)
                        .filter(|l| !l.mutable)?;
                    return self.known(binding.init?, steps + 1);
                }
                match self.resolve(e).value {
                    Value::Const(c) => Some(Known::Const(c)),
                    _ => {
                        let last = p.path.segments.last()?.ident.to_string();
                        last.starts_with(char::is_uppercase)
                            .then_some(Known::Variant(last))
                    }
                }
            }
            _ => None,
        }
    }
}

/// Whether `pat` matches the known value; `None` when this cannot tell.
fn matches(pat: &Pat, known: &Known) -> Option<bool> {
    match (pat, known) {
        (Pat::Wild(_), _) => Some(true),
        // A guarded arm is skipped when its pattern fails; otherwise its guard decides.
        (Pat::Guard(g), _) => match matches(&g.pat, known)? {
            false => Some(false),
            true => None,
        },
        (Pat::Paren(p), _) => matches(&p.pat, known),
        (Pat::Reference(r), _) => matches(&r.pat, known),
        (Pat::Ident(i), _) if i.subpat.is_none() => {
            let name = i.ident.to_string();
            if !name.starts_with(char::is_uppercase) {
                return Some(true);
            }
            match known {
                Known::Variant(v) => Some(*v == name),
                _ => None,
            }
        }
        (Pat::Or(o), _) => {
            let mut all_false = true;
            for case in &o.cases {
                match matches(case, known) {
                    Some(true) => return Some(true),
                    Some(false) => {}
                    None => all_false = false,
                }
            }
            all_false.then_some(false)
        }
        (Pat::Lit(l), Known::Const(c)) => match lit_value(&l.lit) {
            Value::Const(p) => Some(p == *c),
            _ => None,
        },
        (Pat::Path(p), Known::Variant(v)) => {
            Some(p.path.segments.last().is_some_and(|s| s.ident == v))
        }
        (Pat::Slice(s), Known::Array(items)) => slice_matches(s, items),
        _ => None,
    }
}

/// A slice pattern against an array: the elements before a `..` match the array's first ones,
/// those after it its last ones; without `..` the lengths agree too.
fn slice_matches(s: &syn::PatSlice, items: &[Option<Const>]) -> Option<bool> {
    let rest = s.elems.iter().position(|p| matches!(p, Pat::Rest(_)));
    let pats: Vec<&Pat> = s.elems.iter().collect();
    let (before, after) = match rest {
        Some(at) => (&pats[..at], &pats[at + 1..]),
        None => (&pats[..], &[][..]),
    };
    if rest.is_none() && before.len() != items.len() {
        return Some(false);
    }
    if before.len() + after.len() > items.len() {
        return Some(false);
    }
    let pairs = before
        .iter()
        .zip(items)
        .chain(after.iter().zip(&items[items.len() - after.len()..]));
    let mut all = true;
    for (p, item) in pairs {
        let m = match item {
            Some(c) => matches(p, &Known::Const(c.clone()))?,
            None if matches!(p, Pat::Wild(_)) => true,
            None => return None,
        };
        all &= m;
    }
    Some(all)
}
