//! Which strings of a file are configuration values. Log and error messages (`println!`,
//! `log::info!`, `panic!`, `assert!` messages, `format!` passed to an error or to `expect`, a
//! `const` or `let` used only as such a message, a search pattern or in a comparison) are not;
//! literals and `format!`/`concat!` templates elsewhere are.

use std::ops::Range;

use syn::Expr;

use crate::cx::Cx;
use crate::value::{StrValue, template};

/// Macros whose strings are messages, never configuration.
const MESSAGE_MACROS: &[&str] = &[
    "print",
    "println",
    "eprint",
    "eprintln",
    "write",
    "writeln",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "unreachable",
    "todo",
    "unimplemented",
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "event",
    "log",
    "bail",
    "ensure",
    "anyhow",
    "format_err",
    "eyre",
    "compile_error",
    "doc",
    "stringify",
    "concat_idents",
    "include_str",
];

/// Calls whose arguments are error messages or descriptions.
const MESSAGE_CALLS: &[&str] = &[
    "Err",
    "expect",
    "expect_err",
    "context",
    "with_context",
    "wrap_err",
    "wrap_err_with",
    "map_err",
    "ok_or",
    "ok_or_else",
    "msg",
    "custom",
    "other",
    "description",
    "help",
    "about",
    "long_about",
    "doc",
];

/// Methods whose string arguments are patterns searched for, not values.
const SEARCH_CALLS: &[&str] = &[
    "contains",
    "starts_with",
    "ends_with",
    "find",
    "rfind",
    "matches",
    "replace",
    "replacen",
    "split",
    "splitn",
    "strip_prefix",
    "strip_suffix",
    "eq",
    "eq_ignore_ascii_case",
    "trim_start_matches",
    "trim_end_matches",
];

/// What [`config_strings`] needs about a file, computed once when a string is interesting.
struct Facts<'a> {
    /// Every macro invocation with its range.
    macros: Vec<(Range<usize>, &'a syn::Macro)>,
    /// The ranges of message and search-pattern arguments.
    messages: Vec<Range<usize>>,
    /// The value range of each `const` and then each immutable `let`, with its name: the
    /// bindings a string may be the whole value of, measured once (a node's range costs time
    /// proportional to its size).
    bindings: Vec<(Range<usize>, &'a syn::Ident)>,
}

/// The configuration strings of a file whose raw text passes `interesting`: string literals and
/// `format!`/`format_args!`/`concat!` templates (once per macro), outside message positions.
pub fn config_strings(cx: &Cx<'_>, interesting: impl Fn(&str) -> bool) -> Vec<StrValue> {
    let mut out: Vec<StrValue> = Vec::new();
    let mut facts: Option<Facts<'_>> = None;
    for (lit, value) in cx.strings.iter().zip(cx.string_values()) {
        if !interesting(value) {
            continue;
        }
        let Facts {
            macros,
            messages,
            bindings,
        } = facts.get_or_insert_with(|| Facts {
            macros: cx.macros.iter().map(|m| (cx.range(*m), *m)).collect(),
            messages: message_arguments(cx),
            bindings: bindings(cx),
        });
        let range = cx.range(*lit);
        let enclosing: Vec<&(Range<usize>, &syn::Macro)> =
            macros.iter().filter(|(r, _)| contains(r, &range)).collect();
        if enclosing.iter().any(|(_, m)| is_message_macro(m)) {
            continue;
        }
        let innermost = enclosing.iter().min_by_key(|(r, _)| r.end - r.start);
        let candidate = match innermost {
            Some((r, m)) if is_template_macro(m) => {
                let Some(text) = template(cx, m) else {
                    continue;
                };
                StrValue {
                    text,
                    range: r.clone(),
                }
            }
            _ => StrValue {
                text: value.clone(),
                range,
            },
        };
        if out.iter().any(|c| c.range == candidate.range)
            || messages.iter().any(|r| contains(r, &candidate.range))
            || cx.is_compared(*lit)
            || named_only_in_messages(cx, &candidate.range, messages, bindings)
        {
            continue;
        }
        out.push(candidate);
    }
    out
}

/// The value range and name of each `const` (peeled of parentheses and `&`), then of each
/// immutable `let` with an initializer, in the order [`named_only_in_messages`] asks them.
fn bindings<'a>(cx: &Cx<'a>) -> Vec<(Range<usize>, &'a syn::Ident)> {
    let consts = cx
        .consts
        .values()
        .flatten()
        .map(|c| (cx.range(crate::cx::peel(c.expr)), c.name));
    let lets = cx
        .lets
        .iter()
        .filter(|l| !l.mutable)
        .filter_map(|l| Some((cx.range(crate::cx::peel(l.init?)), l.name)));
    consts.chain(lets).collect()
}

/// Whether the string at `range` is the whole value of a `const` or an immutable `let` whose every
/// use is a message, a search pattern or a comparison (a test's fixture for an error text),
/// never a value handed on. `bindings` are the file's, from [`bindings`].
fn named_only_in_messages(
    cx: &Cx<'_>,
    range: &Range<usize>,
    messages: &[Range<usize>],
    bindings: &[(Range<usize>, &syn::Ident)],
) -> bool {
    let name = bindings.iter().find(|(r, _)| r == range).map(|(_, n)| *n);
    let Some(name) = name else {
        return false;
    };
    let mut uses = cx.paths.iter().filter(|p| p.path.is_ident(name)).peekable();
    uses.peek().is_some()
        && uses.all(|p| {
            let at = cx.range(*p);
            messages.iter().any(|m| contains(m, &at)) || cx.is_compared(*p)
        })
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn macro_name(m: &syn::Macro) -> String {
    m.path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

fn is_message_macro(m: &syn::Macro) -> bool {
    MESSAGE_MACROS.contains(&macro_name(m).as_str())
}

fn is_template_macro(m: &syn::Macro) -> bool {
    matches!(macro_name(m).as_str(), "format" | "format_args" | "concat")
}

/// The ranges of the arguments of calls that take a message (`Err(…)`, `.expect(…)`,
/// `.context(…)`, `io::Error::new(kind, …)`) or a search pattern (`.contains(…)`).
fn message_arguments(cx: &Cx<'_>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for m in &cx.method_calls {
        let name = m.method.to_string();
        if MESSAGE_CALLS.contains(&name.as_str()) || SEARCH_CALLS.contains(&name.as_str()) {
            out.extend(m.args.iter().map(|a| cx.range(a)));
        }
    }
    for c in &cx.calls {
        let Expr::Path(f) = &*c.func else { continue };
        let mut segs = f.path.segments.iter().rev().map(|s| s.ident.to_string());
        let last = segs.next().unwrap_or_default();
        let owner = segs.next().unwrap_or_default();
        if MESSAGE_CALLS.contains(&last.as_str()) || owner.ends_with("Error") || owner == "Err" {
            out.extend(c.args.iter().map(|a| cx.range(a)));
        }
    }
    out
}
