//! The named sources a `Deserialize` struct is loaded from, when the file shows the loading call:
//! envy (`envy::from_env::<T>()`, `envy::prefixed("APP_").from_env::<T>()`: each field is an
//! environment variable), the `config` crate (`Config::builder().add_source(…)…
//! .try_deserialize::<T>()`) and figment (`Figment::new().merge(…).extract::<T>()`): each field is
//! a configuration key, read from the sources named on the chain.

use syn::{Expr, GenericArgument, Lit, PathArguments};

use crate::cx::{Cx, chain_root, peel};

/// The identifiers an item that loads a struct this way names: the package phase reads such
/// items of every file of the package, for the structs whose fields it follows.
pub(crate) const LOADER_WORDS: &[&str] = &["envy", "try_deserialize", "Figment"];

/// How a struct's fields are filled.
#[derive(Clone, Debug)]
pub(crate) enum Loader {
    /// From environment variables named after the fields, with this prefix (envy).
    Env { prefix: String },
    /// From configuration keys named after the fields, by `library`, from these sources.
    Config {
        library: &'static str,
        sources: Vec<String>,
    },
}

impl Loader {
    /// Where the field `field` of `owner` comes from, for a run-time note.
    pub(crate) fn origin(&self, owner: &str, field: &str) -> String {
        match self {
            Loader::Env { prefix } => format!(
                "it is the environment variable `{prefix}{}` (`{owner}` is read by `envy`)",
                field.to_ascii_uppercase()
            ),
            Loader::Config { library, sources } if sources.is_empty() => {
                format!("it is the configuration key `{field}` (`{owner}` is read by {library})")
            }
            Loader::Config { library, sources } => format!(
                "it is the configuration key `{field}` (`{owner}` is read by {library} from {})",
                sources.join(", ")
            ),
        }
    }
}

/// The loader of the struct named `owner` in this file, if one of its calls names the type.
pub(crate) fn loader_of(cx: &Cx<'_>, owner: &str) -> Option<Loader> {
    for c in &cx.calls {
        let Expr::Path(p) = &*c.func else { continue };
        let segs = &p.path.segments;
        let envy = segs.len() >= 2 && segs.iter().any(|s| s.ident == "envy");
        if envy
            && segs.last().is_some_and(|s| s.ident == "from_env")
            && loads(
                cx,
                segs.last().map(|s| &s.arguments),
                cx.range(*c).start,
                owner,
            )
        {
            return Some(Loader::Env {
                prefix: String::new(),
            });
        }
    }
    for m in &cx.method_calls {
        let named =
            |cx: &Cx<'_>| loads_generic(cx, m.turbofish.as_ref(), cx.range(*m).start, owner);
        if m.method == "from_env" && named(cx) {
            if let Some(prefix) = prefixed(&m.receiver) {
                return Some(Loader::Env { prefix });
            }
        } else if m.method == "try_deserialize" && named(cx) {
            return Some(Loader::Config {
                library: "the `config` crate",
                sources: sources(&m.receiver, &["add_source"]),
            });
        } else if m.method == "extract" && named(cx) && chain_has_figment(&m.receiver) {
            return Some(Loader::Config {
                library: "`figment`",
                sources: sources(&m.receiver, &["merge", "join", "admerge", "adjoin"]),
            });
        }
    }
    None
}

/// Whether a call's generic arguments (or the type its `let` is annotated with) name `owner`.
fn loads(cx: &Cx<'_>, args: Option<&PathArguments>, at: usize, owner: &str) -> bool {
    match args {
        Some(PathArguments::AngleBracketed(a)) => names(a, owner),
        _ => annotated(cx, at, owner),
    }
}

fn loads_generic(
    cx: &Cx<'_>,
    turbofish: Option<&syn::AngleBracketedGenericArguments>,
    at: usize,
    owner: &str,
) -> bool {
    match turbofish {
        Some(a) => names(a, owner),
        None => annotated(cx, at, owner),
    }
}

fn names(a: &syn::AngleBracketedGenericArguments, owner: &str) -> bool {
    a.args.iter().any(|g| match g {
        GenericArgument::Type(syn::Type::Path(t)) => {
            t.path.segments.last().is_some_and(|s| s.ident == owner)
        }
        _ => false,
    })
}

/// Whether the `let` whose initializer holds byte `at` is annotated with the type `owner`
/// (`let cfg: Config = …`).
fn annotated(cx: &Cx<'_>, at: usize, owner: &str) -> bool {
    cx.lets.iter().any(|l| {
        let Some(init) = l.init else { return false };
        let r = cx.range(init);
        r.start <= at && at < r.end && {
            let between = cx.text.get(l.offset..r.start).unwrap_or("");
            between
                .split_once(':')
                .map(|(_, ty)| ty.trim().trim_end_matches('=').trim())
                .is_some_and(|ty| ty.rsplit("::").next() == Some(owner))
        }
    })
}

/// The prefix of `envy::prefixed("APP_")`.
fn prefixed(receiver: &Expr) -> Option<String> {
    let Expr::Call(c) = peel(receiver) else {
        return None;
    };
    let Expr::Path(p) = &*c.func else { return None };
    if p.path.segments.last().is_none_or(|s| s.ident != "prefixed") {
        return None;
    }
    string_arg(c.args.first()?)
}

fn string_arg(e: &Expr) -> Option<String> {
    match peel(e) {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.value()),
        _ => None,
    }
}

/// Whether a builder chain starts at `Figment::new()`/`Figment::from(…)`.
fn chain_has_figment(mut e: &Expr) -> bool {
    loop {
        match peel(e) {
            Expr::MethodCall(m) => e = &m.receiver,
            Expr::Try(t) => e = &t.expr,
            Expr::Call(c) => {
                return matches!(&*c.func, Expr::Path(p)
                    if p.path.segments.iter().any(|s| s.ident == "Figment"));
            }
            _ => return false,
        }
    }
}

/// The sources a builder chain adds through `methods`, in order: files by name, environment
/// variables by prefix.
fn sources(mut e: &Expr, methods: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    loop {
        match peel(e) {
            Expr::MethodCall(m) => {
                if methods.iter().any(|n| m.method == n)
                    && let Some(source) = m.args.first().and_then(source)
                {
                    out.push(source);
                }
                e = &m.receiver;
            }
            Expr::Try(t) => e = &t.expr,
            _ => break,
        }
    }
    out.reverse();
    out
}

/// How a source is named (its builder chain read from its root): `` `settings` `` for
/// `File::with_name("settings")`/`Toml::file(…)`,
/// `` the environment variables `APP_*` `` for `Environment::with_prefix("APP")`/
/// `Env::prefixed("APP_")`.
fn source(arg: &Expr) -> Option<String> {
    let Expr::Call(c) = peel(chain_root(arg)) else {
        return None;
    };
    let Expr::Path(p) = &*c.func else { return None };
    let last = p.path.segments.last()?.ident.to_string();
    let text = c.args.first().and_then(string_arg);
    match last.as_str() {
        "with_name" | "file" | "new" | "from" => text.map(|t| format!("`{t}`")),
        "with_prefix" => text.map(|t| format!("the environment variables `{t}_*`")),
        "prefixed" => text.map(|t| format!("the environment variables `{t}*`")),
        "raw" | "default" => Some("the environment".to_string()),
        _ => None,
    }
}
