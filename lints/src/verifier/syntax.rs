//! Small syntax predicates shared by the verifier and callback analyses.

use syn::visit::{self, Visit};
use syn::{Expr, Pat};

use crate::cx::{pat_idents, peel};

/// Whether `e` is a call of the single-segment function `name` (`Ok(…)`, `Err(…)`).
pub fn is_call_of<'a>(e: &'a Expr, name: &str) -> Option<&'a syn::ExprCall> {
    match peel(e) {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) if p.path.is_ident(name) => Some(c),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `e` is a marker constructor: `ServerCertVerified::assertion()`,
/// `VerifiedIdentity::assertion(identity)`, under any path or alias.
pub fn is_assertion(e: &Expr) -> bool {
    matches!(peel(e), Expr::Call(c) if is_assertion_call(c))
}

fn is_assertion_call(c: &syn::ExprCall) -> bool {
    let Expr::Path(p) = &*c.func else {
        return false;
    };
    p.path.segments.len() >= 2
        && p.path
            .segments
            .last()
            .is_some_and(|s| s.ident == "assertion")
}

/// Whether `e` is `Ok(<marker>::assertion())`.
pub fn is_ok_assertion(e: &Expr) -> bool {
    is_call_of(e, "Ok").is_some_and(|c| c.args.len() == 1 && is_assertion(&c.args[0]))
}

/// Whether a marker constructor occurs anywhere inside `e` (closures included).
pub fn contains_assertion(e: &Expr) -> bool {
    struct Finder(bool);
    impl<'a> Visit<'a> for Finder {
        fn visit_expr_call(&mut self, c: &'a syn::ExprCall) {
            if is_assertion_call(c) {
                self.0 = true;
            }
            visit::visit_expr_call(self, c);
        }
    }
    let mut f = Finder(false);
    f.visit_expr(e);
    f.0
}

/// The identifiers that occur in a node (expressions, patterns, blocks), `self` included.
#[derive(Default)]
pub struct Idents(pub Vec<String>);

impl Idents {
    /// The identifiers of an expression.
    pub fn of_expr(e: &Expr) -> Idents {
        let mut i = Idents::default();
        i.visit_expr(e);
        i
    }

    /// The identifiers of a block.
    pub fn of_block(b: &syn::Block) -> Idents {
        let mut i = Idents::default();
        i.visit_block(b);
        i
    }

    /// Whether `name` occurs.
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|i| i == name)
    }

    /// Whether any of `names` occurs.
    pub fn has_any(&self, names: &[String]) -> bool {
        names.iter().any(|n| self.has(n))
    }
}

impl<'a> Visit<'a> for Idents {
    fn visit_ident(&mut self, i: &'a proc_macro2::Ident) {
        self.0.push(i.to_string());
    }

    fn visit_macro(&mut self, m: &'a syn::Macro) {
        for t in m.tokens.clone() {
            collect_token_idents(t, &mut self.0);
        }
        visit::visit_macro(self, m);
    }
}

fn collect_token_idents(t: proc_macro2::TokenTree, out: &mut Vec<String>) {
    match t {
        proc_macro2::TokenTree::Ident(i) => out.push(i.to_string()),
        proc_macro2::TokenTree::Group(g) => g
            .stream()
            .into_iter()
            .for_each(|t| collect_token_idents(t, out)),
        _ => {}
    }
}

/// The names bound by patterns (a function's typed parameters, a match arm's pattern),
/// `_`-prefixed names included, `_` not.
pub fn param_names<'a>(inputs: impl Iterator<Item = &'a Pat>) -> Vec<String> {
    let mut idents = Vec::new();
    for pat in inputs {
        pat_idents(pat, &mut idents);
    }
    idents.iter().map(|i| i.to_string()).collect()
}

/// `Err(_)`, `Err(e)`, `Err(..)`: a pattern that matches every error.
pub fn is_any_err(pat: &Pat) -> bool {
    let Some(inner) = err_inner(pat) else {
        return false;
    };
    match inner {
        None => true,
        Some(p) => {
            matches!(p, Pat::Wild(_) | Pat::Rest(_))
                || matches!(p, Pat::Ident(i) if i.subpat.is_none())
        }
    }
}

/// Whether the pattern is `Err(…)` (of any inner pattern).
pub fn is_err_pat(pat: &Pat) -> bool {
    err_inner(pat).is_some()
}

/// For `Err(p)`: `Some(Some(p))`; for `Err(..)`-like forms without one inner pattern:
/// `Some(None)`; otherwise `None`.
fn err_inner(pat: &Pat) -> Option<Option<&Pat>> {
    let Pat::TupleStruct(t) = pat else {
        return None;
    };
    if t.path.segments.last().is_none_or(|s| s.ident != "Err") {
        return None;
    }
    Some(if t.elems.len() == 1 {
        t.elems.first()
    } else {
        None
    })
}

/// The names of every function or method called anywhere in a block.
pub fn called_names(b: &syn::Block) -> Vec<String> {
    let mut c = Calls(Vec::new());
    c.visit_block(b);
    c.0
}

/// The names of every function or method called anywhere in an expression.
pub fn called_names_in(e: &Expr) -> Vec<String> {
    let mut c = Calls(Vec::new());
    c.visit_expr(e);
    c.0
}

struct Calls(Vec<String>);

impl<'a> Visit<'a> for Calls {
    fn visit_expr_call(&mut self, c: &'a syn::ExprCall) {
        if let Expr::Path(p) = &*c.func
            && let Some(s) = p.path.segments.last()
        {
            self.0.push(s.ident.to_string());
        }
        visit::visit_expr_call(self, c);
    }

    fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
        self.0.push(m.method.to_string());
        visit::visit_expr_method_call(self, m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn err_patterns() {
        let any = |s: &str| {
            is_any_err(
                &syn::parse_str::<syn::Arm>(&format!("{s} => ()"))
                    .map(|a| a.pat)
                    .unwrap_or_else(|e| panic!("{e}")),
            )
        };
        assert!(any("Err(_)"));
        assert!(any("Err(e)"));
        assert!(!any(
            "Err(Error::InvalidCertificate(CertificateError::NotValidForName))"
        ));
        assert!(!any("Ok(v)"));
    }

    #[test]
    fn assertions_under_any_path() {
        let e = |s: &str| syn::parse_str::<Expr>(s).unwrap_or_else(|e| panic!("{e}"));
        assert!(is_ok_assertion(&e("Ok(ServerCertVerified::assertion())")));
        assert!(is_ok_assertion(&e(
            "Ok(rustls::client::danger::ServerCertVerified::assertion())"
        )));
        assert!(is_ok_assertion(&e(
            "Ok(VerifiedIdentity::assertion(identity))"
        )));
        assert!(!is_ok_assertion(&e("Ok(assertion())")));
        assert!(contains_assertion(&e(
            "r.or_else(|_| Ok(Scv::assertion()))"
        )));
    }
}
