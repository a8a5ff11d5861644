//! What string an expression in URL position stands for: literals, `const`/`static` items of the
//! file, `let` bindings, `format!`/`format_args!`/`concat!` templates (inline `{CONST}` arguments
//! resolved, everything else marked as a run-time value), and the conversions around them
//! (`Url::parse`, `.parse::<Url>()`, `String::from`, `.to_string()`, `?`, `.unwrap()`).

use std::ops::Range;

use syn::punctuated::Punctuated;
use syn::{Expr, Lit, Token};
use url::Url;

use super::binding::{Binding, binding_at};
use super::resolve::{Const, Value};
use super::template::{Arg, FormatCall, Piece, pieces};
use crate::cleartext::hosts::{Exemptions, RUNTIME};
use crate::cx::{Cx, peel};

const MAX_DEPTH: usize = 8;
/// Methods that hand on the URL they are called on (`base.to_string()`, `url.parse()?`,
/// `base.join(path)`), shared by the URL readers here and in `from_package`.
pub(crate) const URL_UNCHANGED: &[&str] = &[
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
    "join",
    "into_url",
    "into_uri",
];

/// How many calls of a function are followed for the value of one of its parameters.
const MAX_CALL_SITES: usize = 8;

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

/// Parses `text` as a URL; a run-time port that makes it unparsable is retried as `0`. A run-time
/// host stays marked, so it is named "a host built at run time", never `0`.
pub fn parse_url(text: &str) -> Option<Url> {
    let text = text.trim();
    if !text.contains("://") {
        return None;
    }
    Url::parse(text)
        .ok()
        .or_else(|| Url::parse(&runtime_ports_as_zero(text)).ok())
}

/// `text` with every run-time port (`:` then a run-time part, then the end of the authority)
/// written as `0`, the rest unchanged.
fn runtime_ports_as_zero(text: &str) -> String {
    let port = format!(":{RUNTIME}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&port) {
        let after = &rest[at + port.len()..];
        out.push_str(&rest[..at]);
        if after.is_empty() || after.starts_with(['/', '?', '#']) {
            out.push_str(":0");
        } else {
            out.push_str(&port);
        }
        rest = after;
    }
    out.push_str(rest);
    out
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
        Expr::Macro(m) => template_at(cx, &m.mac, depth).map(|(text, origin)| StrValue {
            text,
            range: origin.unwrap_or_else(|| cx.range(&m.mac)),
        }),
        Expr::Path(p) => {
            if let Some(ident) = p.path.get_ident() {
                match binding_at(cx, ident, cx.range(expr).start) {
                    Binding::Let(init) => return value_at(cx, init, depth + 1),
                    Binding::Param(Some((func, index, at))) => {
                        return argument_value(cx, func, index, at, depth);
                    }
                    Binding::Param(_) => return None,
                    Binding::Free => {}
                }
            }
            let last = p.path.segments.last()?;
            let item = cx.consts.get(&last.ident.to_string())?.first()?;
            value_at(cx, item.expr, depth + 1)
        }
        Expr::MethodCall(m) if m.method == "unwrap_or" && m.args.len() == 1 => {
            value_at(cx, m.args.first()?, depth + 1)
        }
        Expr::MethodCall(m) if m.method == "unwrap_or_else" && m.args.len() == 1 => {
            match m.args.first().map(peel) {
                Some(Expr::Closure(c)) => value_at(cx, &c.body, depth + 1),
                _ => None,
            }
        }
        Expr::MethodCall(m) => {
            if m.method == "into_string" || URL_UNCHANGED.iter().any(|n| m.method == n) {
                value_at(cx, &m.receiver, depth + 1)
            } else {
                None
            }
        }
        Expr::Try(t) => value_at(cx, &t.expr, depth + 1),
        Expr::Field(f) => match &f.member {
            syn::Member::Named(member) => field_value(cx, f, member, depth),
            syn::Member::Unnamed(_) => None,
        },
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

/// The value a function's parameter gets at the calls of the function in this file: the first
/// call whose argument at `index` has a string value (preferring a cleartext URL, see [`worse`]).
/// A call in test code supplies no value to a function outside it.
fn argument_value(
    cx: &Cx<'_>,
    func: &syn::Ident,
    index: usize,
    at: usize,
    depth: usize,
) -> Option<StrValue> {
    call_site_arguments(cx, func, index, at)
        .into_iter()
        .filter(|arg| cx.in_test_code(at) || !cx.in_test_code(cx.range(*arg).start))
        .filter_map(|arg| value_at(cx, arg, depth + 1))
        .reduce(|a, b| worse(cx, a, b))
}

/// The arguments at position `index` of the calls, in this file, of the function `func` whose
/// body starts at `at`: `Type::func(…)`/`Self::func(…)` for an associated function,
/// `recv.func(…)` when no other function of the file has that name, `func(…)` for a free one.
pub fn call_site_arguments<'a>(
    cx: &Cx<'a>,
    func: &syn::Ident,
    index: usize,
    at: usize,
) -> Vec<&'a Expr> {
    let owner = cx.impl_at(at);
    let owner_name = owner.and_then(|i| match &*i.self_ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    });
    let unique = cx.scopes.iter().filter(|s| s.name == Some(func)).count() == 1;
    let methods = cx
        .method_calls
        .iter()
        .filter(|m| unique && owner.is_some() && m.method == *func)
        .filter_map(|m| m.args.iter().nth(index));
    let calls = cx.calls.iter().filter_map(|c| {
        let Expr::Path(p) = &*c.func else { return None };
        let mut segs = p.path.segments.iter().rev();
        if segs.next().is_none_or(|s| s.ident != *func) {
            return None;
        }
        let qualifier = segs.next().map(|s| s.ident.to_string());
        let matches = match (&owner_name, qualifier.as_deref()) {
            (Some(_), Some("Self")) => {
                owner.is_some_and(|o| cx.impl_range(o).contains(&cx.range(*c).start))
            }
            (Some(name), Some(q)) => q == name,
            (Some(_), None) => false,
            (None, q) => q.is_none_or(|q| !q.starts_with(|ch: char| ch.is_ascii_uppercase())),
        };
        if matches {
            c.args.iter().nth(index)
        } else {
            None
        }
    });
    methods.chain(calls).take(MAX_CALL_SITES).collect()
}

/// Of two values a field or parameter can take, the one a cleartext rule should see: a
/// cleartext URL to a host that is not exempt over anything else, else the first.
fn worse(cx: &Cx<'_>, a: StrValue, b: StrValue) -> StrValue {
    let exposed = |v: &StrValue| {
        v.url().is_some_and(|u| {
            !matches!(
                u.scheme(),
                "https" | "wss" | "rediss" | "amqps" | "mqtts" | "smtps" | "ldaps"
            ) && !Exemptions::new(cx.policy).url_is_exempt(&u)
        })
    };
    if !exposed(&a) && exposed(&b) { b } else { a }
}

/// The value a struct field gets in this file: from struct literals (`Self { base_url: … }`) and
/// assignments (`self.base_url = …`), the first that has a string value (preferring a cleartext
/// URL, see [`worse`]). Inside an `impl`, only
/// literals of that type and assignments in that `impl` count.
fn field_value(
    cx: &Cx<'_>,
    field: &syn::ExprField,
    member: &syn::Ident,
    depth: usize,
) -> Option<StrValue> {
    let named = |m: &syn::Member| matches!(m, syn::Member::Named(i) if i == member);
    let at = cx.range(field).start;
    let owner = cx.impl_at(at);
    let type_name = |i: &syn::ItemImpl| match &*i.self_ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    };
    let owner_name = owner.and_then(type_name);
    let same_type = |start: usize, path: Option<&syn::Path>| {
        let Some(owner) = owner else { return true };
        let inside = cx.impl_range(owner).contains(&start);
        match path
            .and_then(|p| p.segments.last())
            .map(|s| s.ident.to_string())
        {
            Some(name) if name == "Self" => inside,
            Some(name) => Some(&name) == owner_name.as_ref(),
            None => inside,
        }
    };
    // Test code never supplies a value to production code.
    let reaches = |start: usize| cx.in_test_code(at) || !cx.in_test_code(start);
    let literals = cx
        .structs
        .iter()
        .filter(|s| reaches(cx.range(&s.path).start))
        .filter(|s| same_type(cx.range(&s.path).start, Some(&s.path)))
        .flat_map(|s| s.fields.iter())
        .filter(|f| named(&f.member))
        .map(|f| &f.expr);
    let assigns = cx
        .assigns
        .iter()
        .filter(|a| {
            reaches(cx.range(&*a.left).start)
                && same_type(cx.range(&*a.left).start, None)
                && matches!(peel(&a.left), Expr::Field(f) if named(&f.member))
        })
        .map(|a| &*a.right);
    literals
        .chain(assigns)
        .filter_map(|e| value_at(cx, e, depth + 1))
        .reduce(|a, b| worse(cx, a, b))
}

/// The text of a `format!`/`format_args!`/`concat!` invocation, with run-time arguments marked.
pub fn template(cx: &Cx<'_>, mac: &syn::Macro) -> Option<String> {
    template_at(cx, mac, 0).map(|(text, _)| text)
}

/// A template's text, and where its leading part comes from when an argument supplies it
/// (`format!("{}/users", self.base_url)`).
fn template_at(
    cx: &Cx<'_>,
    mac: &syn::Macro,
    depth: usize,
) -> Option<(String, Option<Range<usize>>)> {
    if depth > MAX_DEPTH {
        return None;
    }
    let name = mac.path.segments.last()?.ident.to_string();
    let args = mac
        .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        .ok()?;
    match name.as_str() {
        "format" | "format_args" => Some(expand(cx, &FormatCall::of(&args)?, depth)),
        "concat" => Some((
            args.iter()
                .map(|a| const_text(cx, a, depth).map_or_else(|| RUNTIME.to_string(), |(t, _)| t))
                .collect(),
            None,
        )),
        _ => None,
    }
}

/// Replaces the placeholders of a format string.
fn expand(cx: &Cx<'_>, call: &FormatCall<'_>, depth: usize) -> (String, Option<Range<usize>>) {
    let mut out = String::new();
    let mut origin = None;
    for p in pieces(&call.template) {
        let p = match p {
            Piece::Text(text) => {
                out.push_str(&text);
                continue;
            }
            Piece::Placeholder(p) => p,
        };
        let text = match p.arg {
            Arg::Position(i) => call
                .positional
                .get(i)
                .and_then(|e| const_text(cx, e, depth)),
            Arg::Name(arg) => match call.named(arg) {
                Some(e) => const_text(cx, e, depth),
                None => cx
                    .consts
                    .get(arg)
                    .and_then(|items| items.first())
                    .and_then(|item| const_text(cx, item.expr, depth)),
            },
        };
        match text {
            Some((text, range)) => {
                if out.is_empty() {
                    origin = range;
                }
                out.push_str(&text);
            }
            None => out.push_str(RUNTIME),
        }
    }
    (out, origin)
}

/// The text of a constant argument (string, integer or bool), with where a string is written.
fn const_text(cx: &Cx<'_>, e: &Expr, depth: usize) -> Option<(String, Option<Range<usize>>)> {
    if let Some(v) = value_at(cx, e, depth + 1) {
        return Some((v.text, Some(v.range)));
    }
    match cx.resolve(e).value {
        Value::Const(Const::Str(s)) => Some((s, None)),
        Value::Const(Const::Int(i)) => Some((i.to_string(), None)),
        Value::Const(Const::Bool(b)) => Some((b.to_string(), None)),
        _ => None,
    }
}
