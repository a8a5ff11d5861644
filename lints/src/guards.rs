//! Where a finding sits, for the dependency audit's conditions, found on the file's tokens (no
//! full parse, so a file syn rejects still answers): the `#[cfg(…)]` regions (an item or
//! statement under an outer `#[cfg]`, an enclosing block or file under an inner `#![cfg]`) and
//! the blocks of `if` (and their `else`) whose condition is a plain place, such as a field, a
//! parameter or a getter (`if self.config.accept_invalid_certs { … }`), that is decided at run time.

use std::ops::Range;
use std::str::FromStr;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

use crate::lex::{Lexemes, group_depth};
use crate::nesting::MAX_GROUP_DEPTH;
use crate::source::prelude_len;

/// The deepest group nesting scanned; deeper code is treated as unguarded.
const MAX_DEPTH: usize = 128;

/// The guarded regions of one file.
#[derive(Clone, Debug, Default)]
pub struct Guards {
    cfgs: Vec<(Range<usize>, String)>,
    ifs: Vec<(Range<usize>, String)>,
    impls: Vec<(Range<usize>, Range<usize>)>,
}

impl Guards {
    /// The `#[cfg]` predicates (token text, e.g. `feature = "x"`) around `offset`, outermost first.
    pub fn cfgs_at(&self, offset: usize) -> Vec<&str> {
        let mut found: Vec<&(Range<usize>, String)> = self
            .cfgs
            .iter()
            .filter(|(r, _)| r.contains(&offset))
            .collect();
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        found.into_iter().map(|(_, p)| p.as_str()).collect()
    }

    /// The range of the self type in the header of the trait `impl` whose body contains
    /// `offset` (`NoVerifier` in `impl ServerCertVerifier for NoVerifier { … }`).
    pub fn impl_type_at(&self, offset: usize) -> Option<Range<usize>> {
        self.impls
            .iter()
            .find(|(body, _)| body.contains(&offset))
            .map(|(_, ty)| ty.clone())
    }

    /// The condition of the innermost run-time `if` block around `offset`, as written
    /// (`self.config.accept_invalid_certs`, or `else of …` for the `else` block).
    pub fn runtime_guard_at(&self, offset: usize) -> Option<&str> {
        self.ifs
            .iter()
            .filter(|(r, _)| r.contains(&offset))
            .min_by_key(|(r, _)| r.end - r.start)
            .map(|(_, c)| c.as_str())
    }
}

/// Scans `text`; a file that does not tokenize, or whose groups nest deeper than the parser's
/// bound (its tree would be as deep), has no guards.
pub fn guards(text: &str) -> Guards {
    let offset = prelude_len(text);
    let mut out = Guards::default();
    let lexemes = Lexemes::lenient(&text[offset..]);
    if group_depth(lexemes.tokens().iter().map(|(kind, _)| *kind)) > MAX_GROUP_DEPTH {
        return out;
    }
    if let Ok(tokens) = TokenStream::from_str(&text[offset..]) {
        let mut scanner = Scanner {
            text: &text[offset..],
            offset,
            out: &mut out,
        };
        scanner.scan(tokens, 0..text.len() - offset, 0);
    }
    proc_macro2::extra::invalidate_current_thread_spans();
    out
}

struct Scanner<'a, 'o> {
    text: &'a str,
    offset: usize,
    out: &'o mut Guards,
}

impl Scanner<'_, '_> {
    fn shift(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.offset..r.end + self.offset
    }

    fn scan(&mut self, tokens: TokenStream, enclosing: Range<usize>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut pending: Vec<(usize, String)> = Vec::new();
        let mut angle = 0usize;
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Punct(p) if p.as_char() == '#' => {
                    let inner =
                        matches!(trees.get(i + 1), Some(TokenTree::Punct(b)) if b.as_char() == '!');
                    let j = i + 1 + usize::from(inner);
                    if let Some(TokenTree::Group(g)) = trees.get(j)
                        && g.delimiter() == Delimiter::Bracket
                    {
                        if let Some(pred) = crate::modules::cfg_predicate(g.stream()) {
                            if inner {
                                self.out.cfgs.push((self.shift(enclosing.clone()), pred));
                            } else {
                                pending.push((p.span().byte_range().start, pred));
                            }
                        }
                        i = j + 1;
                        continue;
                    }
                }
                TokenTree::Ident(id) if id == "if" => self.if_block(&trees, i),
                TokenTree::Ident(id) if id == "impl" => self.impl_block(&trees, i),
                TokenTree::Group(g) => {
                    self.scan(g.stream(), g.span().byte_range(), depth + 1);
                    if g.delimiter() == Delimiter::Brace && angle == 0 {
                        self.close(&mut pending, g.span().byte_range().end);
                    }
                }
                TokenTree::Punct(p) if p.as_char() == ';' || (p.as_char() == ',' && angle == 0) => {
                    self.close(&mut pending, p.span().byte_range().end)
                }
                TokenTree::Punct(p) if p.as_char() == '<' && !pending.is_empty() => angle += 1,
                TokenTree::Punct(p) if p.as_char() == '>' => {
                    let arrow = i > 0
                        && matches!(&trees[i - 1], TokenTree::Punct(q) if q.spacing() == Spacing::Joint && matches!(q.as_char(), '-' | '='));
                    if !arrow {
                        angle = angle.saturating_sub(1);
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    fn close(&mut self, pending: &mut Vec<(usize, String)>, end: usize) {
        for (start, pred) in pending.drain(..) {
            self.out.cfgs.push((self.shift(start..end), pred));
        }
    }

    /// Records the body of the trait `impl` at `trees[at]` with the range of its self type.
    fn impl_block(&mut self, trees: &[TokenTree], at: usize) {
        let Some(body) = (at + 1..trees.len()).find(
            |&k| matches!(&trees[k], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace),
        ) else {
            return;
        };
        let header = &trees[at + 1..body];
        let Some(f) = header
            .iter()
            .position(|t| matches!(t, TokenTree::Ident(i) if i == "for"))
        else {
            return;
        };
        let end = header
            .iter()
            .position(|t| matches!(t, TokenTree::Ident(i) if i == "where"))
            .unwrap_or(header.len());
        let (Some(first), Some(last)) = (header.get(f + 1), header.get(end.saturating_sub(1)))
        else {
            return;
        };
        if f + 1 >= end {
            return;
        }
        let ty = first.span().byte_range().start..last.span().byte_range().end;
        self.out
            .impls
            .push((self.shift(trees[body].span().byte_range()), self.shift(ty)));
    }

    /// Records the block of the `if` at `trees[at]` (and its `else` block) when its condition
    /// is a plain place.
    fn if_block(&mut self, trees: &[TokenTree], at: usize) {
        let Some(k) = (at + 1..trees.len()).find(
            |&k| matches!(&trees[k], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace),
        ) else {
            return;
        };
        let cond = &trees[at + 1..k];
        if !is_place(cond) {
            return;
        }
        let (Some(first), Some(last)) = (cond.first(), cond.last()) else {
            return;
        };
        let text = self
            .text
            .get(first.span().byte_range().start..last.span().byte_range().end)
            .unwrap_or("")
            .to_string();
        self.out
            .ifs
            .push((self.shift(trees[k].span().byte_range()), text.clone()));
        if let (Some(TokenTree::Ident(e)), Some(TokenTree::Group(g))) =
            (trees.get(k + 1), trees.get(k + 2))
            && e == "else"
            && g.delimiter() == Delimiter::Brace
        {
            self.out
                .ifs
                .push((self.shift(g.span().byte_range()), format!("else of {text}")));
        }
    }
}

/// Whether a condition is a plain place read at run time: identifiers joined by `.` (with `!`,
/// `&`, `*` and empty call parentheses), not a constant and not `let`.
fn is_place(cond: &[TokenTree]) -> bool {
    let mut idents = Vec::new();
    for t in cond {
        match t {
            TokenTree::Ident(id) => {
                let s = id.to_string();
                if matches!(s.as_str(), "let" | "true" | "false") {
                    return false;
                }
                idents.push(s);
            }
            TokenTree::Punct(p) if matches!(p.as_char(), '.' | '!' | '&' | '*') => {}
            TokenTree::Group(g)
                if g.delimiter() == Delimiter::Parenthesis && g.stream().is_empty() => {}
            _ => return false,
        }
    }
    let constant = idents.len() == 1
        && idents[0]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    !idents.is_empty() && !constant
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(src: &str, needle: &str) -> usize {
        src.find(needle).expect("needle")
    }

    #[test]
    fn cfg_regions_cover_items_statements_and_inner_attributes() {
        let src = r#"
#[cfg(feature = "danger")]
fn insecure<A, B>() -> Config { builder.danger_a(true) }
fn plain() { builder.plain_b(true) }
#[cfg(test)] mod tests;
mod m {
    #![cfg(any(feature = "x", feature = "y"))]
    fn f() { call_c(); }
}
fn g() {
    #[cfg(feature = "s")]
    let b = b.stmt_d(true);
    other_e();
}
"#;
        let g = guards(src);
        assert_eq!(g.cfgs_at(at(src, "danger_a")), vec!["feature = \"danger\""]);
        assert!(g.cfgs_at(at(src, "plain_b")).is_empty());
        assert_eq!(
            g.cfgs_at(at(src, "call_c")),
            vec!["any (feature = \"x\" , feature = \"y\")"]
        );
        assert_eq!(g.cfgs_at(at(src, "stmt_d")), vec!["feature = \"s\""]);
        assert!(g.cfgs_at(at(src, "other_e")).is_empty());
    }

    #[test]
    fn trait_impl_bodies_know_their_self_type() {
        let src = "impl<'a> ServerCertVerifier for NoVerifier<'a> where X: Y { fn verify_x() {} }\nimpl Plain { fn plain_y() {} }\n";
        let g = guards(src);
        let ty = g
            .impl_type_at(at(src, "verify_x"))
            .expect("in a trait impl");
        assert_eq!(&src[ty], "NoVerifier<'a>");
        assert_eq!(g.impl_type_at(at(src, "plain_y")), None);
    }

    #[test]
    fn runtime_ifs_on_places_only() {
        let src = r#"
fn f(&self, insecure: bool) {
    if self.config.accept_invalid_certs { a_1(); } else { b_2(); }
    if !insecure { c_3(); }
    if cfg!(feature = "x") { d_4(); }
    if DANGEROUS { e_5(); }
    if let Some(x) = y { f_6(); }
    if self.inner.verify() { g_7(); }
}
"#;
        let g = guards(src);
        assert_eq!(
            g.runtime_guard_at(at(src, "a_1")),
            Some("self.config.accept_invalid_certs")
        );
        assert_eq!(
            g.runtime_guard_at(at(src, "b_2")),
            Some("else of self.config.accept_invalid_certs")
        );
        assert_eq!(g.runtime_guard_at(at(src, "c_3")), Some("!insecure"));
        assert_eq!(g.runtime_guard_at(at(src, "d_4")), None);
        assert_eq!(g.runtime_guard_at(at(src, "e_5")), None);
        assert_eq!(g.runtime_guard_at(at(src, "f_6")), None);
        assert_eq!(
            g.runtime_guard_at(at(src, "g_7")),
            Some("self.inner.verify()")
        );
    }
}
