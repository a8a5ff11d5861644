//! What string an expression in URL position stands for: literals, `const`/`static` items of the
//! file, `let` bindings, `format!`/`format_args!`/`concat!` templates (inline `{CONST}` arguments
//! resolved, everything else marked as a run-time value), and the conversions around them
//! (`Url::parse`, `.parse::<Url>()`, `String::from`, `.to_string()`, `?`, `.unwrap()`).

use std::ops::Range;

use syn::punctuated::Punctuated;
use syn::{Expr, Lit, Token};
use url::Url;

use super::hosts::RUNTIME;
use crate::cx::{Cx, peel};
use crate::resolve::{Const, Value};

const MAX_DEPTH: usize = 8;

/// A string value, with run-time parts replaced by [`RUNTIME`].
#[derive(Clone, Debug)]
pub struct StrValue {
    /// The text.
    pub text: String,
    /// Where it is written: the literal, or the whole `format!(…)` (possibly in a `const` or a
    /// `let` away from where it is used).
    pub range: Range<usize>,
}

impl StrValue {
    /// The text as a URL, if it is one.
    pub fn url(&self) -> Option<Url> {
        parse_url(&self.text)
    }
}

/// Parses `text` as a URL; a run-time part that makes it unparsable (a port) is retried as `0`.
pub fn parse_url(text: &str) -> Option<Url> {
    let text = text.trim();
    if !text.contains("://") {
        return None;
    }
    Url::parse(text)
        .ok()
        .or_else(|| Url::parse(&text.replace(RUNTIME, "0")).ok())
}

/// The string `expr` stands for, as far as syntax shows it.
pub fn str_value(cx: &Cx<'_>, expr: &Expr) -> Option<StrValue> {
    value_at(cx, expr, 0)
}

fn value_at(cx: &Cx<'_>, expr: &Expr, depth: usize) -> Option<StrValue> {
    if depth > MAX_DEPTH {
        return None;
    }
    let expr = peel(expr);
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(StrValue {
            text: s.value(),
            range: cx.range(s),
        }),
        Expr::Macro(m) => template(cx, &m.mac).map(|text| StrValue {
            text,
            range: cx.range(&m.mac),
        }),
        Expr::Path(p) => {
            if let Some(ident) = p.path.get_ident() {
                match binding_at(cx, ident, cx.range(expr).start) {
                    Binding::Let(init) => return value_at(cx, init, depth + 1),
                    Binding::Param => return None,
                    Binding::Free => {}
                }
            }
            let last = p.path.segments.last()?;
            let item = cx.consts.get(&last.ident.to_string())?.first()?;
            value_at(cx, item.expr, depth + 1)
        }
        Expr::MethodCall(m) => {
            const PASS: &[&str] = &[
                "to_string",
                "to_owned",
                "into",
                "as_str",
                "as_ref",
                "clone",
                "unwrap",
                "expect",
                "parse",
                "try_into",
                "into_string",
                "join",
                "into_url",
                "into_uri",
            ];
            if PASS.iter().any(|n| m.method == n) {
                value_at(cx, &m.receiver, depth + 1)
            } else {
                None
            }
        }
        Expr::Try(t) => value_at(cx, &t.expr, depth + 1),
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else { return None };
            let last = f.path.segments.last()?;
            const CONVERT: &[&str] = &[
                "from",
                "parse",
                "from_static",
                "from_str",
                "try_from",
                "from_shared",
                "new",
            ];
            let converts = CONVERT.iter().any(|n| last.ident == n)
                && f.path.segments.len() >= 2
                && c.args.len() == 1;
            let owner = f
                .path
                .segments
                .iter()
                .rev()
                .nth(1)
                .map(|s| s.ident.to_string())
                .unwrap_or_default();
            let url_type = matches!(
                owner.as_str(),
                "String"
                    | "Url"
                    | "Uri"
                    | "Cow"
                    | "Box"
                    | "Arc"
                    | "Rc"
                    | "Some"
                    | "Endpoint"
                    | "Channel"
            );
            if converts && (last.ident != "new" || url_type) {
                return value_at(cx, c.args.first()?, depth + 1);
            }
            if f.path.is_ident("Some") && c.args.len() == 1 {
                return value_at(cx, c.args.first()?, depth + 1);
            }
            None
        }
        _ => None,
    }
}

/// What a single-identifier path refers to at a place.
pub enum Binding<'a> {
    /// A `let` with this initializer.
    Let(&'a Expr),
    /// A function or closure parameter (or a `let` without initializer): a run-time value.
    Param,
    /// Nothing local: a `const`/`static` or an outer name.
    Free,
}

/// The binding of `ident` visible at byte `at`, innermost function or closure first: the latest
/// `let` before `at` (other than one whose own initializer contains `at`), or a parameter.
pub fn binding_at<'a>(cx: &Cx<'a>, ident: &syn::Ident, at: usize) -> Binding<'a> {
    let whole = 0..cx.text.len();
    let scopes = cx
        .scopes_at(at)
        .map(|s| (s.range.clone(), s.params.contains(&ident)));
    for (scope, is_param) in scopes.chain(std::iter::once((whole, false))) {
        let binding = cx
            .lets
            .iter()
            .filter(|l| {
                l.name == ident
                    && l.offset < at
                    && scope.contains(&l.offset)
                    && !l.init.is_some_and(|i| cx.range(i).contains(&at))
            })
            .max_by_key(|l| l.offset);
        match binding {
            Some(l) => return l.init.map_or(Binding::Param, Binding::Let),
            None if is_param => return Binding::Param,
            None => {}
        }
    }
    Binding::Free
}

/// The text of a `format!`/`format_args!`/`concat!` invocation, with run-time arguments marked.
pub fn template(cx: &Cx<'_>, mac: &syn::Macro) -> Option<String> {
    let name = mac.path.segments.last()?.ident.to_string();
    let args = mac
        .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        .ok()?;
    match name.as_str() {
        "format" | "format_args" => {
            let mut args = args.iter();
            let Expr::Lit(syn::ExprLit {
                lit: Lit::Str(t), ..
            }) = peel(args.next()?)
            else {
                return None;
            };
            let mut positional = Vec::new();
            let mut named = Vec::new();
            for a in args {
                match a {
                    Expr::Assign(assign) => {
                        if let Expr::Path(p) = &*assign.left
                            && let Some(id) = p.path.get_ident()
                        {
                            named.push((id.to_string(), &*assign.right));
                        }
                    }
                    other => positional.push(other),
                }
            }
            Some(expand(cx, &t.value(), &positional, &named))
        }
        "concat" => Some(
            args.iter()
                .map(|a| const_text(cx, a).unwrap_or_else(|| RUNTIME.to_string()))
                .collect(),
        ),
        _ => None,
    }
}

/// Replaces the placeholders of a format string.
fn expand(cx: &Cx<'_>, template: &str, positional: &[&Expr], named: &[(String, &Expr)]) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut spec = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    spec.push(c);
                }
                let arg = spec.split(':').next().unwrap_or("").trim();
                let text = if arg.is_empty() {
                    next += 1;
                    positional.get(next - 1).and_then(|e| const_text(cx, e))
                } else if let Ok(i) = arg.parse::<usize>() {
                    positional.get(i).and_then(|e| const_text(cx, e))
                } else if let Some((_, e)) = named.iter().find(|(n, _)| n == arg) {
                    const_text(cx, e)
                } else {
                    cx.consts
                        .get(arg)
                        .and_then(|items| items.first())
                        .and_then(|item| const_text(cx, item.expr))
                };
                out.push_str(&text.unwrap_or_else(|| RUNTIME.to_string()));
            }
            c => out.push(c),
        }
    }
    out
}

/// The text of a constant argument (string, integer or bool), if it is one.
fn const_text(cx: &Cx<'_>, e: &Expr) -> Option<String> {
    if let Expr::Macro(m) = peel(e) {
        return template(cx, &m.mac);
    }
    match cx.resolve(e).value {
        Value::Const(Const::Str(s)) => Some(s),
        Value::Const(Const::Int(i)) => Some(i.to_string()),
        Value::Const(Const::Bool(b)) => Some(b.to_string()),
        _ => None,
    }
}
