//! The return paths of a function or closure body: every value it can return (the tail
//! expression through `if`/`match`/blocks, and every `return`), each with the conditions on its
//! way, plus whether something else can end the call (`?`, a macro that may return or panic).

use syn::visit::{self, Visit};
use syn::{Block, Expr, Pat, Stmt};

/// A condition on the way to a returned value.
#[derive(Clone, Copy)]
pub enum Cond<'a> {
    /// `if cond { here }` (`negated: false`) or its `else` (`negated: true`).
    If { cond: &'a Expr, negated: bool },
    /// `match scrutinee { pat if guard => here }`.
    Arm {
        scrutinee: &'a Expr,
        pat: &'a Pat,
        guard: Option<&'a Expr>,
    },
}

/// A value a body can return, with the conditions on its way.
pub struct Leaf<'a> {
    /// The returned expression.
    pub expr: &'a Expr,
    /// The conditions, outermost first.
    pub conds: Vec<Cond<'a>>,
}

/// The return paths of one body.
pub struct Flow<'a> {
    /// Every returned value.
    pub leaves: Vec<Leaf<'a>>,
    /// Whether the body can end otherwise: a `?`, or a macro that may return or panic.
    pub may_fail: bool,
}

/// Macros that neither return nor decide anything: logging, formatting, and assertions used as
/// debugging aids.
const HARMLESS_MACROS: &[&str] = &[
    "debug",
    "info",
    "warn",
    "error",
    "trace",
    "log",
    "event",
    "println",
    "eprintln",
    "print",
    "eprint",
    "dbg",
    "format",
    "format_args",
    "vec",
    "write",
    "writeln",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "matches",
    "cfg",
    "concat",
    "stringify",
];

impl<'a> Flow<'a> {
    /// The return paths of a function body.
    pub fn of_block(block: &'a Block) -> Flow<'a> {
        let mut walker = Walker {
            stack: Vec::new(),
            leaves: Vec::new(),
            may_fail: false,
        };
        walker.visit_block(block);
        tail_of_block(block, &mut Vec::new(), &mut walker.leaves);
        Flow {
            leaves: walker.leaves,
            may_fail: walker.may_fail,
        }
    }

    /// The return paths of a closure body.
    pub fn of_expr(expr: &'a Expr) -> Flow<'a> {
        let mut walker = Walker {
            stack: Vec::new(),
            leaves: Vec::new(),
            may_fail: false,
        };
        walker.visit_expr(expr);
        tail_of_expr(expr, &mut Vec::new(), &mut walker.leaves);
        Flow {
            leaves: walker.leaves,
            may_fail: walker.may_fail,
        }
    }
}

fn tail_of_block<'a>(block: &'a Block, conds: &mut Vec<Cond<'a>>, out: &mut Vec<Leaf<'a>>) {
    match block.stmts.last() {
        Some(Stmt::Expr(e, None)) => tail_of_expr(e, conds, out),
        Some(Stmt::Macro(m)) if m.semi_token.is_none() => {}
        _ => {}
    }
}

fn tail_of_expr<'a>(e: &'a Expr, conds: &mut Vec<Cond<'a>>, out: &mut Vec<Leaf<'a>>) {
    match e {
        Expr::Paren(p) => tail_of_expr(&p.expr, conds, out),
        Expr::Group(g) => tail_of_expr(&g.expr, conds, out),
        Expr::Block(b) => tail_of_block(&b.block, conds, out),
        Expr::Unsafe(u) => tail_of_block(&u.block, conds, out),
        Expr::If(i) => {
            conds.push(Cond::If {
                cond: &i.cond,
                negated: false,
            });
            tail_of_block(&i.then_branch, conds, out);
            conds.pop();
            if let Some((_, other)) = &i.else_branch {
                conds.push(Cond::If {
                    cond: &i.cond,
                    negated: true,
                });
                tail_of_expr(other, conds, out);
                conds.pop();
            }
        }
        Expr::Match(m) => {
            for arm in &m.arms {
                let (pat, guard) = split_guard(&arm.pat);
                conds.push(Cond::Arm {
                    scrutinee: &m.expr,
                    pat,
                    guard,
                });
                tail_of_expr(&arm.body, conds, out);
                conds.pop();
            }
        }
        Expr::Return(_) | Expr::Macro(_) => {}
        _ => out.push(Leaf {
            expr: e,
            conds: conds.clone(),
        }),
    }
}

/// Calls whose failure only means "the input did not parse": a `?` on them is no check.
const PARSE_ONLY: &[&str] = &[
    "try_from",
    "from_der",
    "parse_x509_certificate",
    "parse_x509_der",
    "from_bytes",
];

fn is_parse_only(e: &Expr) -> bool {
    let name = match e {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => p.path.segments.last().map(|s| &s.ident),
            _ => None,
        },
        Expr::MethodCall(m) => Some(&m.method),
        _ => None,
    };
    name.is_some_and(|n| PARSE_ONLY.iter().any(|p| n == p))
}

/// An arm's pattern without its guard, and the guard (`pat if guard`).
fn split_guard(pat: &Pat) -> (&Pat, Option<&Expr>) {
    match pat {
        Pat::Guard(g) => (&g.pat, Some(&g.guard)),
        _ => (pat, None),
    }
}

/// Collects `return` values and failure points anywhere in a body (not in nested closures or
/// items), keeping the `if`/`match` conditions on the way.
struct Walker<'a> {
    stack: Vec<Cond<'a>>,
    leaves: Vec<Leaf<'a>>,
    may_fail: bool,
}

impl<'a> Visit<'a> for Walker<'a> {
    fn visit_expr_return(&mut self, r: &'a syn::ExprReturn) {
        if let Some(e) = &r.expr {
            let mut conds = self.stack.clone();
            tail_of_expr(e, &mut conds, &mut self.leaves);
            visit::visit_expr(self, e);
        }
    }

    fn visit_expr_try(&mut self, t: &'a syn::ExprTry) {
        if !is_parse_only(&t.expr) {
            self.may_fail = true;
        }
        visit::visit_expr_try(self, t);
    }

    fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}

    fn visit_item(&mut self, _: &'a syn::Item) {}

    fn visit_macro(&mut self, m: &'a syn::Macro) {
        let harmless = m
            .path
            .segments
            .last()
            .is_some_and(|s| HARMLESS_MACROS.iter().any(|h| s.ident == h));
        if !harmless {
            self.may_fail = true;
        }
    }

    fn visit_expr_if(&mut self, i: &'a syn::ExprIf) {
        self.visit_expr(&i.cond);
        self.stack.push(Cond::If {
            cond: &i.cond,
            negated: false,
        });
        self.visit_block(&i.then_branch);
        self.stack.pop();
        if let Some((_, other)) = &i.else_branch {
            self.stack.push(Cond::If {
                cond: &i.cond,
                negated: true,
            });
            self.visit_expr(other);
            self.stack.pop();
        }
    }

    fn visit_expr_match(&mut self, m: &'a syn::ExprMatch) {
        self.visit_expr(&m.expr);
        for arm in &m.arms {
            let (pat, guard) = split_guard(&arm.pat);
            if let Some(g) = guard {
                self.visit_expr(g);
            }
            self.stack.push(Cond::Arm {
                scrutinee: &m.expr,
                pat,
                guard,
            });
            self.visit_expr(&arm.body);
            self.stack.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(src: &str) -> (Vec<String>, bool) {
        use syn::spanned::Spanned;
        let f: syn::ItemFn = syn::parse_str(src).unwrap_or_else(|e| panic!("{e}"));
        let flow = Flow::of_block(&f.block);
        let mut out: Vec<String> = flow
            .leaves
            .iter()
            .map(|l| format!("{} [{}]", &src[l.expr.span().byte_range()], l.conds.len()))
            .collect();
        out.sort();
        (out, flow.may_fail)
    }

    #[test]
    fn tail_if_match_and_returns() {
        let (l, fail) =
            leaves("fn f() { if a { return Ok(x); } match r { Err(_) => Ok(y), o => o } }");
        assert_eq!(l, ["Ok(x) [1]", "Ok(y) [1]", "o [1]"]);
        assert!(!fail);
    }

    #[test]
    fn try_and_unknown_macros_may_fail() {
        assert!(leaves("fn f() { g()?; Ok(x) }").1);
        assert!(!leaves("fn f() { let c = ParsedCertificate::try_from(e)?; Ok(x) }").1);
        assert!(leaves("fn f() { bail!(\"no\"); }").1);
        assert!(!leaves("fn f() { debug!(\"x\"); Ok(x) }").1);
        assert!(!leaves("fn f() { let c = |x| x?; Ok(x) }").1);
    }
}
