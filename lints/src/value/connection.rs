//! Options read from a parsed connection string, as named origins: a driver's getter on options
//! parsed from a string (`let cfg: tokio_postgres::Config = url.parse()?; cfg.get_ssl_mode()`),
//! or a key of a map split out of a `key=value` string by hand
//! (`conn.split(';').filter_map(|kv| kv.split_once('=')).collect()`, then `opts.get("sslmode")`).
//! The run-time note names the option and, when it has one, the origin of the string.

use syn::visit::Visit;
use syn::{Expr, Lit};

use super::binding::{MAX_ALIASES, follow};
use super::locals::Local;
use super::resolve::named_source;
use crate::cx::{Cx, peel};

/// Drivers' getters of options parsed from a connection string, and the option each reads:
/// tokio-postgres `Config`, sqlx `PgConnectOptions` and `MySqlConnectOptions`.
const OPTION_GETTERS: &[(&str, &str)] = &[("get_ssl_mode", "sslmode")];

/// Calls that parse a connection string into a driver's options: `s.parse()`, `T::from_str(s)`,
/// `Opts::from_url(s)`, mongodb's `ClientOptions::parse(s)`, tiberius' `Config::from_ado_string(s)`
/// and `from_jdbc_string(s)`.
const PARSERS: &[&str] = &[
    "parse",
    "from_str",
    "from_url",
    "from_ado_string",
    "from_jdbc_string",
];

/// Methods that cut a connection string into its `key=value` pieces.
const SPLITTERS: &[&str] = &[
    "split",
    "split_whitespace",
    "split_ascii_whitespace",
    "split_terminator",
];

/// Methods that cut one piece into its key and its value.
const PAIR_SPLITTERS: &[&str] = &["split_once", "splitn"];

/// How many calls of a chain (`.get(k).copied().unwrap_or(d)`) are looked through for the read.
const MAX_CHAIN: usize = 8;

impl<'a> Cx<'a> {
    /// The note for a value read from a parsed connection string somewhere down the chain of
    /// `expr` ("the value is the connection-string option `sslmode` of the environment variable
    /// `DATABASE_URL`"), or `None`.
    pub(super) fn connection_option(&self, expr: &Expr) -> Option<String> {
        let mut e = peel(expr);
        for _ in 0..MAX_CHAIN {
            let (option, string) = match e {
                Expr::MethodCall(m) => match self.option_read(m) {
                    Some(read) => read,
                    None => {
                        e = peel(&m.receiver);
                        continue;
                    }
                },
                Expr::Index(i) => self.map_key(&i.expr, &i.index)?,
                Expr::Try(t) => {
                    e = peel(&t.expr);
                    continue;
                }
                Expr::Await(a) => {
                    e = peel(&a.base);
                    continue;
                }
                _ => return None,
            };
            let of = named_source(follow(self, string, MAX_ALIASES, false, false))
                .map(|source| format!(" of {source}"))
                .unwrap_or_default();
            return Some(format!(
                "the value is the connection-string option `{option}`{of}"
            ));
        }
        None
    }

    /// The option `m` reads and the connection string it was parsed from, when `m` is a getter
    /// of parsed options or a `get("key")` on a split map.
    fn option_read(&self, m: &syn::ExprMethodCall) -> Option<(String, &'a Expr)> {
        if m.method == "get" && m.args.len() == 1 {
            return self.map_key(&m.receiver, &m.args[0]);
        }
        let (_, option) = OPTION_GETTERS
            .iter()
            .find(|(getter, _)| m.method == getter && m.args.is_empty())?;
        let parsed = self.parsed_string(self.local_init(&m.receiver)?)?;
        Some((option.to_string(), parsed))
    }

    /// `key` as read from `map`, a local bound to pieces of a split connection string, with the
    /// string it was split from.
    fn map_key(&self, map: &Expr, key: &Expr) -> Option<(String, &'a Expr)> {
        let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(key), ..
        }) = peel(key)
        else {
            return None;
        };
        let split = split_string(self.local_init(map)?)?;
        Some((key.value(), split))
    }

    /// What the local name `e` was bound to by an immutable `let`.
    fn local_init(&self, e: &Expr) -> Option<&'a Expr> {
        let Expr::Path(p) = peel(e) else {
            return None;
        };
        let ident = p.path.get_ident()?;
        match self.visible_local(ident, self.range(e).start)? {
            Local::Let(l, _) if !l.mutable => l.init,
            _ => None,
        }
    }

    /// The string `options` were parsed from: `s` of `s.parse()?` or `Config::from_str(&s)?`.
    fn parsed_string(&self, options: &'a Expr) -> Option<&'a Expr> {
        match unwrapped(options) {
            Expr::MethodCall(m) if PARSERS.iter().any(|p| m.method == p) => Some(&m.receiver),
            Expr::Call(c) => match &*c.func {
                Expr::Path(p)
                    if p.path.segments.len() >= 2
                        && p.path
                            .segments
                            .last()
                            .is_some_and(|s| PARSERS.iter().any(|p| s.ident == p)) =>
                {
                    c.args.first()
                }
                _ => None,
            },
            _ => None,
        }
    }
}

/// `e` without the `?`, `.await`, `unwrap()` and `expect(..)` around it.
fn unwrapped(mut e: &Expr) -> &Expr {
    loop {
        e = match peel(e) {
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => &a.base,
            Expr::MethodCall(m) if m.method == "unwrap" || m.method == "expect" => &m.receiver,
            other => return other,
        };
    }
}

/// The string a map of `key=value` pieces was collected from: `conn` of
/// `conn.split(';').filter_map(|kv| kv.split_once('=')).collect()`.
fn split_string(map: &Expr) -> Option<&Expr> {
    #[derive(Default)]
    struct Methods {
        collect: bool,
        pairs: bool,
    }
    impl<'v> Visit<'v> for Methods {
        fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
            self.collect |= m.method == "collect";
            self.pairs |= PAIR_SPLITTERS.iter().any(|p| m.method == p);
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    let mut methods = Methods::default();
    methods.visit_expr(map);
    if !(methods.collect && methods.pairs) {
        return None;
    }
    let mut e = unwrapped(map);
    for _ in 0..MAX_CHAIN {
        let Expr::MethodCall(m) = e else {
            return None;
        };
        if SPLITTERS.iter().any(|s| m.method == s) {
            return Some(&m.receiver);
        }
        e = unwrapped(&m.receiver);
    }
    None
}
