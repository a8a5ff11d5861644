//! The one reader of `format!` invocations: the template string and the arguments, and the
//! template's pieces (literal text, with `{{`/`}}` unescaped, and placeholders with the argument
//! each one takes). The evaluators decide what an argument is worth.

use syn::punctuated::Punctuated;
use syn::{Expr, Token};

use crate::cx::peel;

/// A `format!`-like invocation's arguments.
pub(crate) struct FormatCall<'a> {
    /// The template string's value.
    pub template: String,
    /// The positional arguments.
    pub positional: Vec<&'a Expr>,
    /// The named arguments (`name = value`).
    pub named: Vec<(String, &'a Expr)>,
}

impl<'a> FormatCall<'a> {
    /// Reads the arguments of a `format!`-like invocation (the template must be a string
    /// literal).
    pub fn of(args: &'a Punctuated<Expr, Token![,]>) -> Option<FormatCall<'a>> {
        let mut args = args.iter();
        let Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(template),
            ..
        }) = peel(args.next()?)
        else {
            return None;
        };
        let mut positional = Vec::new();
        let mut named = Vec::new();
        for a in args {
            match a {
                Expr::Assign(assign) => {
                    if let Expr::Path(p) = peel(&assign.left)
                        && let Some(id) = p.path.get_ident()
                    {
                        named.push((id.to_string(), &*assign.right));
                    }
                }
                other => positional.push(other),
            }
        }
        Some(FormatCall {
            template: template.value(),
            positional,
            named,
        })
    }

    /// The argument named `name`.
    pub fn named(&self, name: &str) -> Option<&'a Expr> {
        self.named.iter().find(|(n, _)| n == name).map(|(_, e)| *e)
    }
}

/// A piece of a format string.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// Literal text.
    Text(String),
    /// A `{…}` placeholder.
    Placeholder(Placeholder<'t>),
}

/// A placeholder of a format string.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Placeholder<'t> {
    /// The text between the braces (`NAME`, `0`, `:>8`, `x:?`).
    pub inner: &'t str,
    /// Whether a `}` closes it (an unterminated one runs to the end of the string).
    pub closed: bool,
    /// The argument it formats.
    pub arg: Arg<'t>,
}

impl Placeholder<'_> {
    /// Whether it formats its argument as is: no format spec, nothing but the argument's name or
    /// position.
    pub fn is_plain(&self) -> bool {
        self.closed
            && self
                .inner
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
    }
}

/// The argument a placeholder formats.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Arg<'t> {
    /// The positional argument at this index (`{}` counts up from 0, `{1}` names one).
    Position(usize),
    /// A named argument, or a variable captured by name (`{host}`).
    Name(&'t str),
}

/// The pieces of `template`, in order. A lone `}` is literal text.
pub(crate) fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut next = 0;
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        match c {
            '{' if after.starts_with('{') => {
                text.push('{');
                rest = &after[1..];
            }
            '}' if after.starts_with('}') => {
                text.push('}');
                rest = &after[1..];
            }
            '{' => {
                let (inner, closed, tail) = match after.find('}') {
                    Some(close) => (&after[..close], true, &after[close + 1..]),
                    None => (after, false, ""),
                };
                let key = inner.split(':').next().unwrap_or("").trim();
                let arg = if key.is_empty() {
                    next += 1;
                    Arg::Position(next - 1)
                } else if let Ok(i) = key.parse::<usize>() {
                    Arg::Position(i)
                } else {
                    Arg::Name(key)
                };
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Placeholder(Placeholder { inner, closed, arg }));
                rest = tail;
            }
            c => {
                text.push(c);
                rest = after;
            }
        }
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

/// `f` of the argument a `format!`/`format_args!` template starts with (`format!("{}/users",
/// base)`, `format!("{base}/users")`), as an expression spanned where it is written (a captured
/// name at the template), when the template's first piece formats it as is.
pub(crate) fn with_leading_argument<R>(
    mac: &syn::Macro,
    f: impl FnOnce(&Expr) -> Option<R>,
) -> Option<R> {
    let name = mac.path.segments.last()?.ident.to_string();
    if name != "format" && name != "format_args" {
        return None;
    }
    let args = mac
        .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        .ok()?;
    let call = FormatCall::of(&args)?;
    let Some(Piece::Placeholder(first)) = pieces(&call.template).into_iter().next() else {
        return None;
    };
    if !first.is_plain() {
        return None;
    }
    match first.arg {
        Arg::Position(i) => f(call.positional.get(i)?),
        Arg::Name(n) => match call.named(n) {
            Some(e) => f(e),
            None => {
                let mut ident = syn::parse_str::<syn::Ident>(n).ok()?;
                ident.set_span(args.first().map(syn::spanned::Spanned::span)?);
                f(&Expr::Path(syn::ExprPath {
                    attrs: Vec::new(),
                    qself: None,
                    path: ident.into(),
                }))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholder(inner: &str, arg: Arg<'static>) -> Piece<'static> {
        Piece::Placeholder(Placeholder {
            inner: Box::leak(inner.to_string().into_boxed_str()),
            closed: true,
            arg,
        })
    }

    #[test]
    fn text_escapes_and_arguments() {
        assert_eq!(
            pieces("http://{}:{1}/{{x}}/{HOST}{:>4}"),
            vec![
                Piece::Text("http://".into()),
                placeholder("", Arg::Position(0)),
                Piece::Text(":".into()),
                placeholder("1", Arg::Position(1)),
                Piece::Text("/{x}/".into()),
                placeholder("HOST", Arg::Name("HOST")),
                placeholder(":>4", Arg::Position(1)),
            ]
        );
    }

    #[test]
    fn plain_placeholders_and_unterminated_ones() {
        let all = pieces("{a}{0}{}{a:?}{ a }{b");
        let plain: Vec<bool> = all
            .iter()
            .map(|p| matches!(p, Piece::Placeholder(p) if p.is_plain()))
            .collect();
        assert_eq!(plain, vec![true, true, true, false, false, false]);
        assert_eq!(
            all.last(),
            Some(&Piece::Placeholder(Placeholder {
                inner: "b",
                closed: false,
                arg: Arg::Name("b"),
            }))
        );
        assert_eq!(pieces("a}b"), vec![Piece::Text("a}b".into())]);
    }
}
