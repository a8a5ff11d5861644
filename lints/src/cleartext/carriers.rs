//! Credential carriers on HTTP and WebSocket requests and clients (`bearer_auth`, `basic_auth`,
//! `Authorization`/`Cookie`/API-key headers, curl `username`/`password`, isahc `credentials`,
//! the rmcp MCP client's `auth_header`),
//! and the URLs they travel to: on the same builder chain, the same local variable, or a client
//! built with them.

use std::ops::Range;

use syn::{Expr, ExprMethodCall};
use url::Url;

use super::hosts::Exemptions;
use crate::cx::{Cx, peel};
use crate::value::Const;
use crate::value::from_package::{FromPackage, url_from_package};
use crate::value::{Binding, StrValue, binding_at, call_site_arguments, str_value};

/// A credential put on a request or a client.
pub struct Credential<'a> {
    /// The call that carries it.
    pub call: &'a ExprMethodCall,
    /// Where to label it (the call, or the header-map insertion that holds it).
    pub range: Range<usize>,
    /// What it is, for the label.
    pub what: String,
}

/// A URL that a request is sent to.
pub struct Destination {
    /// Where the URL is used (the argument).
    pub site: Range<usize>,
    /// The URL's value and where it is written.
    pub value: StrValue,
    /// The parsed URL.
    pub url: Url,
}

/// A URL that a request is sent to, not written in its function: a parameter, a field of a
/// struct type or another file's constant, which the package decides.
pub struct PendingDestination {
    /// Where the URL is used (the argument).
    pub site: Range<usize>,
    /// Where it comes from.
    pub from: FromPackage,
}

/// The destinations of a credential: the URLs the file shows, and the ones the package decides.
#[derive(Default)]
pub struct Destinations {
    /// URLs with a value in this file, in source order.
    pub urls: Vec<Destination>,
    /// URLs that come from the package, in source order.
    pub pending: Vec<PendingDestination>,
}

/// A needle that lets a file with a credential carrier but no cleartext URL through the
/// prefilter: its destination may be a parameter, a field or another file's constant. A bare
/// `AUTHORIZATION` header is left to files that also build a request from a URL of their own
/// ([`HANDSHAKE_CARRIER_NEEDLE`]): the name alone is in most HTTP crates' files.
pub const CARRIER_NEEDLE: &str = "bearer_auth || basic_auth || auth_header";

/// A needle for a WebSocket handshake request given an `Authorization` header, whose URL may be
/// a parameter, a field or another file's constant.
pub const HANDSHAKE_CARRIER_NEEDLE: &str =
    "into_client_request && AUTHORIZATION || (?i)\"authorization\"";

/// Methods and functions whose arguments are a request's destination.
const URL_TAKERS: &[&str] = &[
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "request",
    "uri",
    "url",
    "ws",
    "connect",
    "connect_async",
    "client_async",
    "get_async",
    "post_async",
    "put_async",
    "delete_async",
    "patch_async",
    "base_url",
    "set_base_url",
    "with_base_url",
    "with_uri",
];

/// Constructors whose arguments are a destination: `Request::new(Method::GET, url)`,
/// `Proxy::http(url)` (a proxy's credentials travel to the proxy).
const URL_CONSTRUCTORS: &[(&str, &[&str])] =
    &[("Request", &["new"]), ("Proxy", &["http", "https", "all"])];

/// Every credential carrier in the file.
pub fn credentials<'a>(cx: &Cx<'a>) -> Vec<Credential<'a>> {
    let mut out = Vec::new();
    for m in &cx.method_calls {
        let name = m.method.to_string();
        let range = method_range(cx, m);
        let what = match (name.as_str(), m.args.len()) {
            ("bearer_auth", 1) | ("auth_header", 1) => Some("a bearer token".to_string()),
            ("basic_auth", 1 | 2) => Some("a basic-auth login".to_string()),
            ("username", 1) => Some("a user name".to_string()),
            ("password", 1) => Some("a password".to_string()),
            ("credentials", 1) => Some("credentials".to_string()),
            ("header" | "set" | "append_header_value" | "add_header" | "default_header", 2)
            | ("insert" | "append" | "try_insert", 2) => {
                let on_headers = !matches!(name.as_str(), "insert" | "append" | "try_insert")
                    || receiver_is_headers_mut(m);
                m.args
                    .first()
                    .filter(|a| on_headers && is_auth_header(cx, a))
                    .map(|a| header_label(cx, a))
            }
            ("insert_header" | "append_header" | "add_default_header", 1) => {
                match m.args.first().map(peel) {
                    Some(Expr::Tuple(t)) => t
                        .elems
                        .first()
                        .filter(|a| is_auth_header(cx, a))
                        .map(|a| header_label(cx, a)),
                    _ => None,
                }
            }
            ("query", 1) => query_credential(cx, m.args.first()),
            ("form" | "json" | "send_form" | "send_json" | "body_form" | "body_json", 1) => {
                m.args.first().and_then(|a| body_credential(cx, a, 0))
            }
            ("headers" | "default_headers", 1) => {
                if let Some(insert) = m.args.first().and_then(|a| auth_insert_into(cx, a)) {
                    let what = insert.args.first().map_or_else(
                        || "an authentication header".to_string(),
                        |a| header_label(cx, a),
                    );
                    out.push(Credential {
                        call: m,
                        range: method_range(cx, insert),
                        what,
                    });
                }
                None
            }
            _ => None,
        };
        if let Some(what) = what {
            out.push(Credential {
                call: m,
                range,
                what,
            });
        }
    }
    out
}

/// Client configurations written as a struct literal with both a destination and a credential:
/// the struct, its URL field, its credential field (which counts unless it is `None`), and what
/// the credential is. rmcp 0.8–3.x `StreamableHttpClientTransportConfig { uri, auth_header, .. }`
/// sends `auth_header` as a bearer token to `uri`.
const CONFIG_LITERALS: &[(&str, &str, &str, &str)] = &[(
    "StreamableHttpClientTransportConfig",
    "uri",
    "auth_header",
    "a bearer token",
)];

/// A credential in a configuration literal and the URL of the same literal.
pub struct LiteralLink {
    /// The URL.
    pub dest: Destination,
    /// Where the credential is set (the field).
    pub credential: Range<usize>,
    /// What it is, for the label.
    pub what: &'static str,
}

/// The credentials of configuration literals (see [`CONFIG_LITERALS`]) whose URL field is a
/// non-exempt `scheme` URL.
pub fn literal_links(cx: &Cx<'_>, scheme: &str, exempt: &Exemptions) -> Vec<LiteralLink> {
    let mut out = Vec::new();
    for s in &cx.structs {
        let Some(last) = s.path.segments.last() else {
            continue;
        };
        let Some((_, url_field, credential_field, what)) =
            CONFIG_LITERALS.iter().find(|(name, ..)| last.ident == name)
        else {
            continue;
        };
        let field = |name: &str| {
            s.fields
                .iter()
                .find(|f| matches!(&f.member, syn::Member::Named(n) if n == name))
        };
        let Some(credential) = field(credential_field).filter(|f| !is_none(&f.expr)) else {
            continue;
        };
        let Some(url) = field(url_field) else {
            continue;
        };
        let mut dests = Vec::new();
        push_url(cx, &url.expr, &mut dests);
        if let Some(dest) = dests
            .into_iter()
            .find(|d| d.url.scheme() == scheme && !exempt.url_is_exempt(&d.url))
        {
            out.push(LiteralLink {
                dest,
                credential: cx.range(credential),
                what,
            });
        }
    }
    out
}

/// Whether an expression is the literal `None`.
fn is_none(e: &Expr) -> bool {
    matches!(peel(e), Expr::Path(p) if p.path.is_ident("None"))
}

/// The credentials of the file by where they travel: to a non-exempt `scheme` URL the file shows,
/// grouped by the place the URL is used (a credential is reported once, with the first such URL
/// it travels to); else to a URL the package decides (the first one).
pub struct Links<'a> {
    /// Credentials sent to a cleartext URL of the file.
    pub cleartext: Vec<(Destination, Vec<Credential<'a>>)>,
    /// Credentials sent to a URL that is a parameter, a field or another file's constant.
    pub pending: Vec<(PendingDestination, Vec<Credential<'a>>)>,
}

/// The credentials of the file and where they travel (see [`Links`]).
pub fn cleartext_links<'a>(cx: &Cx<'a>, scheme: &str, exempt: &Exemptions) -> Links<'a> {
    let mut links = Links {
        cleartext: Vec::new(),
        pending: Vec::new(),
    };
    for credential in credentials(cx) {
        let Destinations { urls, pending } = destinations(cx, credential.call);
        let first = urls
            .into_iter()
            .find(|d| d.url.scheme() == scheme && !exempt.url_is_exempt(&d.url));
        match (first, pending.into_iter().next()) {
            (Some(dest), _) => group(&mut links.cleartext, dest, |d| &d.site, credential),
            (None, Some(dest)) => group(&mut links.pending, dest, |d| &d.site, credential),
            (None, None) => {}
        }
    }
    links
}

/// Adds `credential` to the group of `dest`'s site.
fn group<'a, D>(
    out: &mut Vec<(D, Vec<Credential<'a>>)>,
    dest: D,
    site: fn(&D) -> &Range<usize>,
    credential: Credential<'a>,
) {
    match out.iter_mut().find(|(d, _)| site(d) == site(&dest)) {
        Some((_, creds)) => {
            if !creds.iter().any(|c| c.range == credential.range) {
                creds.push(credential);
            }
        }
        None => out.push((dest, vec![credential])),
    }
}

/// The range from a method's name to its closing parenthesis.
pub fn method_range(cx: &Cx<'_>, m: &ExprMethodCall) -> Range<usize> {
    cx.range(&m.method).start..cx.span_range(m.paren_token.span.close()).end
}

/// "the `Authorization` header", from a header-name argument.
fn header_label(cx: &Cx<'_>, e: &Expr) -> String {
    let name = match str_value(cx, e) {
        Some(v) => v.text,
        None => cx.snippet(e).rsplit("::").next().unwrap_or("").to_string(),
    };
    format!("the `{name}` header")
}

fn receiver_is_headers_mut(m: &ExprMethodCall) -> bool {
    matches!(peel(&m.receiver), Expr::MethodCall(r) if r.method == "headers_mut")
}

/// Whether a header name is a credential: `AUTHORIZATION`, `PROXY_AUTHORIZATION`, `COOKIE`, or a
/// name that looks like a key or token (`X-Api-Key`, `X-Auth-Token`, `Private-Token`, …).
pub fn is_auth_header(cx: &Cx<'_>, e: &Expr) -> bool {
    match peel(e) {
        Expr::Path(p)
            if p.path.segments.len() > 1
                || p.path.segments.last().is_some_and(|s| {
                    s.ident
                        .to_string()
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '_')
                }) =>
        {
            let segs = cx.canonical_path(&p.path);
            if segs.last().is_some_and(|l| {
                matches!(
                    l.as_str(),
                    "AUTHORIZATION" | "PROXY_AUTHORIZATION" | "COOKIE"
                )
            }) {
                return true;
            }
            cx.resolve(e).as_str().is_some_and(is_auth_header_name)
        }
        Expr::Call(c) if c.args.len() == 1 => {
            let from = matches!(&*c.func, Expr::Path(f) if f.path.segments.last().is_some_and(|s| s.ident == "from_static" || s.ident == "from_bytes" || s.ident == "from_str" || s.ident == "try_from"));
            from && c.args.first().is_some_and(|a| is_auth_header(cx, a))
        }
        Expr::MethodCall(m)
            if matches!(
                m.method.to_string().as_str(),
                "as_str" | "as_bytes" | "parse" | "unwrap"
            ) =>
        {
            is_auth_header(cx, &m.receiver)
        }
        other => {
            matches!(cx.resolve(other).value, crate::value::Value::Const(Const::Str(ref s)) if is_auth_header_name(s))
        }
    }
}

/// Header names that carry a credential.
pub fn is_auth_header_name(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    if n.is_empty()
        || n.len() > 64
        || !n
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return false;
    }
    matches!(
        n.as_str(),
        "authorization" | "proxy-authorization" | "cookie" | "ocp-apim-subscription-key"
    ) || ["apikey", "api-key", "api_key", "token", "secret", "auth"]
        .iter()
        .any(|k| n.contains(k))
}

/// The first query parameter of `url` that carries a non-empty credential (`?access_token=…`).
pub fn credential_query_param(url: &url::Url) -> Option<String> {
    url.query_pairs()
        .find(|(k, v)| is_credential_param(k) && !v.is_empty())
        .map(|(k, _)| k.into_owned())
}

/// Query parameter names that carry a credential (`api_key`, `access_token`, …); pagination
/// and CSRF tokens are not among them.
pub fn is_credential_param(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    matches!(
        n.as_str(),
        "token"
            | "access_token"
            | "auth_token"
            | "id_token"
            | "refresh_token"
            | "private_token"
            | "api_key"
            | "apikey"
            | "api-key"
            | "key"
            | "auth"
            | "secret"
            | "client_secret"
            | "password"
            | "passwd"
            | "pwd"
            | "jwt"
            | "appid"
            | "app_key"
            | "bearer"
    )
}

/// `.query(&[("api_key", key)])`: the credential parameter, for the label.
fn query_credential(cx: &Cx<'_>, arg: Option<&Expr>) -> Option<String> {
    let Expr::Array(array) = peel(arg?) else {
        return None;
    };
    array.elems.iter().find_map(|e| match peel(e) {
        Expr::Tuple(t) => {
            let key = str_value(cx, t.elems.first()?)?;
            is_credential_param(&key.text).then(|| format!("the `{}` query parameter", key.text))
        }
        _ => None,
    })
}

/// A request body (`.form(…)`, `.json(…)`, ureq `send_form`/`send_json`) with a credential field:
/// an array of `(name, value)` pairs, a struct literal, a `json!({…})` object, or a `let` bound
/// to one of them.
fn body_credential(cx: &Cx<'_>, arg: &Expr, depth: usize) -> Option<String> {
    let credential = |name: &str| {
        is_credential_param(name) && !matches!(name.to_ascii_lowercase().as_str(), "key" | "auth")
    };
    let label = |name: &str| format!("the `{name}` field of the request body");
    match peel(arg) {
        Expr::Array(array) => array.elems.iter().find_map(|e| match peel(e) {
            Expr::Tuple(t) => {
                let key = str_value(cx, t.elems.first()?)?;
                credential(&key.text).then(|| label(&key.text))
            }
            _ => None,
        }),
        Expr::Struct(st) => st.fields.iter().find_map(|f| match &f.member {
            syn::Member::Named(name) => {
                let name = name.to_string();
                credential(&name).then(|| label(&name))
            }
            syn::Member::Unnamed(_) => None,
        }),
        Expr::Macro(m)
            if m.mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "json") =>
        {
            json_keys(m.mac.tokens.clone())
                .into_iter()
                .find(|k| credential(k))
                .map(|k| label(&k))
        }
        Expr::Path(p) if depth < 2 => {
            match binding_at(cx, p.path.get_ident()?, cx.range(arg).start) {
                Binding::Let(init) => body_credential(cx, init, depth + 1),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The string keys of a `json!` object (`"password": …`), at any depth.
fn json_keys(tokens: proc_macro2::TokenStream) -> Vec<String> {
    let mut keys = Vec::new();
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            proc_macro2::TokenTree::Group(g) => keys.extend(json_keys(g.stream())),
            proc_macro2::TokenTree::Literal(l) => {
                let colon = matches!(trees.peek(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == ':');
                if let (true, syn::Lit::Str(s)) = (colon, syn::Lit::new(l)) {
                    keys.push(s.value());
                }
            }
            _ => {}
        }
    }
    keys
}

/// For `headers(map)` / `default_headers(map)`: the `map.insert(AUTHORIZATION, …)` that puts a
/// credential in the map, in the same function, or in the helper function that builds the map
/// (`default_headers(auth_headers(&token))`).
fn auth_insert_into<'a>(cx: &Cx<'a>, arg: &Expr) -> Option<&'a ExprMethodCall> {
    let inserts = |scope: std::ops::Range<usize>, before: usize, map: Option<&syn::Ident>| {
        cx.method_calls.iter().copied().find(move |m| {
            let r = cx.range(*m);
            matches!(m.method.to_string().as_str(), "insert" | "append" | "try_insert")
                && r.start < before
                && scope.contains(&r.start)
                && map.is_none_or(|map| matches!(peel(&m.receiver), Expr::Path(rp) if rp.path.get_ident() == Some(map)))
                && m.args.first().is_some_and(|a| is_auth_header(cx, a))
        })
    };
    match peel(arg) {
        Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => {
            auth_insert_into(cx, &m.receiver)
        }
        Expr::Path(p) => {
            let ident = p.path.get_ident()?;
            let at = cx.range(arg).start;
            let scope = cx
                .scope_at(at)
                .map(|s| s.range.clone())
                .unwrap_or(0..cx.text.len());
            inserts(scope, at, Some(ident))
        }
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else { return None };
            let name = &f.path.segments.last()?.ident;
            let helper = cx
                .scopes
                .iter()
                .find(|s| s.name == Some(name) && s.body.is_some())?;
            inserts(helper.range.clone(), helper.range.end, None)
        }
        _ => None,
    }
}

/// The destinations a credential travels to, in source order.
pub fn destinations(cx: &Cx<'_>, carrier: &ExprMethodCall) -> Destinations {
    let mut out = Destinations::default();
    let outer = cx.outermost_call(carrier);
    let range = cx.range(outer);
    let scope = cx
        .scope_at(range.start)
        .map(|s| s.range.clone())
        .unwrap_or(0..cx.text.len());
    chain_urls(cx, outer, 0, &mut out);
    let root = chain_root_ident(cx, outer);
    let binding = cx.lets.iter().find(|l| {
        l.init.is_some_and(|i| {
            let r = cx.range(i);
            r.start <= range.start && range.end <= r.end
        }) && scope.contains(&l.offset)
    });
    for field in struct_fields_holding(cx, &range, &scope, binding.map(|b| b.name)) {
        for m in &cx.method_calls {
            let on_field = matches!(cx.chain_root_of(m), Expr::Field(f) if matches!(&f.member, syn::Member::Named(n) if n == field));
            if on_field && is_outermost(cx, m) {
                chain_urls(cx, m, 2, &mut out);
            }
        }
    }
    if let Some(binding) = binding {
        for m in &cx.method_calls {
            let r = cx.range(*m);
            let later_use = r.start > range.end
                && scope.contains(&r.start)
                && chain_root_ident(cx, m).is_some_and(|i| i == binding.name);
            if later_use && is_outermost(cx, m) {
                chain_urls(cx, m, 2, &mut out);
            }
        }
    }
    if let Some(root) = root {
        for m in &cx.method_calls {
            let r = cx.range(*m);
            if m.method == "url"
                && scope.contains(&r.start)
                && chain_root_ident(cx, m).is_some_and(|i| i == root)
            {
                chain_urls(cx, m, 2, &mut out);
            }
        }
    }
    out.urls.sort_by_key(|d| d.site.start);
    out.urls.dedup_by_key(|d| d.site.clone());
    out.pending.sort_by_key(|d| d.site.start);
    out.pending.dedup_by_key(|d| d.site.clone());
    out
}

/// The struct fields a client is stored in (`Self { client, .. }`, `Self { client: builder…build()? }`),
/// from the client's chain at `chain` or the variable it is bound to, in the same function.
fn struct_fields_holding<'a>(
    cx: &Cx<'a>,
    chain: &Range<usize>,
    scope: &Range<usize>,
    var: Option<&syn::Ident>,
) -> Vec<&'a syn::Ident> {
    let mut out = Vec::new();
    for s in &cx.structs {
        if !scope.contains(&cx.range(*s).start) {
            continue;
        }
        for f in &s.fields {
            let syn::Member::Named(name) = &f.member else {
                continue;
            };
            let r = cx.range(&f.expr);
            let holds_chain = r.start <= chain.start && chain.end <= r.end;
            let holds_var = var.is_some_and(
                |v| matches!(peel(&f.expr), Expr::Path(p) if p.path.get_ident() == Some(v)),
            );
            if holds_chain || holds_var {
                out.push(name);
            }
        }
    }
    out
}

fn is_outermost(cx: &Cx<'_>, m: &ExprMethodCall) -> bool {
    std::ptr::eq(cx.outermost_call(m), m)
}

fn chain_root_ident<'m>(cx: &'m Cx<'_>, m: &'m ExprMethodCall) -> Option<&'m syn::Ident> {
    match cx.chain_root_of(m) {
        Expr::Path(p) => p.path.get_ident(),
        _ => None,
    }
}

/// The URLs given to the calls of a chain, its root, and (through `let`) the chain its root
/// variable was built from.
fn chain_urls(cx: &Cx<'_>, outer: &ExprMethodCall, depth: usize, out: &mut Destinations) {
    if URL_TAKERS.iter().any(|n| outer.method == n) {
        outer.args.iter().for_each(|a| push_destination(cx, a, out));
    }
    let mut e: &Expr = &outer.receiver;
    loop {
        match peel(e) {
            Expr::MethodCall(c) => {
                if URL_TAKERS.iter().any(|n| c.method == n) {
                    c.args.iter().for_each(|a| push_destination(cx, a, out));
                }
                e = &c.receiver;
            }
            Expr::Try(t) => e = &t.expr,
            Expr::Await(a) => e = &a.base,
            Expr::Call(c) => {
                let takes_url = matches!(&*c.func, Expr::Path(f) if takes_url(&f.path));
                if takes_url {
                    c.args.iter().for_each(|a| push_destination(cx, a, out));
                }
                return;
            }
            root @ Expr::Path(p) => {
                push_url(cx, root, &mut out.urls);
                let Some(ident) = p.path.get_ident() else {
                    return;
                };
                if depth >= 3 {
                    return;
                }
                match binding_at(cx, ident, cx.range(root).start) {
                    Binding::Let(init) => match peel_wrappers(init) {
                        Expr::MethodCall(init) => chain_urls(cx, init, depth + 1, out),
                        Expr::Call(c) if matches!(&*c.func, Expr::Path(f) if takes_url(&f.path)) => {
                            c.args.iter().for_each(|a| push_destination(cx, a, out));
                        }
                        _ => {}
                    },
                    Binding::Param(Some((func, index, at))) => {
                        for arg in call_site_arguments(cx, func, index, at) {
                            if let Expr::MethodCall(arg) = peel_wrappers(arg) {
                                chain_urls(cx, arg, depth + 1, out);
                            }
                        }
                    }
                    _ => {}
                }
                return;
            }
            root => {
                push_url(cx, root, &mut out.urls);
                return;
            }
        }
    }
}

/// Whether a function path takes a destination URL (`reqwest::get`, `Request::new`, `Proxy::all`).
fn takes_url(path: &syn::Path) -> bool {
    let mut segs = path.segments.iter().rev().map(|s| s.ident.to_string());
    let last = segs.next().unwrap_or_default();
    let owner = segs.next().unwrap_or_default();
    URL_TAKERS.contains(&last.as_str())
        || URL_CONSTRUCTORS
            .iter()
            .any(|(o, fns)| owner == *o && fns.contains(&last.as_str()))
}

/// Strips `?`, `.await` and references around a `let` initializer.
fn peel_wrappers(mut e: &Expr) -> &Expr {
    loop {
        e = match peel(e) {
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => &a.base,
            other => return other,
        };
    }
}

fn push_url(cx: &Cx<'_>, arg: &Expr, out: &mut Vec<Destination>) {
    if let Some(value) = str_value(cx, arg)
        && let Some(url) = value.url()
    {
        out.push(Destination {
            site: cx.range(arg),
            value,
            url,
        });
    }
}

/// A destination argument: its URL as the file shows it, and where the package decides it when
/// it is a parameter, a field or another file's constant (callers in other files may pass
/// another URL than the file's own).
fn push_destination(cx: &Cx<'_>, arg: &Expr, out: &mut Destinations) {
    push_url(cx, arg, &mut out.urls);
    if let Some(from) = url_from_package(cx, arg) {
        out.pending.push(PendingDestination {
            site: cx.range(arg),
            from,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::is_auth_header_name;

    #[test]
    fn auth_header_names() {
        for name in [
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "X-Api-Key",
            "api_key",
            "X-Auth-Token",
            "Private-Token",
            "X-Vault-Token",
            "Ocp-Apim-Subscription-Key",
            "x-client-secret",
        ] {
            assert!(is_auth_header_name(name), "{name}");
        }
        for name in [
            "Accept",
            "Content-Type",
            "Set-Cookie",
            "User-Agent",
            "sasl.password",
            "X-Request-Id",
            "",
        ] {
            assert!(!is_auth_header_name(name), "{name}");
        }
    }
}
