//! Turning a file's text into syn trees: tokenizing with a nesting bound (so no input can blow the
//! stack), parsing the file, and parsing the bodies of macro invocations so that rules see the
//! code inside `lazy_static!`, `format!`, `tokio::select!` or `macro_rules!` too.

use std::ops::Range;
use std::str::FromStr;

use ra_ap_rustc_lexer::TokenKind;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Expr, Item, Stmt, Token};

use crate::lex::Lexemes;
use crate::nesting;

/// How many rounds of macros-inside-macro-bodies are expanded.
const MAX_MACRO_ROUNDS: usize = 8;

/// A file's syntax: the file itself and the parsed bodies of its macro invocations.
pub struct Parsed {
    /// The file.
    pub file: syn::File,
    /// Code found inside macro invocations, with spans into the same file.
    pub bodies: Vec<MacroBody>,
}

/// Code parsed out of one macro invocation's tokens.
pub enum MacroBody {
    /// Comma-separated expressions (`format!`, `vec!`, `assert!`).
    Exprs(Vec<Expr>),
    /// Statements (`lazy_static!`, `thread_local!`, brace groups of `tokio::select!`).
    Stmts(Vec<Stmt>),
    /// Items (`cfg_if!` branches).
    Items(Vec<Item>),
}

/// Why a file could not be parsed, and where.
pub struct ParseFailure {
    /// What went wrong, lowercase.
    pub reason: String,
    /// Where, when known: a byte range of the parsed text.
    pub range: Option<Range<usize>>,
}

/// Tokenizes and parses `text` (which must not start with a BOM or shebang). `lexemes` are the
/// tokens of `text` when the caller has them (a focused text's blanked items keep their tokens
/// there: a token whose first byte is blank in `text` is not `text`'s). The nesting bound
/// ([`nesting::check`]) is measured on them before anything builds a tree.
pub fn parse(text: &str, lexemes: Option<&Lexemes>) -> Result<Parsed, ParseFailure> {
    let lexed;
    let tokens = match lexemes {
        Some(l) => l.tokens(),
        None => {
            lexed = Lexemes::lenient(text);
            lexed.tokens()
        }
    };
    let bytes = text.as_bytes();
    let kept: Vec<(TokenKind, Range<usize>)>;
    let tokens = if lexemes.is_some()
        && tokens
            .iter()
            .any(|(_, r)| bytes.get(r.start) == Some(&b' '))
    {
        kept = tokens
            .iter()
            .filter(|(_, r)| bytes.get(r.start) != Some(&b' '))
            .cloned()
            .collect();
        &kept[..]
    } else {
        tokens
    };
    nesting::check(text, tokens).map_err(|too_deep| ParseFailure {
        reason: format!("{}; the file is not linted", too_deep.reason),
        range: Some(too_deep.range),
    })?;
    let tokens = TokenStream::from_str(text).map_err(|e| ParseFailure {
        reason: format!("cannot tokenize: {e}"),
        range: Some(e.span().byte_range()),
    })?;
    let file: syn::File = syn::parse2(tokens).map_err(|e| ParseFailure {
        reason: e.to_string(),
        range: Some(e.span().byte_range()),
    })?;
    let bodies = expand_macros(&file);
    Ok(Parsed { file, bodies })
}

/// Finds macro invocations in the file and in already parsed bodies, round by round.
fn expand_macros(file: &syn::File) -> Vec<MacroBody> {
    let mut bodies = Vec::new();
    let mut pending = MacroFinder::collect(|f| f.visit_file(file));
    let mut round = 0;
    while !pending.is_empty() && round < MAX_MACRO_ROUNDS {
        let start = bodies.len();
        for mac in pending.drain(..) {
            if mac.is_matches
                && let Ok(exprs) = matches_operands.parse2(mac.tokens.clone())
            {
                bodies.push(MacroBody::Exprs(exprs));
                continue;
            }
            expand_tokens(mac.tokens, mac.is_macro_rules, &mut bodies);
        }
        pending = MacroFinder::collect(|f| {
            for body in &bodies[start..] {
                body.visit(f);
            }
        });
        round += 1;
    }
    bodies
}

impl MacroBody {
    /// Walks the body with a syn visitor.
    pub fn visit<'a, V: Visit<'a>>(&'a self, v: &mut V) {
        match self {
            MacroBody::Exprs(exprs) => exprs.iter().for_each(|e| v.visit_expr(e)),
            MacroBody::Stmts(stmts) => stmts.iter().for_each(|s| v.visit_stmt(s)),
            MacroBody::Items(items) => items.iter().for_each(|i| v.visit_item(i)),
        }
    }
}

struct FoundMacro {
    tokens: TokenStream,
    is_macro_rules: bool,
    is_matches: bool,
}

#[derive(Default)]
struct MacroFinder {
    found: Vec<FoundMacro>,
}

impl MacroFinder {
    fn collect(walk: impl FnOnce(&mut MacroFinder)) -> Vec<FoundMacro> {
        let mut finder = MacroFinder::default();
        walk(&mut finder);
        finder.found
    }
}

impl<'ast> Visit<'ast> for MacroFinder {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        self.found.push(FoundMacro {
            tokens: mac.tokens.clone(),
            is_macro_rules: name == "macro_rules",
            is_matches: matches!(
                name.as_str(),
                "matches" | "assert_matches" | "debug_assert_matches"
            ),
        });
    }
}

/// Parses a token tree as expressions, statements or items; failing that, searches it token by
/// token for `. method ( args )` calls and `A::B` paths, and descends into its groups.
fn expand_tokens(tokens: TokenStream, is_macro_rules: bool, out: &mut Vec<MacroBody>) {
    if tokens.is_empty() {
        return;
    }
    if !is_macro_rules {
        if let Ok(exprs) = Punctuated::<Expr, Token![,]>::parse_terminated.parse2(tokens.clone()) {
            out.push(MacroBody::Exprs(exprs.into_iter().collect()));
            return;
        }
        if let Ok(stmts) = syn::Block::parse_within.parse2(tokens.clone()) {
            out.push(MacroBody::Stmts(stmts));
            return;
        }
        if let Ok(items) = parse_items.parse2(tokens.clone()) {
            out.push(MacroBody::Items(items));
            return;
        }
    }
    scan_tokens(tokens, out);
}

/// `matches!(expr, pattern if guard)`: the scrutinee and the guard are expressions; the pattern
/// is not a value and must not be linted as one.
fn matches_operands(input: ParseStream<'_>) -> syn::Result<Vec<Expr>> {
    let mut exprs = vec![input.parse::<Expr>()?];
    input.parse::<Token![,]>()?;
    syn::Pat::parse_multi_with_leading_vert(input)?;
    if input.parse::<Option<Token![if]>>()?.is_some() {
        exprs.push(input.parse()?);
    }
    let _ = input.parse::<Option<Token![,]>>()?;
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the pattern"));
    }
    Ok(exprs)
}

fn parse_items(input: ParseStream<'_>) -> syn::Result<Vec<Item>> {
    let mut items = Vec::new();
    while !input.is_empty() {
        items.push(input.parse()?);
    }
    Ok(items)
}

/// The token-level fallback for token trees that are not Rust syntax (`macro_rules!` bodies with
/// `$x` fragments, custom DSLs).
fn scan_tokens(tokens: TokenStream, out: &mut Vec<MacroBody>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut synthetic = Vec::new();
    let mut consumed_groups = Vec::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Punct(p) if p.as_char() == '.' => {
                if let (Some(TokenTree::Ident(method)), Some(TokenTree::Group(args))) =
                    (trees.get(i + 1), trees.get(i + 2))
                    && args.delimiter() == Delimiter::Parenthesis
                    && let Some(call) = synthetic_method_call(method, args)
                {
                    synthetic.push(call);
                    consumed_groups.push(i + 2);
                }
            }
            TokenTree::Ident(_) => {
                let starts_path = !matches!(
                    i.checked_sub(1).and_then(|j| trees.get(j)),
                    Some(TokenTree::Punct(p)) if p.as_char() == ':'
                );
                if starts_path && let Some(path) = synthetic_path(&trees[i..]) {
                    synthetic.push(path);
                }
            }
            _ => {}
        }
    }
    if !synthetic.is_empty() {
        out.push(MacroBody::Exprs(synthetic));
    }
    for (i, tree) in trees.into_iter().enumerate() {
        if let TokenTree::Group(g) = tree
            && !consumed_groups.contains(&i)
        {
            expand_tokens(g.stream(), false, out);
        }
    }
}

/// `recv.method(args)` with an opaque receiver, built from real tokens so spans stay right.
fn synthetic_method_call(method: &proc_macro2::Ident, args: &proc_macro2::Group) -> Option<Expr> {
    let args = Punctuated::<Expr, Token![,]>::parse_terminated
        .parse2(args.stream())
        .ok()?;
    let receiver: Expr = syn::parse_quote_spanned!(method.span()=> __tlslint_macro_receiver);
    Some(Expr::MethodCall(syn::ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Token![.](method.span()),
        method: method.clone(),
        turbofish: None,
        paren_token: syn::token::Paren(args_span(&args, method.span())),
        args,
    }))
}

fn args_span(args: &Punctuated<Expr, Token![,]>, fallback: Span) -> Span {
    use syn::spanned::Spanned;
    args.first().map_or(fallback, |a| a.span())
}

/// `A::B::C` starting at `trees[0]`, when at least two segments follow each other.
fn synthetic_path(trees: &[TokenTree]) -> Option<Expr> {
    let mut segments: Punctuated<syn::PathSegment, Token![::]> = Punctuated::new();
    let mut i = 0;
    while let Some(TokenTree::Ident(ident)) = trees.get(i) {
        segments.push(syn::PathSegment::from(ident.clone()));
        let is_sep = matches!(
            (trees.get(i + 1), trees.get(i + 2)),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':'
        );
        if !is_sep {
            break;
        }
        segments.push_punct(Token![::](ident.span()));
        i += 3;
    }
    if segments.len() < 2 || segments.trailing_punct() {
        return None;
    }
    Some(Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: syn::Path {
            leading_colon: None,
            segments,
        },
    }))
}
