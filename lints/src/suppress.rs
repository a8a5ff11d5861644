//! Inline suppressions: `// tlslint: allow(rule, …, reason = "…")` in Rust and
//! `# tlslint: allow(…)` in TOML manifests, scanned from the raw text because syn drops comments.
//! A trailing comment covers its own line; a comment alone on its line covers the next statement
//! or item (a whole multi-line builder chain; in TOML, the next key/value or the whole `[table]`).
//! The directive is parsed with syn as the meta list it mirrors (`#[allow(…, reason = "…")]`).

use std::collections::{BTreeSet, HashMap};
use std::ops::{Range, RangeInclusive};

use syn::parse::Parser;
use syn::punctuated::Punctuated;

use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix, remove_line_comment};
use crate::lex::Lexemes;
use crate::nesting;
use crate::rule::Rule;
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

/// The rules suppression comments are read against, handed over by the engine.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rules<'r> {
    /// Every rule a directive may name.
    pub known: &'r [&'static Rule],
    /// The rule a malformed directive is reported under.
    pub invalid: &'static Rule,
}

impl Rules<'_> {
    fn find(&self, key: &str) -> Option<&'static Rule> {
        self.known.iter().copied().find(|r| r.is_named(key))
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
    rules: &Rules<'_>,
) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut directives = Vec::new();
    let mut errors = Vec::new();
    let mut layout: Option<Layout> = None;
    for at in memchr::memmem::find_iter(text.as_bytes(), MARKER) {
        let layout =
            layout.get_or_insert_with(|| Layout::new(text, lines, strings, statements, syntax));
        let line = lines.line_of(at);
        let line_range = lines.line_range(text, line);
        let Some(comment_start) = comment_start(text, line_range.start, at, syntax) else {
            continue;
        };
        if layout.in_string(comment_start) {
            continue;
        }
        let comment = comment_start..line_range.end;
        let body = text[at + MARKER.len()..line_range.end].trim();
        let own_line = text[line_range.start..comment_start].trim().is_empty();
        let covers = if own_line {
            layout.next_statement(line)
        } else {
            line..=line
        };
        match parse_directive(body, rules) {
            Ok((named, reason)) => directives.push(Directive {
                rules: named,
                reason,
                range: comment,
                covers,
                used: false,
                in_test_code: false,
            }),
            Err(why) => errors.push(
                Diagnostic::new(
                    rules.invalid,
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

/// For each finding (its 0-based line and rule code), the last directive (in `directives` order)
/// that covers its line and names its rule; every directive that covers a finding of a rule it
/// names is marked used. A sweep over the lines keeps, per rule code, the directives in force, so
/// thousands of directives and findings cost `n log n`, not their product.
pub(crate) fn covering(
    directives: &mut [Directive],
    findings: &[(usize, &'static str)],
) -> Vec<Option<usize>> {
    let mut by_start: Vec<usize> = (0..directives.len()).collect();
    by_start.sort_by_key(|&i| *directives[i].covers.start());
    let mut by_end = by_start.clone();
    by_end.sort_by_key(|&i| *directives[i].covers.end());
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&f| findings[f].0);
    let (mut started, mut ended) = (0, 0);
    let mut in_force: HashMap<&'static str, BTreeSet<usize>> = HashMap::new();
    let mut unused: HashMap<&'static str, BTreeSet<usize>> = HashMap::new();
    let mut out = vec![None; findings.len()];
    for f in order {
        let (line, code) = findings[f];
        while let Some(&i) = by_start
            .get(started)
            .filter(|&&i| *directives[i].covers.start() <= line)
        {
            for r in &directives[i].rules {
                in_force.entry(r.code).or_default().insert(i);
                unused.entry(r.code).or_default().insert(i);
            }
            started += 1;
        }
        while let Some(&i) = by_end
            .get(ended)
            .filter(|&&i| *directives[i].covers.end() < line)
        {
            for r in &directives[i].rules {
                in_force.entry(r.code).or_default().remove(&i);
                unused.entry(r.code).or_default().remove(&i);
            }
            ended += 1;
        }
        out[f] = in_force.get(code).and_then(|set| set.last().copied());
        if let Some(set) = unused.get_mut(code) {
            for i in std::mem::take(set) {
                directives[i].used = true;
            }
        }
    }
    out
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

/// What a directive's scope depends on, indexed once per file (only when it has a marker), so
/// that each directive costs a binary search: thousands of directives stay linear.
struct Layout {
    /// String literals sorted by start, with the greatest end among each one and those before.
    strings: Vec<(usize, usize)>,
    /// Per first line of a statement (ascending), the last line of the longest one starting there.
    statements: Vec<(usize, usize)>,
    /// `code_lines[l]`: how many of the lines before `l` hold code (not blank, not a comment).
    code_lines: Vec<usize>,
}

impl Layout {
    fn new(
        text: &str,
        lines: &LineIndex,
        strings: &[Range<usize>],
        statements: &[Range<usize>],
        syntax: CommentSyntax,
    ) -> Layout {
        let mut sorted: Vec<(usize, usize)> = strings.iter().map(|s| (s.start, s.end)).collect();
        sorted.sort_unstable();
        let mut reach = 0;
        for s in &mut sorted {
            reach = reach.max(s.1);
            s.1 = reach;
        }
        let mut by_line: Vec<(usize, usize)> = statements
            .iter()
            .map(|s| {
                let end = s.end.saturating_sub(1).max(s.start);
                (lines.line_of(s.start), lines.line_of(end))
            })
            .collect();
        by_line.sort_unstable_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
        by_line.dedup_by_key(|s| s.0);
        let mut code_lines = Vec::with_capacity(lines.line_count() + 1);
        let mut count = 0;
        for l in 0..lines.line_count() {
            code_lines.push(count);
            let t = text[lines.line_range(text, l)].trim();
            if !(t.is_empty() || t.starts_with(syntax.token())) {
                count += 1;
            }
        }
        code_lines.push(count);
        Layout {
            strings: sorted,
            statements: by_line,
            code_lines,
        }
    }

    /// Whether `offset` lies inside a string literal.
    fn in_string(&self, offset: usize) -> bool {
        let before = self.strings.partition_point(|s| s.0 <= offset);
        before > 0 && self.strings[before - 1].1 > offset
    }

    /// The lines of the first statement or item that starts after `line` (the outermost one if
    /// several start there), or the next line when none does or code comes first.
    fn next_statement(&self, line: usize) -> RangeInclusive<usize> {
        let next = self.statements.partition_point(|s| s.0 <= line);
        match self.statements.get(next) {
            Some(&(start, end)) if !self.code_between(line + 1, start) => start..=end,
            _ => line + 1..=line + 1,
        }
    }

    /// Whether a line in `from..to` holds code.
    fn code_between(&self, from: usize, to: usize) -> bool {
        let count = |l: usize| self.code_lines.get(l).or(self.code_lines.last()).copied();
        from < to && count(to) > count(from)
    }
}

/// `allow(a, b, reason = "…")` → the rules and the reason.
fn parse_directive(body: &str, known: &Rules<'_>) -> Result<(Vec<&'static Rule>, String), String> {
    nesting::check(body, Lexemes::lenient(body).tokens()).map_err(|e| e.reason)?;
    nesting::with_stack(|| parse_meta_list(body, known))
}

/// [`parse_directive`] once the body is known to be within the nesting bound.
fn parse_meta_list(body: &str, known: &Rules<'_>) -> Result<(Vec<&'static Rule>, String), String> {
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
                let rule = known
                    .find(&name)
                    .ok_or_else(|| format!("unknown rule `{name}`"))?;
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
    use crate::rule::Level;

    const fn rule(code: &'static str, name: &'static str) -> Rule {
        Rule {
            code,
            name,
            default_level: Level::Warn,
            summary: "",
            cwe: &[],
            needles: &[],
            docs: "",
        }
    }

    static A: Rule = rule("TLS901", "rule_a");
    static B: Rule = rule("TLS902", "rule_b");
    static INVALID: Rule = rule("TLS002", "invalid");
    static KNOWN: Rules<'static> = Rules {
        known: &[&A, &B],
        invalid: &INVALID,
    };

    fn directive(
        rules: &[&'static Rule],
        covers: RangeInclusive<usize>,
        reason: &str,
    ) -> Directive {
        Directive {
            rules: rules.to_vec(),
            reason: reason.to_string(),
            range: 0..1,
            covers,
            used: false,
            in_test_code: false,
        }
    }

    /// The sweep gives what checking every directive against every finding gives: the last
    /// covering directive naming the rule, and `used` on each one that covers a finding.
    #[test]
    fn covering_is_the_last_directive_in_force_for_the_rule() {
        let (a, b) = (&A, &B);
        let mut directives = vec![
            directive(&[a], 2..=6, "outer"),
            directive(&[a, b], 4..=4, "inner"),
            directive(&[b], 9..=9, "late"),
            directive(&[a], 20..=20, "unused"),
            directive(&[b], 5..=8, "for b"),
        ];
        let findings = [
            (4, a.code),
            (5, a.code),
            (5, b.code),
            (1, a.code),
            (9, b.code),
            (7, a.code),
        ];
        let expected: Vec<Option<usize>> = findings
            .iter()
            .map(|&(line, code)| {
                directives.iter().rposition(|d| {
                    d.covers.contains(&line) && d.rules.iter().any(|r| r.code == code)
                })
            })
            .collect();
        assert_eq!(
            expected,
            vec![Some(1), Some(0), Some(4), None, Some(2), None]
        );
        assert_eq!(covering(&mut directives, &findings), expected);
        let used: Vec<bool> = directives.iter().map(|d| d.used).collect();
        assert_eq!(used, vec![true, true, true, false, true]);
    }

    /// A directive is parsed with syn: its nesting is bounded like a file's.
    #[test]
    fn a_deeply_nested_directive_is_invalid_not_a_crash() {
        for body in [
            format!("allow({}x{})", "(".repeat(100_000), ")".repeat(100_000)),
            format!("allow(x, reason = {}\"r\")", "!".repeat(100_000)),
        ] {
            let err = parse_directive(&body, &KNOWN).expect_err("too deep");
            assert!(err.starts_with("too deeply nested: more than"), "{err}");
        }
        assert!(parse_directive("allow(rule_a, reason = \"r\")", &KNOWN).is_ok());
    }
}
