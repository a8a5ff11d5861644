//! Value resolution shared by all rules: what an argument evaluates to, as far as syntax allows.
//! Literals, `!`, `const`/`static` items, `let` bindings (including `let mut` reassigned only to
//! constants), `if`/`match` whose arms agree; everything decided at run or build time is
//! `Runtime`, with a note saying where it comes from; a name defined in another file of the
//! crate is `Pending`, settled by the crate-level join.

use std::ops::Range;

use syn::{Expr, Lit};

use super::locals::Local;
use super::verify_mode;
use super::version::{Proto, parse_proto};
use crate::cx::{Cx, peel};

/// A constant value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Const {
    /// `true` / `false`.
    Bool(bool),
    /// An integer literal.
    Int(i128),
    /// A string literal.
    Str(String),
    /// A protocol version named by a qualified path (`Version::TLS_1_0`, `SslVersion::TLS1_2`,
    /// an imported `Protocol::Tlsv11`).
    Version(Proto),
    /// An enum variant a caller passes (`TlsMode::Insecure` → `Insecure`), by its name: what a
    /// `match` on the parameter, or a comparison with it, chooses by. Only arguments are read as
    /// variants; the evaluator leaves such paths unknown.
    Variant(String),
    /// An openssl peer verification mode (`SslVerifyMode::PEER`), as its flags' bits; `0` is
    /// `SslVerifyMode::NONE`.
    VerifyMode(u32),
}

/// What an expression evaluates to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A constant.
    Const(Const),
    /// Decided at run or build time; the text says where the value comes from.
    Runtime(String),
    /// A name not defined in this file: `const`/`static` lookup across the crate decides.
    Pending(String),
    /// Not something this analysis can evaluate (a struct, a closure…).
    Unknown,
}

/// A value with the places that explain it (the `const` holding `true`, the `let` that sets it).
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The value.
    pub value: Value,
    /// Secondary labels: a byte range and its text.
    pub via: Vec<(Range<usize>, String)>,
}

impl Resolved {
    fn of(value: Value) -> Resolved {
        Resolved {
            value,
            via: Vec::new(),
        }
    }

    /// The boolean, if the value is a constant `bool`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Const(Const::Bool(b)) => Some(b),
            _ => None,
        }
    }

    /// The integer, if the value is a constant integer.
    pub fn as_int(&self) -> Option<i128> {
        match self.value {
            Value::Const(Const::Int(i)) => Some(i),
            _ => None,
        }
    }

    /// The string, if the value is a constant string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Const(Const::Str(s)) => Some(s),
            _ => None,
        }
    }
}

/// How deep the evaluator follows an expression.
pub(super) const MAX_DEPTH: usize = 16;

impl Cx<'_> {
    /// Resolves `expr` as far as syntax allows.
    pub fn resolve(&self, expr: &Expr) -> Resolved {
        self.resolve_depth(expr, 0)
    }

    /// [`Cx::resolve`] at a nesting depth, for the evaluator's other modules.
    pub(super) fn resolve_depth(&self, expr: &Expr, depth: usize) -> Resolved {
        if depth > MAX_DEPTH {
            return Resolved::of(Value::Unknown);
        }
        let expr = peel(expr);
        match expr {
            Expr::Lit(l) => Resolved::of(lit_value(&l.lit)),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
                let mut inner = self.resolve_depth(&u.expr, depth + 1);
                inner.value = match inner.value {
                    Value::Const(Const::Bool(b)) => Value::Const(Const::Bool(!b)),
                    Value::Pending(name) => {
                        Value::Runtime(format!("`!{name}`, defined outside this file"))
                    }
                    other => other,
                };
                inner
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => {
                match self.resolve_depth(&u.expr, depth + 1) {
                    Resolved {
                        value: Value::Const(Const::Int(i)),
                        via,
                    } => Resolved {
                        value: Value::Const(Const::Int(-i)),
                        via,
                    },
                    other => other,
                }
            }
            Expr::Cast(c) => self.resolve_depth(&c.expr, depth + 1),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                self.resolve_depth(&u.expr, depth + 1)
            }
            Expr::MethodCall(m)
                if m.args.is_empty() && (m.method == "clone" || m.method == "to_owned") =>
            {
                self.resolve_depth(&m.receiver, depth + 1)
            }
            Expr::MethodCall(m)
                if m.args.is_empty() && (m.method == "into" || m.method == "to_string") =>
            {
                self.same_string(&m.receiver, expr, depth)
            }
            Expr::Call(c)
                if c.args.len() == 1
                    && matches!(&*c.func, Expr::Path(p) if p.path.segments.len() == 2
                        && p.path.segments[0].ident == "String"
                        && p.path.segments[1].ident == "from") =>
            {
                self.same_string(&c.args[0], expr, depth)
            }
            Expr::Macro(m) => Resolved::of(macro_value(&m.mac)),
            Expr::Path(p) => self.resolve_path(&p.path, expr, depth),
            Expr::Field(f) => self.resolve_field(f, depth).unwrap_or_else(|| {
                Resolved::of(Value::Runtime(format!(
                    "the value comes from the field `{}`",
                    compact(self.snippet(f))
                )))
            }),
            Expr::Block(b) => match b.block.stmts.last() {
                Some(syn::Stmt::Expr(e, None)) => self.resolve_depth(e, depth + 1),
                _ => Resolved::of(Value::Unknown),
            },
            Expr::If(i) => {
                let then = match i.then_branch.stmts.last() {
                    Some(syn::Stmt::Expr(e, None)) => self.resolve_depth(e, depth + 1),
                    _ => return Resolved::of(Value::Unknown),
                };
                let Some((_, els)) = &i.else_branch else {
                    return Resolved::of(Value::Unknown);
                };
                let els = self.resolve_depth(els, depth + 1);
                self.agree(vec![then, els], &i.cond, depth)
            }
            Expr::Match(m) => {
                if let Some(body) = self.matched_arm(m) {
                    return self.resolve_depth(body, depth + 1);
                }
                let arms = m
                    .arms
                    .iter()
                    .map(|a| self.resolve_depth(&a.body, depth + 1))
                    .collect();
                self.agree(arms, &m.expr, depth)
            }
            Expr::Binary(b) => self.resolve_binary(b, depth),
            Expr::Call(_) if let Some(bits) = verify_mode::mode_call(self, expr) => {
                Resolved::of(Value::Const(Const::VerifyMode(bits)))
            }
            Expr::Call(_)
            | Expr::MethodCall(_)
            | Expr::Try(_)
            | Expr::Await(_)
            | Expr::Index(_) => self.resolve_option(expr, depth).unwrap_or_else(|| {
                let origin = self
                    .connection_option(expr)
                    .unwrap_or_else(|| call_origin(expr, self.snippet(expr)));
                Resolved::of(Value::Runtime(origin))
            }),
            _ => Resolved::of(Value::Unknown),
        }
    }

    /// A conversion of a string into an owned string (`"x".into()`, `"x".to_string()`,
    /// `String::from("x")`): the string, when `inner` is a constant string; otherwise a value of
    /// `whole` decided at run time, as any call.
    fn same_string(&self, inner: &Expr, whole: &Expr, depth: usize) -> Resolved {
        let r = self.resolve_depth(inner, depth + 1);
        if matches!(r.value, Value::Const(Const::Str(_))) {
            return r;
        }
        Resolved::of(Value::Runtime(call_origin(whole, self.snippet(whole))))
    }

    /// Arms of an `if`/`match`: the same constant everywhere is that constant; otherwise the
    /// value depends on the condition.
    fn agree(&self, arms: Vec<Resolved>, cond_expr: &Expr, depth: usize) -> Resolved {
        let first = arms.first().map(|a| a.value.clone());
        if let Some(Value::Const(c)) = &first
            && arms.iter().all(|a| a.value == Value::Const(c.clone()))
        {
            return Resolved {
                value: Value::Const(c.clone()),
                via: arms.into_iter().flat_map(|a| a.via).collect(),
            };
        }
        if arms.iter().all(|a| matches!(a.value, Value::Const(_))) {
            let cond = self.resolve_depth(cond_expr, depth + 1);
            return match cond.value {
                Value::Runtime(origin) => Resolved {
                    value: Value::Runtime(origin),
                    via: cond.via,
                },
                _ => Resolved::of(Value::Runtime(format!(
                    "the value depends on the condition `{}`",
                    compact(self.snippet(cond_expr))
                ))),
            };
        }
        arms.into_iter()
            .find(|a| matches!(a.value, Value::Runtime(_)))
            .unwrap_or_else(|| Resolved::of(Value::Unknown))
    }

    fn resolve_binary(&self, b: &syn::ExprBinary, depth: usize) -> Resolved {
        let l = self.resolve_depth(&b.left, depth + 1);
        let r = self.resolve_depth(&b.right, depth + 1);
        if let (
            syn::BinOp::BitOr(_),
            Value::Const(Const::VerifyMode(a)),
            Value::Const(Const::VerifyMode(c)),
        ) = (&b.op, &l.value, &r.value)
        {
            let value = Value::Const(Const::VerifyMode(a | c));
            return Resolved {
                value,
                via: l.via.into_iter().chain(r.via).collect(),
            };
        }
        let value = match (&b.op, l.as_bool(), r.as_bool()) {
            (syn::BinOp::And(_), Some(a), Some(c)) => Value::Const(Const::Bool(a && c)),
            (syn::BinOp::Or(_), Some(a), Some(c)) => Value::Const(Const::Bool(a || c)),
            (syn::BinOp::And(_), Some(false), _) | (syn::BinOp::And(_), _, Some(false)) => {
                Value::Const(Const::Bool(false))
            }
            (syn::BinOp::Or(_), Some(true), _) | (syn::BinOp::Or(_), _, Some(true)) => {
                Value::Const(Const::Bool(true))
            }
            _ => {
                return [l, r]
                    .into_iter()
                    .find(|v| matches!(v.value, Value::Runtime(_)))
                    .unwrap_or_else(|| {
                        Resolved::of(Value::Runtime(format!(
                            "the value of `{}`",
                            compact(self.snippet(b))
                        )))
                    });
            }
        };
        Resolved {
            value,
            via: l.via.into_iter().chain(r.via).collect(),
        }
    }

    fn resolve_path(&self, path: &syn::Path, expr: &Expr, depth: usize) -> Resolved {
        let at = self.range(expr).start;
        if let Some(ident) = path.get_ident() {
            if let Some(r) = self.resolve_local(ident, at, depth) {
                return r;
            }
            for scope in self.scopes_at(at) {
                if scope.params.contains(&ident) {
                    if let Some(r) = self.closure_argument(scope, ident, depth) {
                        return r;
                    }
                    return Resolved::of(Value::Runtime(format!(
                        "the value comes from the function parameter `{ident}`"
                    )));
                }
            }
        }
        let Some(last) = path.segments.last() else {
            return Resolved::of(Value::Unknown);
        };
        let name = last.ident.to_string();
        if let Some(items) = self.consts.get(&name)
            && let Some(item) = items.first()
        {
            let mut r = self.resolve_depth(item.expr, depth + 1);
            if matches!(r.value, Value::Const(_)) {
                r.via.insert(
                    0,
                    (self.range(item.name), format!("`{name}` is defined here")),
                );
            }
            return r;
        }
        if let Some(version) = self.version_path(path) {
            return Resolved::of(Value::Const(Const::Version(version)));
        }
        if let Some(bits) = verify_mode::mode_path(self, path) {
            return Resolved::of(Value::Const(Const::VerifyMode(bits)));
        }
        if is_const_like(&name) {
            Resolved::of(Value::Pending(name))
        } else {
            Resolved::of(Value::Unknown)
        }
    }

    /// The protocol version a qualified path names (`Version::TLS_1_0`, or an imported name whose
    /// `use` qualifies it), read off its last segment.
    fn version_path(&self, path: &syn::Path) -> Option<Proto> {
        let segments = self.canonical_path(path);
        match segments.as_slice() {
            [.., _, last] => parse_proto(last),
            _ => None,
        }
    }

    /// `s.field` where `s` is an immutable `let` bound to a struct literal that sets `field`
    /// (`let s = Settings { insecure: true, .. };`): the value written there.
    fn resolve_field(&self, f: &syn::ExprField, depth: usize) -> Option<Resolved> {
        let Expr::Path(p) = peel(&f.base) else {
            return None;
        };
        let ident = p.path.get_ident()?;
        let syn::Member::Named(name) = &f.member else {
            return None;
        };
        let Local::Let(binding, _) = self.visible_local(ident, self.range(&*f.base).start)? else {
            return None;
        };
        if binding.mutable {
            return None;
        }
        let Expr::Struct(literal) = peel(binding.init?) else {
            return None;
        };
        let field = literal
            .fields
            .iter()
            .find(|fv| matches!(&fv.member, syn::Member::Named(n) if n == name))?;
        let mut r = self.resolve_depth(&field.expr, depth + 1);
        if matches!(r.value, Value::Const(_)) {
            r.via.push((
                self.range(&field.expr),
                format!("`{ident}.{name}` is set here"),
            ));
        }
        Some(r)
    }

    /// The local binding of `ident` visible at byte `at` (see [`Cx::visible_local`]).
    fn resolve_local(&self, ident: &syn::Ident, at: usize, depth: usize) -> Option<Resolved> {
        let (binding, scope) = match self.visible_local(ident, at)? {
            Local::Let(binding, scope) => (binding, scope),
            Local::Pattern(p) => return Some(self.resolve_pattern(p, depth)),
        };
        let mut values = Vec::new();
        if let Some(init) = binding.init {
            let mut r = self.resolve_depth(init, depth + 1);
            if matches!(r.value, Value::Const(_)) {
                r.via
                    .push((self.range(init), format!("`{ident}` is set here")));
            }
            values.push(r);
        }
        let alternatives = self.lets.iter().filter(|l| {
            binding.cfg
                && l.cfg
                && l.name == ident
                && l.block == binding.block
                && l.offset < binding.offset
        });
        let mut by_cfg = false;
        for alternative in alternatives {
            by_cfg = true;
            if let Some(init) = alternative.init {
                let mut r = self.resolve_depth(init, depth + 1);
                if matches!(r.value, Value::Const(_)) {
                    r.via.push((
                        self.range(init),
                        format!("`{ident}` is set here in the builds its `#[cfg]` keeps"),
                    ));
                }
                values.push(r);
            }
        }
        if binding.mutable || binding.init.is_none() {
            for a in &self.assigns {
                let target = self.range(&*a.left).start;
                let assigns_binding =
                    matches!(peel(&a.left), Expr::Path(p) if p.path.get_ident() == Some(ident));
                if assigns_binding && target > binding.offset && scope.contains(&target) {
                    let mut r = self.resolve_depth(&a.right, depth + 1);
                    if matches!(r.value, Value::Const(_)) {
                        r.via
                            .push((self.range(&*a.right), format!("`{ident}` is set here")));
                    }
                    values.push(r);
                }
            }
        }
        let first = values.first()?.value.clone();
        if values.iter().all(|v| v.value == first) {
            return Some(Resolved {
                value: first,
                via: values.into_iter().flat_map(|v| v.via).collect(),
            });
        }
        Some(
            values
                .into_iter()
                .find(|v| matches!(v.value, Value::Runtime(_)))
                .unwrap_or_else(|| {
                    Resolved::of(Value::Runtime(if by_cfg {
                        format!("`{ident}` is set differently under different `#[cfg]`s")
                    } else {
                        format!("`{ident}` is assigned different values")
                    }))
                }),
        )
    }
}

/// Whether a name looks like a `const`/`static` (SCREAMING_CASE).
fn is_const_like(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The constant a literal denotes.
pub fn lit_value(lit: &Lit) -> Value {
    match lit {
        Lit::Bool(b) => Value::Const(Const::Bool(b.value)),
        Lit::Int(i) => i
            .base10_parse::<i128>()
            .map_or(Value::Unknown, |i| Value::Const(Const::Int(i))),
        Lit::Str(s) => Value::Const(Const::Str(s.value())),
        _ => Value::Unknown,
    }
}

fn macro_value(mac: &syn::Macro) -> Value {
    let name = mac
        .path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    match name.as_str() {
        "cfg" => Value::Runtime(format!(
            "the value is `cfg!({})`, decided at build time",
            compact(&mac.tokens.to_string())
        )),
        "env" | "option_env" => Value::Runtime(format!(
            "the value comes from `{name}!({})` at build time",
            compact(&mac.tokens.to_string())
        )),
        _ => Value::Unknown,
    }
}

/// Where the value of a call comes from, for the runtime note.
fn call_origin(expr: &Expr, text: &str) -> String {
    if let Some(source) = named_source(expr) {
        let verb = if source.starts_with("the environment") {
            "comes from"
        } else {
            "is"
        };
        return format!("the value {verb} {source}");
    }
    if text.contains("env") && (text.contains("var") || text.contains("var_os")) {
        return "the value comes from the environment".to_string();
    }
    format!("the value comes from `{}` at run time", compact(text))
}

/// The named input `expr` reads somewhere: an environment variable, a command-line flag, a
/// configuration key or a URL query parameter ("the environment variable `X`").
pub(super) fn named_source(expr: &Expr) -> Option<String> {
    if let Some(var) = env_var_name(expr) {
        return Some(format!("the environment variable `{var}`"));
    }
    if let Some(flag) = flag_name(expr) {
        return Some(format!("the command-line flag `{flag}`"));
    }
    if let Some(key) = config_key(expr) {
        return Some(format!("the configuration key `{key}`"));
    }
    query_parameter(expr).map(|param| format!("the URL query parameter `{param}`"))
}

/// The variable name of `std::env::var("NAME")` somewhere in `expr`.
fn env_var_name(expr: &Expr) -> Option<String> {
    struct Find(Option<String>);
    impl<'a> syn::visit::Visit<'a> for Find {
        fn visit_expr_call(&mut self, c: &'a syn::ExprCall) {
            if let Expr::Path(p) = &*c.func {
                let segs: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                let is_env = matches!(segs.last().map(String::as_str), Some("var" | "var_os"))
                    && (segs.len() == 1
                        || segs
                            .iter()
                            .any(|s| matches!(s.as_str(), "env" | "dotenvy" | "dotenv")));
                if is_env
                    && let Some(Expr::Lit(syn::ExprLit {
                        lit: Lit::Str(s), ..
                    })) = c.args.first()
                {
                    self.0.get_or_insert(s.value());
                }
            }
            syn::visit::visit_expr_call(self, c);
        }
    }
    let mut f = Find(None);
    syn::visit::Visit::visit_expr(&mut f, expr);
    f.0
}

/// The command-line flag a method call reads somewhere in `expr`: clap's
/// `matches.get_flag("insecure")`, `get_one::<T>("insecure")`, `is_present("insecure")` (shown as
/// `--insecure`), pico-args' `args.contains("--insecure")` and `value_from_str("--min-tls")`.
fn flag_name(expr: &Expr) -> Option<String> {
    struct Find(Option<String>);
    impl<'a> syn::visit::Visit<'a> for Find {
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            let method = m.method.to_string();
            let reads_flag = matches!(
                method.as_str(),
                "get_flag"
                    | "get_one"
                    | "get_many"
                    | "is_present"
                    | "value_of"
                    | "contains"
                    | "value_from_str"
                    | "opt_value_from_str"
            );
            if reads_flag
                && let Some(Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                })) = m.args.first()
            {
                let name = s.value();
                let dashed = name.starts_with('-');
                let word = name.trim_start_matches('-');
                let plain = !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if plain && (dashed || method != "contains") {
                    self.0
                        .get_or_insert(format!("--{}", word.replace('_', "-")));
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    let mut f = Find(None);
    syn::visit::Visit::visit_expr(&mut f, expr);
    f.0
}

/// The configuration key a method call reads somewhere in `expr`: the `config` crate's
/// `cfg.get_bool("tls.insecure")` (`get_string`, `get_int`, `get_float`, `get::<T>(…)`),
/// figment's `extract_inner::<T>("tls.insecure")` and `find_value("…")`.
fn config_key(expr: &Expr) -> Option<String> {
    struct Find(Option<String>);
    impl<'a> syn::visit::Visit<'a> for Find {
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            let method = m.method.to_string();
            let reads_key = matches!(
                method.as_str(),
                "get_bool"
                    | "get_string"
                    | "get_int"
                    | "get_float"
                    | "extract_inner"
                    | "find_value"
            ) || (method == "get" && m.turbofish.is_some());
            if reads_key
                && m.args.len() == 1
                && let Some(Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                })) = m.args.first()
            {
                self.0.get_or_insert(s.value());
            }
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    let mut f = Find(None);
    syn::visit::Visit::visit_expr(&mut f, expr);
    f.0
}

/// The URL query parameter `expr` reads: a `url.query_pairs()` search that compares the key
/// with a string (`.find(|(k, _)| k == "insecure")`, `.any(|(k, v)| k == "insecure" && …)`).
fn query_parameter(expr: &Expr) -> Option<String> {
    struct Find {
        pairs: bool,
        key: Option<String>,
    }
    impl<'a> syn::visit::Visit<'a> for Find {
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            self.pairs |= m.method == "query_pairs";
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_binary(&mut self, b: &'a syn::ExprBinary) {
            if matches!(b.op, syn::BinOp::Eq(_)) && self.key.is_none() {
                let text = |e: &Expr| match e {
                    Expr::Lit(syn::ExprLit {
                        lit: Lit::Str(s), ..
                    }) => Some(s.value()),
                    _ => None,
                };
                self.key = text(&b.right).or_else(|| text(&b.left));
            }
            syn::visit::visit_expr_binary(self, b);
        }
    }
    let mut f = Find {
        pairs: false,
        key: None,
    };
    syn::visit::Visit::visit_expr(&mut f, expr);
    f.key.filter(|_| f.pairs)
}

/// Shortens source text for a note: whitespace folded, long text elided.
pub fn compact(text: &str) -> String {
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() > 60 {
        let cut: String = folded.chars().take(57).collect();
        format!("{cut}…")
    } else {
        folded
    }
}
