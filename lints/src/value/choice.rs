//! A value chosen at run time among constants: the arms of an `if`/`match` (through the `let`s
//! that hold it) and what decides between them, for the rules to which the possible values
//! matter, not only that the value varies (`match opt { "1.0" => Version::TLS_1_0, _ => … }`).

use std::ops::Range;

use syn::Expr;

use super::binding::follow;
use super::resolve::{Const, Value};
use crate::cx::{Cx, peel};

/// How many `let`s a value is followed through to its `if`/`match`.
const FOLLOW_STEPS: usize = 5;

/// How deep arms nested in arms are read.
const MAX_NESTING: usize = 8;

/// A value chosen at run time.
pub(crate) struct Choice<'a> {
    /// The arms that are constants, with where each is written (arms that diverge, `return`,
    /// `panic!`, are not options; arms that are not constants are left out).
    pub options: Vec<(Const, Range<usize>)>,
    /// What decides between the arms: the `if` condition or the `match` scrutinee.
    pub decider: &'a Expr,
    /// For an `if`, where its `then` block is: the options it holds are chosen when the
    /// condition is true, the others when it is false.
    pub when_true: Option<Range<usize>>,
}

/// The choice `e` is (itself, or the `let` it names), when it is an `if`/`match` with at least
/// one constant arm.
pub(crate) fn choice<'a>(cx: &Cx<'a>, e: &'a Expr) -> Option<Choice<'a>> {
    let (chosen, arms) = chosen_arms(cx, e)?;
    let (decider, when_true) = match chosen {
        Expr::If(i) => (&*i.cond, Some(cx.range(&i.then_branch))),
        Expr::Match(m) => (&*m.expr, None),
        _ => return None,
    };
    let options: Vec<(Const, Range<usize>)> = arms
        .into_iter()
        .filter_map(|arm| match cx.resolve(arm).value {
            Value::Const(c) => Some((c, cx.range(arm))),
            _ => None,
        })
        .collect();
    (!options.is_empty()).then_some(Choice {
        options,
        decider,
        when_true,
    })
}

/// Every value `e` can take, when it is a choice whose arms are all constants (arms that diverge
/// aside).
pub(crate) fn all_options<'a>(cx: &Cx<'a>, e: &'a Expr) -> Option<Vec<Const>> {
    let (_, arms) = chosen_arms(cx, e)?;
    arms.into_iter()
        .map(|arm| match cx.resolve(arm).value {
            Value::Const(c) => Some(c),
            _ => None,
        })
        .collect::<Option<Vec<Const>>>()
        .filter(|options| !options.is_empty())
}

/// The constant options of a value decided at run time, with where each is written: the arms of
/// its choice, or the default of an `unwrap_or(d)`/`unwrap_or_else(|| d)` (through the `let`s
/// that hold it); `None` when no option is visible.
pub(crate) fn options<'a>(cx: &Cx<'a>, e: &'a Expr) -> Option<Vec<(Const, Range<usize>)>> {
    if let Some(c) = choice(cx, e) {
        return Some(c.options);
    }
    let Expr::MethodCall(m) = peel(follow(cx, e, FOLLOW_STEPS, false, false)) else {
        return None;
    };
    let default = match (m.method.to_string().as_str(), m.args.first().map(peel)) {
        ("unwrap_or", Some(d)) => d,
        ("unwrap_or_else", Some(Expr::Closure(c))) if c.inputs.is_empty() => &*c.body,
        _ => return None,
    };
    match cx.resolve(default).value {
        Value::Const(c) => Some(vec![(c, cx.range(default))]),
        _ => None,
    }
}

/// The `if`/`match` `e` is (itself, or the `let` it names) and the values its arms end with.
fn chosen_arms<'a>(cx: &Cx<'a>, e: &'a Expr) -> Option<(&'a Expr, Vec<&'a Expr>)> {
    let chosen = peel(follow(cx, e, FOLLOW_STEPS, false, false));
    if !matches!(chosen, Expr::If(_) | Expr::Match(_)) {
        return None;
    }
    let mut arms = Vec::new();
    collect_arms(chosen, &mut arms, 0);
    Some((chosen, arms))
}

/// The values an `if`/`match` can end with: the tails of its arms, arms nested in arms read
/// through.
fn collect_arms<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>, depth: usize) {
    let e = peel(e);
    if depth > MAX_NESTING {
        out.push(e);
        return;
    }
    match e {
        Expr::If(i) => {
            if let Some(syn::Stmt::Expr(tail, None)) = i.then_branch.stmts.last() {
                collect_arms(tail, out, depth + 1);
            }
            if let Some((_, els)) = &i.else_branch {
                collect_arms(els, out, depth + 1);
            }
        }
        Expr::Match(m) => {
            for arm in &m.arms {
                collect_arms(&arm.body, out, depth + 1);
            }
        }
        Expr::Block(b) => {
            if let Some(syn::Stmt::Expr(tail, None)) = b.block.stmts.last() {
                collect_arms(tail, out, depth + 1);
            }
        }
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => {}
        Expr::Macro(m)
            if m.mac.path.segments.last().is_some_and(|s| {
                matches!(
                    s.ident.to_string().as_str(),
                    "panic" | "unreachable" | "todo" | "unimplemented" | "bail"
                )
            }) => {}
        other => out.push(other),
    }
}
