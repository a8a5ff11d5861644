//! How many calls a file makes into given crates, on rustc's tokens (no syntax tree): a call
//! whose path starts with the crate (`acme_http::client(..)`, `::acme_http::Builder::new()`) or
//! with a name a `use` of the crate imports (`use acme_http::{client, Builder as B}` then
//! `client(..)`, `B::new()`), and the method calls chained on such a call
//! (`acme_http::Builder::new().allow_insecure(true).build()?` is three). A method call on a value
//! of the crate that is not chained on such a call is not seen. What the dependency audit's `-v`
//! counts as calls it could not follow when a crate's source is not on disk.

use std::collections::HashMap;

use ra_ap_rustc_lexer::TokenKind;

use crate::lex::{Token, match_delimiters, significant_tokens};

/// The number of calls `text` makes into each of `crates` (crate names as code writes them,
/// `acme_http`), in their order; all zero when the text does not lex.
pub fn calls_into(text: &str, crates: &[&str]) -> Vec<usize> {
    let mut counts = vec![0; crates.len()];
    if !crates.iter().any(|c| text.contains(c)) {
        return counts;
    }
    let Some(tokens) = significant_tokens(text) else {
        return counts;
    };
    let Some(partners) = match_delimiters(&tokens) else {
        return counts;
    };
    let mut roots: HashMap<&str, usize> = crates.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let uses = use_items(&tokens);
    for &(start, end) in &uses {
        imports(&tokens[start..end], crates, &mut roots);
    }
    let mut in_use = uses.iter().peekable();
    let mut i = 0;
    while i < tokens.len() {
        while in_use.peek().is_some_and(|&&(_, end)| end <= i) {
            in_use.next();
        }
        if let Some(&&(start, end)) = in_use.peek()
            && start <= i
        {
            i = end;
            continue;
        }
        if let Some((krate, open)) = rooted_call(&tokens, i, &roots) {
            counts[krate] += 1 + chained_calls(&tokens, &partners, open);
            i = open + 1;
            continue;
        }
        i += 1;
    }
    counts
}

/// The token ranges of the `use` items (from `use` to its `;`).
fn use_items(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].is_ident("use") {
            let end = tokens[i..]
                .iter()
                .position(|t| t.kind == TokenKind::Semi)
                .map_or(tokens.len(), |p| i + p + 1);
            out.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Adds to `roots` the names that a `use` item (`tokens`, from `use` to `;`) imports from one of
/// `crates` (the last segment of each leaf, or its `as` name; `self` and globs import none).
fn imports<'t>(tokens: &[Token<'t>], crates: &[&str], roots: &mut HashMap<&'t str, usize>) {
    let mut idents = tokens
        .iter()
        .skip(1)
        .skip_while(|t| t.kind == TokenKind::Colon);
    let Some(krate) = idents
        .next()
        .and_then(|first| crates.iter().position(|c| first.is_ident(c)))
    else {
        return;
    };
    // The last identifier of a leaf is its name, or the name after its `as`.
    let mut last: Option<&'t str> = None;
    for t in &tokens[1..] {
        match t.kind {
            TokenKind::Ident if t.text != "as" => last = Some(t.text),
            TokenKind::Comma | TokenKind::CloseBrace | TokenKind::Semi => {
                if let Some(name) = last.take()
                    && name != "self"
                    && name != "_"
                {
                    roots.entry(name).or_insert(krate);
                }
            }
            TokenKind::OpenBrace | TokenKind::Star => last = None,
            _ => {}
        }
    }
}

/// When a call rooted in one of `roots` starts at token `i` (a path `root::…::f(`, or `root(`,
/// not itself the tail of a longer path or a method name), the root's crate and the index of
/// the call's `(`.
fn rooted_call(
    tokens: &[Token<'_>],
    i: usize,
    roots: &HashMap<&str, usize>,
) -> Option<(usize, usize)> {
    let t = &tokens[i];
    if t.kind != TokenKind::Ident {
        return None;
    }
    let krate = *roots.get(t.text)?;
    let before = |back: usize| i.checked_sub(back).map(|j| tokens[j].kind);
    let after_path_sep = before(1) == Some(TokenKind::Colon) && before(2) == Some(TokenKind::Colon);
    let leading_sep =
        after_path_sep && before(3).is_none_or(|k| k != TokenKind::Ident && k != TokenKind::Gt);
    if (after_path_sep && !leading_sep) || before(1) == Some(TokenKind::Dot) {
        return None;
    }
    if i > 0 && (tokens[i - 1].is_ident("fn") || tokens[i - 1].is_ident("struct")) {
        return None;
    }
    let mut j = i + 1;
    loop {
        match tokens.get(j)?.kind {
            TokenKind::OpenParen => return Some((krate, j)),
            TokenKind::Colon if tokens.get(j + 1)?.kind == TokenKind::Colon => {
                j += 2;
                match tokens.get(j)?.kind {
                    TokenKind::Ident => j += 1,
                    TokenKind::Lt => j = skip_generics(tokens, j)?,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// The index after the `>` that closes the `<` at `j` (generic arguments of a path).
fn skip_generics(tokens: &[Token<'_>], j: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(j) {
        match t.kind {
            TokenKind::Lt => depth += 1,
            TokenKind::Gt => {
                depth -= 1;
                if depth == 0 {
                    return Some(k + 1);
                }
            }
            TokenKind::Semi | TokenKind::OpenBrace | TokenKind::CloseBrace => return None,
            _ => {}
        }
    }
    None
}

/// The method calls chained on the call whose `(` is at `open`: `.m(…)` after it, through `?`.
fn chained_calls(tokens: &[Token<'_>], partners: &[usize], open: usize) -> usize {
    let mut count = 0;
    let mut close = partners[open];
    loop {
        let mut k = close + 1;
        while tokens.get(k).is_some_and(|t| t.kind == TokenKind::Question) {
            k += 1;
        }
        let is_method = tokens.get(k).is_some_and(|t| t.kind == TokenKind::Dot)
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Ident)
            && tokens
                .get(k + 2)
                .is_some_and(|t| t.kind == TokenKind::OpenParen);
        if !is_method || partners[k + 2] <= k + 2 {
            return count;
        }
        count += 1;
        close = partners[k + 2];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_calls_by_path_by_import_and_along_chains() {
        let text = "\
use acme_http::{client, Builder as B};
use other::thing;
fn main() {
    let _ = acme_http::Builder::new().allow_insecure(true).build()?.send();
    let _ = client(true);
    let _ = B::new();
    let _ = ::acme_http::insecure_client();
    let _ = acme_http::Pool::<u8>::new();
    let _ = thing(1);
    let _: acme_http::Client = make();
    let _ = x.client(1);
    // acme_http::client(true)
    let _ = \"acme_http::client(true)\";
}
fn client2() {}
";
        assert_eq!(calls_into(text, &["acme_http", "other"]), [8, 1]);
        assert_eq!(calls_into(text, &["absent"]), [0]);
        assert_eq!(calls_into("fn f() { acme_http::f(", &["acme_http"]), [0]);
    }
}
