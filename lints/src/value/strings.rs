//! Strings known at compile time, for the rules that read a configuration string (cipher lists,
//! header values): literals, `concat!`, `const`/`static` items and `let` bindings of the file,
//! `a + b`, `[a, b].join(sep)` and the `to_string()`/`String::from` wrappers.

use std::ops::Range;

use syn::punctuated::Punctuated;
use syn::{Expr, Token};

use super::template::{Arg, FormatCall, Piece, pieces};
use crate::cx::{Cx, peel};

/// A string value with the places that explain it (the `const` that holds it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstStr {
    /// The value.
    pub value: String,
    /// Secondary labels: where the value was defined.
    pub via: Vec<(Range<usize>, String)>,
}

const MAX_DEPTH: usize = 16;

/// The string `expr` evaluates to at compile time, if syntax tells.
pub fn const_str(cx: &Cx<'_>, expr: &Expr) -> Option<ConstStr> {
    eval(cx, expr, 0)
}

/// `items` joined with `sep` (`[a, b].join(sep)`), with every item's explanation.
pub fn joined(items: Vec<ConstStr>, sep: &str) -> ConstStr {
    let mut via = Vec::new();
    let values: Vec<String> = items
        .into_iter()
        .map(|i| {
            via.extend(i.via);
            i.value
        })
        .collect();
    ConstStr {
        value: values.join(sep),
        via,
    }
}

/// The elements of an array or slice literal (`["a", B]`, `&["a"]`, `vec!["a"]`), each as a string.
pub fn const_str_list(cx: &Cx<'_>, expr: &Expr) -> Option<Vec<ConstStr>> {
    match peel(expr) {
        Expr::Array(a) => a.elems.iter().map(|e| const_str(cx, e)).collect(),
        Expr::Macro(m) if m.mac.path.is_ident("vec") => {
            let elems = m
                .mac
                .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                .ok()?;
            elems.iter().map(|e| const_str(cx, e)).collect()
        }
        Expr::Path(p) => {
            let ident = p.path.get_ident()?;
            let item = cx.consts.get(&ident.to_string())?.first()?;
            const_str_list(cx, item.expr)
        }
        _ => None,
    }
}

fn macro_named(mac: &syn::Macro, names: &[&str]) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| names.iter().any(|n| s.ident == n))
}

/// `format!("{A}:{}", B)` (and const_format's `formatcp!`) with plain `{}`/`{name}`/`{0}`
/// placeholders whose arguments are compile-time strings; `None` for format specs or runtime
/// arguments.
fn format_str(cx: &Cx<'_>, mac: &syn::Macro, depth: usize) -> Option<ConstStr> {
    let args = mac
        .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        .ok()?;
    let call = FormatCall::of(&args)?;
    let mut out = ConstStr {
        value: String::new(),
        via: Vec::new(),
    };
    for p in pieces(&call.template) {
        let p = match p {
            Piece::Text(text) => {
                out.value.push_str(&text);
                continue;
            }
            Piece::Placeholder(p) if p.is_plain() => p,
            Piece::Placeholder(_) => return None,
        };
        let piece = match p.arg {
            Arg::Position(i) => piece(cx, call.positional.get(i)?, depth)?,
            Arg::Name(key) => match call.named(key) {
                Some(r) => piece(cx, r, depth)?,
                None => eval_name(cx, key, depth)?,
            },
        };
        out.value.push_str(&piece.value);
        out.via.extend(piece.via);
    }
    Some(out)
}

/// A formatted argument: a compile-time string, or an integer (`max-age={}`).
fn piece(cx: &Cx<'_>, e: &Expr, depth: usize) -> Option<ConstStr> {
    eval(cx, e, depth + 1).or_else(|| {
        let r = cx.resolve(e);
        r.as_int().map(|i| ConstStr {
            value: i.to_string(),
            via: r.via.clone(),
        })
    })
}

/// A `{NAME}` captured by `format!`: the file's `const`/`static` of that name.
fn eval_name(cx: &Cx<'_>, name: &str, depth: usize) -> Option<ConstStr> {
    let item = cx.consts.get(name)?.first()?;
    let mut v = piece(cx, item.expr, depth)?;
    v.via.insert(
        0,
        (cx.range(item.name), format!("`{name}` is defined here")),
    );
    Some(v)
}

fn eval(cx: &Cx<'_>, expr: &Expr, depth: usize) -> Option<ConstStr> {
    if depth > MAX_DEPTH {
        return None;
    }
    match peel(expr) {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(ConstStr {
            value: s.value(),
            via: Vec::new(),
        }),
        Expr::Macro(m) if macro_named(&m.mac, &["format", "formatcp"]) => {
            format_str(cx, &m.mac, depth)
        }
        Expr::Macro(m) if macro_named(&m.mac, &["concat", "concatcp"]) => {
            let parts = m
                .mac
                .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                .ok()?;
            let mut out = ConstStr {
                value: String::new(),
                via: Vec::new(),
            };
            for part in &parts {
                let piece = match peel(part) {
                    Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Int(i),
                        ..
                    }) => ConstStr {
                        value: i.base10_digits().to_string(),
                        via: Vec::new(),
                    },
                    other => eval(cx, other, depth + 1)?,
                };
                out.value.push_str(&piece.value);
                out.via.extend(piece.via);
            }
            Some(out)
        }
        Expr::Binary(b) if matches!(b.op, syn::BinOp::Add(_)) => {
            let mut l = eval(cx, &b.left, depth + 1)?;
            let r = eval(cx, &b.right, depth + 1)?;
            l.value.push_str(&r.value);
            l.via.extend(r.via);
            Some(l)
        }
        Expr::MethodCall(m) if m.method == "join" && m.args.len() == 1 => {
            let sep = eval(cx, &m.args[0], depth + 1)?;
            let mut joined = joined(const_str_list(cx, &m.receiver)?, &sep.value);
            joined.via.splice(0..0, sep.via);
            Some(joined)
        }
        Expr::MethodCall(m)
            if m.args.is_empty()
                && matches!(
                    m.method.to_string().as_str(),
                    "to_string" | "to_owned" | "into" | "as_str"
                ) =>
        {
            eval(cx, &m.receiver, depth + 1)
        }
        Expr::Call(c)
            if c.args.len() == 1
                && matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "from") && p.path.segments.len() == 2 && p.path.segments[0].ident == "String") =>
        {
            eval(cx, &c.args[0], depth + 1)
        }
        Expr::Path(p) => {
            let ident = p
                .path
                .get_ident()
                .or_else(|| p.path.segments.last().map(|s| &s.ident))?;
            let at = cx.range(expr).start;
            if p.path.get_ident().is_some()
                && let Some(binding) = cx.binding_at(ident, at)
            {
                if binding.mutable {
                    return None;
                }
                let mut v = eval(cx, binding.init?, depth + 1)?;
                v.via
                    .push((cx.range(binding.name), format!("`{ident}` is set here")));
                return Some(v);
            }
            let item = cx.consts.get(&ident.to_string())?.first()?;
            let mut v = eval(cx, item.expr, depth + 1)?;
            v.via.insert(
                0,
                (cx.range(item.name), format!("`{ident}` is defined here")),
            );
            Some(v)
        }
        other => cx.resolve(other).as_str().map(|s| ConstStr {
            value: s.to_string(),
            via: Vec::new(),
        }),
    }
}
