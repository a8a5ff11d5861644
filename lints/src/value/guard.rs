//! Whether code runs: the conditions (`if`, `else`, `match` arms, `if let`) around a place, up to
//! its function, graded as values are. A dangerous literal under a condition decided at run time
//! is a run-time choice, exactly like the same value passed as an argument.

use syn::{Expr, Pat};

use crate::cx::{Branch, Cx, Guard};
use crate::value::variant::{variant_name, variant_of_path};
use crate::value::{Const, Value};

/// Whether the code at a place runs whenever its function does.
pub(crate) enum Reach<'c, 'a> {
    /// No condition, or only constant ones that hold.
    Always,
    /// A constant condition excludes it: it never runs.
    Never,
    /// It runs under this condition, decided at run time (the innermost such condition).
    When(&'c Branch<'a>),
}

/// The conditions around byte `at`, innermost first, within its function.
pub(crate) fn reach<'c, 'a>(cx: &'c Cx<'a>, at: usize) -> Reach<'c, 'a> {
    let function = cx
        .scopes_at(at)
        .find(|s| s.sig.is_some())
        .map_or(0..cx.text.len(), |s| s.range.clone());
    let mut around: Vec<&Branch<'a>> = cx
        .branches
        .iter()
        .filter(|b| b.range.contains(&at) && function.contains(&b.range.start))
        .collect();
    around.sort_by_key(|b| b.range.end - b.range.start);
    // `if let Some(x) = opt` only unwraps: a condition further out that chooses is named first.
    let mut unwrapping = None;
    for branch in around {
        match &branch.guard {
            Guard::If { cond, when } => match cx.resolve(cond).value {
                Value::Const(Const::Bool(b)) if b == *when => {}
                Value::Const(Const::Bool(_)) => return Reach::Never,
                Value::Const(_) | Value::Pending(_) => {}
                Value::Runtime(_) | Value::Unknown => return Reach::When(branch),
            },
            Guard::Match {
                scrutinee,
                pat,
                arms,
                if_let,
            } => {
                let decided = matches!(
                    cx.resolve(scrutinee).value,
                    Value::Runtime(_) | Value::Unknown
                );
                if decided && *if_let && unwraps(pat) {
                    unwrapping.get_or_insert(branch);
                } else if decided && is_choice(pat, *arms, *if_let) {
                    return Reach::When(branch);
                }
            }
        }
    }
    unwrapping.map_or(Reach::Always, Reach::When)
}

/// Whether a pattern takes the value out of a `Some` or an `Ok` whatever it is (`Some(x)`).
fn unwraps(pat: &Pat) -> bool {
    matches!(pat, Pat::TupleStruct(t) if usual(&t.path) && !t.elems.iter().any(refutable))
}

/// `Some` or `Ok`: the usual path of an `Option` or a `Result`.
fn usual(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| s.ident == "Ok" || s.ident == "Some")
}

/// Whether an arm's pattern chooses between modes, rather than taking the usual path of a
/// `Result` or `Option` (`Ok(x)`, `Some(x)` in a `match`) or being the only arm. `Some(Mode::A)`
/// chooses: what it wraps is itself a choice.
fn is_choice(pat: &Pat, arms: usize, if_let: bool) -> bool {
    if if_let {
        return true;
    }
    if arms < 2 {
        return false;
    }
    match pat {
        Pat::TupleStruct(t) if usual(&t.path) => t.elems.iter().any(refutable),
        _ => true,
    }
}

/// Whether a pattern can fail to match (a path, a literal, a variant), rather than binding
/// whatever it is given (`x`, `_`, `ref x`, `..`).
fn refutable(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => p.subpat.as_ref().is_some_and(|(_, sub)| refutable(sub)),
        Pat::Wild(_) | Pat::Rest(_) => false,
        Pat::Reference(r) => refutable(&r.pat),
        Pat::Paren(p) => refutable(&p.pat),
        Pat::Type(t) => refutable(&t.pat),
        Pat::Tuple(t) => t.elems.iter().any(refutable),
        _ => true,
    }
}

/// The enum variants an arm's pattern chooses (`TlsMode::Insecure`, `A::X | A::Y`), by name;
/// `None` for any other pattern (a binding, a wildcard, a literal).
pub(crate) fn chosen_variants(pat: &Pat) -> Option<Vec<String>> {
    match pat {
        Pat::Path(p) => Some(vec![variant_of_path(&p.path)?]),
        Pat::Paren(p) => chosen_variants(&p.pat),
        Pat::Or(o) => o.cases.iter().try_fold(Vec::new(), |mut all, case| {
            all.extend(chosen_variants(case)?);
            Some(all)
        }),
        _ => None,
    }
}

/// The value a condition compares with an enum variant, and that variant, when the condition
/// holds exactly for it: `mode == TlsMode::Insecure` (either side) when `when` is `true`, `!=`
/// when it is `false`.
pub(crate) fn compared_variant(cond: &Expr, when: bool) -> Option<(&Expr, String)> {
    let Expr::Binary(b) = crate::cx::peel(cond) else {
        return None;
    };
    let holds = match b.op {
        syn::BinOp::Eq(_) => when,
        syn::BinOp::Ne(_) => !when,
        _ => return None,
    };
    if !holds {
        return None;
    }
    match (variant_name(&b.left), variant_name(&b.right)) {
        (None, Some(v)) => Some((&b.left, v)),
        (Some(v), None) => Some((&b.right, v)),
        _ => None,
    }
}

/// The expression a branch's condition is decided by (the `if` condition or the matched value).
pub(crate) fn deciding_expr<'a>(branch: &Branch<'a>) -> &'a Expr {
    match &branch.guard {
        Guard::If { cond, .. } => cond,
        Guard::Match { scrutinee, .. } => scrutinee,
    }
}

/// How a branch's condition reads in a note: "when `insecure` is `true`", "when `mode` matches
/// `Mode::Off`".
pub(crate) fn when_shown(cx: &Cx<'_>, branch: &Branch<'_>) -> String {
    let shown = |e: std::ops::Range<usize>| crate::value::compact(cx.text.get(e).unwrap_or(""));
    let decider = shown(cx.range(deciding_expr(branch)));
    match &branch.guard {
        Guard::If { when, .. } => format!("when `{decider}` is `{when}`"),
        Guard::Match { pat, .. } => format!("when `{decider}` matches `{}`", shown(cx.range(*pat))),
    }
}

/// A run-time condition as findings show it: where it is written, when the guarded code runs
/// (``when `insecure` is `true` ``, ``when `mode` matches `Mode::Off` ``) and where the deciding
/// value comes from (`None` when the analysis cannot follow it).
pub(crate) struct Described {
    /// The byte range of the deciding expression.
    pub range: std::ops::Range<usize>,
    /// When the guarded code runs.
    pub when: String,
    /// Where the deciding value comes from.
    pub origin: Option<String>,
}

/// Describes the condition of `branch`.
pub(crate) fn describe(cx: &Cx<'_>, branch: &Branch<'_>) -> Described {
    let decider = deciding_expr(branch);
    let range = cx.range(decider);
    let when = when_shown(cx, branch);
    let origin = match cx.resolve(decider).value {
        Value::Runtime(origin) => Some(origin),
        _ => None,
    };
    Described {
        range,
        when,
        origin,
    }
}

/// The note of a setting made only under a condition decided at run time: where the deciding
/// value comes from (`None`: the analysis cannot follow it), when the setting is made, and what
/// it then does. One wording for the setting written under the condition and for the setting
/// made in a helper called under it.
pub(crate) fn runtime_note(origin: Option<&str>, when: &str, what: &str) -> String {
    let origin = origin.unwrap_or("a condition this analysis cannot follow");
    format!("{origin}; {when}, {what}")
}

/// A condition with its `!`s taken off, and the value it must then have for the original to be
/// `when`: `!verify` is `true` when `verify` is `false`.
pub(crate) fn without_not(cond: &Expr, when: bool) -> (&Expr, bool) {
    match crate::cx::peel(cond) {
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => without_not(&u.expr, !when),
        _ => (cond, when),
    }
}
