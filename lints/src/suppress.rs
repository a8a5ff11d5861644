//! Inline suppressions: `// tlslint: allow(rule, …, reason = "…")` in Rust and
//! `# tlslint: allow(…)` in TOML manifests, scanned from the raw text because syn drops comments.
//! A trailing comment covers its own line; a comment alone on its line covers the next statement
//! or item (a whole multi-line builder chain; in TOML, the next key/value or the whole `[table]`).
//! The directive is parsed with syn as the meta list it mirrors (`#[allow(…, reason = "…")]`).

use std::ops::{Range, RangeInclusive};

use syn::parse::Parser;
use syn::punctuated::Punctuated;

use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix, remove_line_comment};
use crate::lex::Lexemes;
use crate::nesting;
use crate::rule::Rule;
use crate::rules::{self, INVALID_SUPPRESSION};
use crate::source::LineIndex;

/// The marker that starts a directive inside a comment.
pub const MARKER: &str = "tlslint:";

/// The comment syntax of the scanned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CommentSyntax {
    /// `//` line comments (Rust).
    Rust,
    /// `#` comments (TOML).
    Toml,
}

impl CommentSyntax {
    /// The token that opens a line comment.
    fn token(self) -> &'static str {
        match self {
            CommentSyntax::Rust => "//",
            CommentSyntax::Toml => "#",
        }
    }

    /// Skips the repeats of the opening token (`///`, `//!`, `##`).
    fn trim_repeats(self, s: &str) -> &str {
        match self {
            CommentSyntax::Rust => s.trim_start_matches('/').trim_start_matches('!'),
            CommentSyntax::Toml => s.trim_start_matches('#'),
        }
    }
}

/// One parsed suppression comment.
#[derive(Clone, Debug)]
pub struct Directive {
    /// The rules it lifts.
    pub rules: Vec<&'static Rule>,
    /// The reason given.
    pub reason: String,
    /// The byte range of the comment text.
    pub range: Range<usize>,
    /// The 0-based lines it covers.
    pub covers: RangeInclusive<usize>,
    /// Whether it lifted at least one finding.
    pub used: bool,
    /// Whether the comment lies in test code.
    pub in_test_code: bool,
}

/// Finds the directives in `text`, whose comments are written in `syntax`. `strings` are byte
/// ranges of string literals (a marker inside one is not a comment); `statements` are byte ranges
/// of statements and items (TOML: key/value pairs and `[table]` sections), for scoping.
/// Malformed directives become TLS002 diagnostics.
pub(crate) fn scan(
    text: &str,
    lines: &LineIndex,
    strings: &[Range<usize>],
    statements: &[Range<usize>],
    syntax: CommentSyntax,
) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut directives = Vec::new();
    let mut errors = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), MARKER) {
        let line = lines.line_of(at);
        let line_range = lines.line_range(text, line);
        let Some(comment_start) = comment_start(text, line_range.start, at, syntax) else {
            continue;
        };
        if strings.iter().any(|s| s.contains(&comment_start)) {
            continue;
        }
        let comment = comment_start..line_range.end;
        let body = text[at + MARKER.len()..line_range.end].trim();
        let own_line = text[line_range.start..comment_start].trim().is_empty();
        let covers = if own_line {
            next_statement(lines, text, line, statements, syntax)
        } else {
            line..=line
        };
        match parse_directive(body) {
            Ok((rules, reason)) => directives.push(Directive {
                rules,
                reason,
                range: comment,
                covers,
                used: false,
                in_test_code: false,
            }),
            Err(why) => errors.push(
                Diagnostic::new(
                    &INVALID_SUPPRESSION,
                    format!("invalid suppression: {why}"),
                    comment.clone(),
                )
                .label("this suppression is ignored")
                .help(format!(
                    "write it as `{} tlslint: allow(rule_name, reason = \"why this is safe\")`",
                    syntax.token()
                ))
                // The comment meant to excuse something: dropping it loses that intent.
                .fix(Fix::new(
                    "remove the ignored suppression",
                    Applicability::MaybeIncorrect,
                    remove_line_comment(text, comment),
                )),
            ),
        }
    }
    (directives, errors)
}

/// The start of the comment that contains `at`, when `tlslint:` is the first word in it.
fn comment_start(text: &str, line_start: usize, at: usize, syntax: CommentSyntax) -> Option<usize> {
    let before = &text[line_start..at];
    let token = syntax.token();
    let opener = before.rfind(token)?;
    let between = syntax.trim_repeats(&before[opener + token.len()..]);
    let opener = match syntax {
        CommentSyntax::Rust => opener,
        CommentSyntax::Toml => before[..opener].trim_end_matches('#').len(),
    };
    between.trim().is_empty().then_some(line_start + opener)
}

/// The lines of the first statement or item that starts after `line` (the outermost one if
/// several start there), or the next line when none does.
fn next_statement(
    lines: &LineIndex,
    text: &str,
    line: usize,
    statements: &[Range<usize>],
    syntax: CommentSyntax,
) -> RangeInclusive<usize> {
    let mut best: Option<(usize, usize)> = None;
    for s in statements {
        let start = lines.line_of(s.start);
        if start <= line {
            continue;
        }
        let end = lines.line_of(s.end.saturating_sub(1).max(s.start));
        best = match best {
            Some((bs, be)) if bs < start || (bs == start && be >= end) => Some((bs, be)),
            _ => Some((start, end)),
        };
    }
    match best {
        Some((start, end)) if is_blank_or_comment_until(lines, text, line + 1, start, syntax) => {
            start..=end
        }
        _ => line + 1..=line + 1,
    }
}

fn is_blank_or_comment_until(
    lines: &LineIndex,
    text: &str,
    from: usize,
    to: usize,
    syntax: CommentSyntax,
) -> bool {
    (from..to).all(|l| {
        let t = text[lines.line_range(text, l)].trim();
        t.is_empty() || t.starts_with(syntax.token())
    })
}

/// `allow(a, b, reason = "…")` → the rules and the reason.
fn parse_directive(body: &str) -> Result<(Vec<&'static Rule>, String), String> {
    nesting::check(body, Lexemes::lenient(body).tokens()).map_err(|e| e.reason)?;
    nesting::with_stack(|| parse_meta_list(body))
}

/// [`parse_directive`] once the body is known to be within the nesting bound.
fn parse_meta_list(body: &str) -> Result<(Vec<&'static Rule>, String), String> {
    let meta: syn::Meta = syn::parse_str(body)
        .map_err(|_| format!("expected `allow(rule, reason = \"…\")`, found `{body}`"))?;
    let syn::Meta::List(list) = meta else {
        return Err(format!(
            "expected `allow(rule, reason = \"…\")`, found `{body}`"
        ));
    };
    if !list.path.is_ident("allow") {
        return Err(format!(
            "unknown directive `{}`; only `allow` is supported",
            path_text(&list.path)
        ));
    }
    let items = Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated
        .parse2(list.tokens.clone())
        .map_err(|e| format!("cannot parse `{body}`: {e}"))?;
    let mut rules = Vec::new();
    let mut reason = None;
    for item in items {
        match item {
            syn::Meta::Path(p) => {
                let name = path_text(&p);
                let rule = rules::find(&name).ok_or_else(|| format!("unknown rule `{name}`"))?;
                rules.push(rule);
            }
            syn::Meta::NameValue(nv) if nv.path.is_ident("reason") => match nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) if !s.value().trim().is_empty() => {
                    reason = Some(s.value());
                }
                _ => return Err("`reason` must be a non-empty string".to_string()),
            },
            other => return Err(format!("unexpected `{}`", path_text(other.path()))),
        }
    }
    if rules.is_empty() {
        return Err("no rule named".to_string());
    }
    let reason = reason.ok_or_else(|| "a reason is required: add `reason = \"…\"`".to_string())?;
    Ok((rules, reason))
}

fn path_text(p: &syn::Path) -> String {
    p.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A directive is parsed with syn: its nesting is bounded like a file's.
    #[test]
    fn a_deeply_nested_directive_is_invalid_not_a_crash() {
        for body in [
            format!("allow({}x{})", "(".repeat(100_000), ")".repeat(100_000)),
            format!("allow(x, reason = {}\"r\")", "!".repeat(100_000)),
        ] {
            let err = parse_directive(&body).expect_err("too deep");
            assert!(err.starts_with("too deeply nested: more than"), "{err}");
        }
        assert!(parse_directive("allow(weak_hsts, reason = \"r\")").is_ok());
    }
}
