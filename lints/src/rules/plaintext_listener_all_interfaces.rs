//! TLS603 `plaintext_listener_all_interfaces`: a plain HTTP server (axum, hyper, actix-web, warp,
//! poem, salvo, tide, tonic, the rmcp and rust-mcp-sdk MCP servers, pingora) bound to
//! `0.0.0.0`/`[::]`, unless it only redirects to `https://`. Whether the package also sets up a
//! TLS acceptor (a package fact, [`TLS_ACCEPTOR`], joined by the engine) only changes the
//! finding's note and label.

use syn::Expr;

use crate::cx::{Cx, chain_root, peel};
use crate::diagnostic::Diagnostic;
use crate::facts::{Condition, Fact};
use crate::fix::{Applicability, Edit, Fix, plain_string_body};
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::address::{all_interfaces, ephemeral_port, fallback_value, passed_through};
use crate::value::fields::field_at;
use crate::value::{Dangerous, Value, compact, parameter_at};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS603",
    name: "plaintext_listener_all_interfaces",
    default_level: Level::Warn,
    summary: "a plain HTTP server listening on all interfaces",
    cwe: &[319],
    needles: &[
        "0.0.0.0 || [::] || \"::\" || UNSPECIFIED || 0, 0, 0, 0 || 0,0,0,0 || [0; 4] && bind || serve || HyperServerOptions || AxumServerOptions || add_tcp && axum || hyper || actix_web || warp || poem || salvo || tide || tonic || HttpServer || rmcp || rust_mcp_sdk || pingora",
        "::bind( || .bind( || add_tcp || SseServerConfig || HyperServerOptions || AxumServerOptions && axum || hyper || actix_web || warp || poem || salvo || tide || tonic || HttpServer || rmcp || rust_mcp_sdk || pingora",
        "TlsAcceptor",
        "SslAcceptor",
        "bind_rustls",
        "bind_openssl",
        "listen_rustls",
        "listen_openssl",
        "RustlsConfig",
        "OpenSSLConfig",
        "RustlsAcceptor",
        "TlsListener",
        "RustlsListener",
        "ServerTlsConfig",
        "with_single_cert",
        "tls_config",
        "cert_path",
        "add_tls",
    ],
    docs: r#"### What it does
Flags a plain HTTP server that listens on every interface (`0.0.0.0`, `[::]`,
`Ipv4Addr::UNSPECIFIED`, `SocketAddr::from(([0, 0, 0, 0], port))`): `TcpListener::bind` in a file
of an axum, hyper, poem or salvo server, `axum::Server::bind`/`hyper::Server::bind`, actix-web
`HttpServer::bind`, warp `serve(…).run(…)`, tonic `Server::builder()….serve(addr)`, the MCP
servers of rmcp (`SseServer::serve(addr)`, `SseServerConfig { bind: addr, .. }`) and
rust-mcp-sdk (`HyperServerOptions { host: "0.0.0.0".into(), .. }` in 0.7, `AxumServerOptions` of
rust-mcp-axum in 2.0, without `enable_ssl: true`), pingora `add_tcp(addr)`. A UDP socket accepts
no connection and port 0 is an ephemeral local bind (a client's), so neither is reported. A
listener is judged by what it serves: one that only redirects to `https://` (an axum router whose
every handler returns such a `Redirect`, a redirect handler served by `axum_server::bind`) is not
reported, and neither is a tonic server with `tls_config`; a plain listener in a package that also
terminates TLS elsewhere (rustls or openssl configs, `bind_rustls`, `bind_openssl`,
`TlsAcceptor`, pingora `add_tls`, …) still exposes what it serves and is reported, pointing at
the acceptor.

The address is followed through the package: a parameter of the function that binds
(`fn serve(addr: &str)`) is judged by what its callers pass, a field of a struct type
(`self.listen`) by the values the package gives it (struct literals, `Default`), each reported
when one of them is an all-interfaces address string, labelled there; an address read from the
environment with a default (`env::var("BIND").unwrap_or("0.0.0.0:8080".into())`,
`unwrap_or_else(|_| …)`) is reported when the default is all-interfaces, the note naming the
variable. Loopback values and defaults are not reported.

### Why is this bad?
Everything sent to the server, passwords and session cookies included, crosses the network in
clear text, readable and changeable by anyone on the path (CWE-319). Services behind a
TLS-terminating proxy should listen on loopback or a private interface only.

### Example
```rust
async fn serve(app: axum::Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await
}
```

Use instead:
```rust
async fn serve(app: axum::Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
    axum::serve(listener, app).await
}
```

### Fix
When the address is written at the call, it becomes its loopback counterpart: `0.0.0.0` →
`127.0.0.1` and `[::]` → `[::1]` in a string literal (also in `format!`),
`Ipv4Addr::UNSPECIFIED` → `Ipv4Addr::LOCALHOST`, `[0, 0, 0, 0]` and `Ipv4Addr::new(0, 0, 0, 0)` →
`127, 0, 0, 1`. Maybe incorrect, so only `--unsafe-fixes` applies it: a server in a container, or
behind a proxy on another host, is then unreachable.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

const SERVER_CRATES: &[&str] = &[
    "axum",
    "hyper",
    "actix_web",
    "warp",
    "poem",
    "salvo",
    "tide",
    "tonic",
    "rmcp",
    "rust_mcp_sdk",
    "rust_mcp_axum",
    "pingora",
    "pingora_core",
    "pingora_proxy",
];

/// The crates of pingora, whose `add_tcp(addr)` is a plain listener.
const PINGORA: &[&str] = &["pingora", "pingora_core", "pingora_proxy"];

/// Functions that bind and serve the address they are given: rmcp 0.3–0.8
/// `SseServer::serve(addr)`.
const SERVING_FUNCTIONS: &[&[&str]] = &[&["SseServer", "serve"]];

/// Server options whose field is the listening address: the struct, the field, and the field of
/// the same literal that turns TLS on (rmcp `SseServerConfig { bind, .. }`, rust-mcp-sdk 0.7
/// `HyperServerOptions { host, enable_ssl, .. }`, rust-mcp-axum 2.0 `AxumServerOptions`, its
/// successor).
const ADDRESS_FIELDS: &[(&str, &str, Option<&str>)] = &[
    ("SseServerConfig", "bind", None),
    ("HyperServerOptions", "host", Some("enable_ssl")),
    ("AxumServerOptions", "host", Some("enable_ssl")),
];

const ACCEPTOR_TYPES: &[&str] = &[
    "TlsAcceptor",
    "SslAcceptor",
    "SslAcceptorBuilder",
    "RustlsConfig",
    "OpenSSLConfig",
    "RustlsAcceptor",
    "OpenSSLAcceptor",
    "TlsListener",
    "RustlsListener",
    "OpensslListener",
    "ServerTlsConfig",
];

const ACCEPTOR_METHODS: &[&str] = &[
    "with_single_cert",
    "with_cert_resolver",
    "tls_config",
    "key_path",
    "cert_path",
    "rustls",
    "openssl",
    "add_tls",
    "add_tls_with_settings",
];

/// The package sets up a TLS acceptor (a server that terminates TLS), in code that is not test
/// code: a plain listener's finding then says so and points at it.
static TLS_ACCEPTOR: Fact = Fact {
    name: "sets up a TLS acceptor",
    label: "a TLS acceptor is set up here",
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    if !cx.is_test_target {
        if let Some(at) = tls_acceptor_site(cx) {
            sink.establish(&TLS_ACCEPTOR, Some(at));
        } else if imports_acceptor(cx) {
            sink.establish(&TLS_ACCEPTOR, None);
        }
    }
    if !SERVER_CRATES.iter().any(|c| cx.mentions_crate(c)) && !cx.code().contains("HttpServer") {
        return;
    }
    for c in &cx.calls {
        let Expr::Path(p) = &*c.func else { continue };
        let Some(last) = p.path.segments.last() else {
            continue;
        };
        let serves = SERVING_FUNCTIONS
            .iter()
            .any(|suffix| cx.path_ends_with(&p.path, suffix));
        if !serves
            && (last.ident != "bind" || p.path.segments.len() < 2 || is_datagram(cx, &p.path))
        {
            continue;
        }
        if let Some(arg) = c.args.first() {
            report(cx, sink, arg, served_by_listener(cx, cx.range(*c)));
        }
    }
    for m in &cx.method_calls {
        let name = m.method.to_string();
        let root = root_text(cx, &m.receiver);
        let server_chain = match name.as_str() {
            "bind" | "bind_auto_h2c" => root.contains("HttpServer"),
            "run" => root.contains("serve"),
            "serve" | "serve_with_shutdown" => {
                root.contains("Server::builder")
                    && cx.mentions_crate("tonic")
                    && !on_chain(&m.receiver, "tls_config")
            }
            "add_tcp" | "add_tcp_with_settings" => PINGORA.iter().any(|c| cx.mentions_crate(c)),
            _ => false,
        };
        if let Some(arg) = m.args.first().filter(|_| server_chain) {
            report(
                cx,
                sink,
                arg,
                root_call(cx, &m.receiver).and_then(|c| c.args.first()),
            );
        }
    }
    check_address_fields(cx, sink);
}

/// The address fields of server options written as a struct literal, unless the same literal
/// turns TLS on (or decides it at run time).
fn check_address_fields(cx: &Cx<'_>, sink: &mut Sink) {
    for s in &cx.structs {
        let Some(last) = s.path.segments.last() else {
            continue;
        };
        let Some((_, field, tls)) = ADDRESS_FIELDS
            .iter()
            .find(|(name, _, _)| last.ident == name)
        else {
            continue;
        };
        let value_of = |name: &str| {
            s.fields.iter().find_map(|f| match &f.member {
                syn::Member::Named(n) if n == name => Some(&f.expr),
                _ => None,
            })
        };
        let tls_on = tls
            .and_then(value_of)
            .is_some_and(|v| cx.resolve(v).as_bool() != Some(false));
        if let Some(address) = value_of(field).filter(|_| !tls_on) {
            report(cx, sink, address, None);
        }
    }
}

const MESSAGE: &str = "plain HTTP server listening on all interfaces";

const HELP: &str = "terminate TLS in the server (`axum_server::bind_rustls`, actix-web `bind_rustls_0_23`/`bind_openssl`), or listen on `127.0.0.1` behind a TLS-terminating proxy";

fn report(cx: &Cx<'_>, sink: &mut Sink, arg: &Expr, served: Option<&Expr>) {
    if ephemeral_port(cx, arg, 0) || served.is_some_and(|s| redirects_only(cx, s, 0)) {
        return;
    }
    let Some(shown) = all_interfaces(cx, arg, 0) else {
        return from_package(cx, sink, arg);
    };
    let mut d = Diagnostic::new(&RULE, MESSAGE, cx.range(arg))
        .label(format!(
            "`{shown}` accepts connections on every network interface"
        ))
        .help(HELP);
    if let Some(fallback) = fallback_of(cx, arg, 0)
        && let Some(default) = fallback_value(fallback)
    {
        let origin = match cx.resolve(&fallback.receiver).value {
            Value::Runtime(origin) => origin,
            _ => format!(
                "the value comes from `{}`",
                compact(cx.snippet(&*fallback.receiver))
            ),
        };
        d = d
            .secondary(
                cx.range(default),
                "the default, used when the value is not set",
            )
            .note(format!(
                "{origin}; when it is not set, the default `{shown}` listens on every interface"
            ));
    }
    // Maybe incorrect: a server in a container or behind a proxy on another host is then
    // unreachable.
    if let Some(edit) = loopback(cx, arg, 0) {
        d = d.fix(Fix::new(
            "listen on loopback only",
            Applicability::MaybeIncorrect,
            edit,
        ));
    }
    let alone = d.clone().note("no file of this package sets up a TLS acceptor, so requests and responses cross the network in clear text");
    let beside = d.note("this package also terminates TLS, but this listener serves plain HTTP, so what it serves crosses the network in clear text; a listener that only redirects to `https://` is not reported");
    sink.defer(alone, Condition::Without(&TLS_ACCEPTOR));
    sink.defer(beside, Condition::With(&TLS_ACCEPTOR));
}

/// The words of the needle that lets a file without an address literal through the prefilter:
/// an address is followed through the package only in a file that has one.
const FOLLOWED: &[&str] = &[
    "::bind(",
    ".bind(",
    "add_tcp",
    "SseServerConfig",
    "HyperServerOptions",
    "AxumServerOptions",
];

/// A listener whose address is a parameter of its function or a field of a struct type waits for
/// the package: a caller that passes, or a struct value that holds, an all-interfaces address
/// string makes the finding, labelled there.
fn from_package(cx: &Cx<'_>, sink: &mut Sink, arg: &Expr) {
    if !FOLLOWED.iter().any(|w| cx.code().contains(w)) {
        return;
    }
    let mut value = peel(arg);
    for _ in 0..6 {
        match passed_through(value) {
            Some(inner) => value = peel(inner),
            None => break,
        }
    }
    let (what, condition) = if let Some(parameter) = parameter_at(cx, value) {
        (
            format!(
                "`{}` is a parameter of `{}`",
                parameter.name, parameter.function
            ),
            Condition::Parameter {
                parameter,
                dangerous: Dangerous::AllInterfaces,
                if_runtime: None,
            },
        )
    } else if let Some(field) = field_at(cx, value) {
        (
            format!("the address is the field `{}.{}`", field.owner, field.field),
            Condition::Field {
                field,
                dangerous: Dangerous::AllInterfaces,
                if_runtime: None,
            },
        )
    } else {
        return;
    };
    let d = Diagnostic::new(&RULE, MESSAGE, cx.range(value))
        .label(what)
        .note(
            "this listener serves plain HTTP, so what it serves crosses the network in clear text",
        )
        .help(HELP);
    sink.defer(d, condition);
}

/// The `unwrap_or`/`unwrap_or_else` call whose default an address falls back to, through the
/// calls that hand it on and immutable `let`s: `env::var("BIND").unwrap_or("0.0.0.0:80".into())`.
fn fallback_of<'a>(cx: &Cx<'a>, e: &'a Expr, depth: usize) -> Option<&'a syn::ExprMethodCall> {
    if depth > 6 {
        return None;
    }
    let e = peel(e);
    if let Expr::MethodCall(m) = e
        && fallback_value(m).is_some()
    {
        return Some(m);
    }
    if let Some(inner) = passed_through(e) {
        return fallback_of(cx, inner, depth + 1);
    }
    let Expr::Path(p) = e else { return None };
    let binding = cx.binding_at(p.path.get_ident()?, cx.range(e).start)?;
    (!binding.mutable)
        .then_some(binding.init)
        .flatten()
        .and_then(|init| fallback_of(cx, init, depth + 1))
}

/// Whether a method named `name` is called on the chain that ends in `e`.
fn on_chain(mut e: &Expr, name: &str) -> bool {
    loop {
        match peel(e) {
            Expr::MethodCall(m) if m.method == name => return true,
            Expr::MethodCall(m) => e = &m.receiver,
            Expr::Try(t) => e = &t.expr,
            Expr::Await(a) => e = &a.base,
            _ => return false,
        }
    }
}

/// The call at the root of a chain, through one `let`: `HttpServer::new(app)` in
/// `server.bind(…)`, `warp::serve(filter)` in `….run(…)`.
fn root_call<'a>(cx: &Cx<'a>, receiver: &'a Expr) -> Option<&'a syn::ExprCall> {
    let mut root = chain_root(receiver);
    if let Expr::Path(p) = root
        && let Some(ident) = p.path.get_ident()
        && let Some(init) = cx
            .binding_at(ident, cx.range(root).start)
            .and_then(|l| l.init)
    {
        root = chain_root(init);
    }
    match root {
        Expr::Call(c) => Some(c),
        _ => None,
    }
}

/// What the listener bound at `bind` serves: `x` in `….bind(addr).serve(x)`, in
/// `axum::serve(listener, x)` with the listener written there or bound by a `let`, or in
/// `server.serve(x)` where `server` is bound to the bind.
fn served_by_listener<'a>(cx: &Cx<'a>, bind: std::ops::Range<usize>) -> Option<&'a Expr> {
    let inside = |e: &Expr| {
        let r = cx.range(e);
        r.start <= bind.start && bind.end <= r.end
    };
    let name = cx
        .lets
        .iter()
        .find(|l| l.init.is_some_and(&inside))
        .map(|l| l.name);
    let is_listener = |e: &Expr| {
        inside(e)
            || matches!(peel(chain_root(e)), Expr::Path(p) if name.is_some_and(|n| p.path.is_ident(n)))
    };
    let by_method = cx.method_calls.iter().find(|m| {
        matches!(
            m.method.to_string().as_str(),
            "serve" | "serve_with_shutdown"
        ) && is_listener(chain_root(&m.receiver))
    });
    if let Some(m) = by_method {
        return m.args.first();
    }
    cx.calls
        .iter()
        .find(|c| {
            matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "serve"))
                && c.args.first().is_some_and(is_listener)
        })
        .and_then(|c| c.args.iter().nth(1))
}

/// Whether a service only redirects to `https://`: a router (axum `Router::new()`, actix
/// `App::new()`) whose every handler redirects, a handler function or closure that returns a
/// redirect to an `https://` address, through `get(…)`, `service_fn(…)`, `into_make_service()`,
/// layers and `let`s.
fn redirects_only(cx: &Cx<'_>, e: &Expr, depth: usize) -> bool {
    if depth > 8 {
        return false;
    }
    match peel(e) {
        Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "into_make_service"
            | "into_make_service_with_connect_info"
            | "with_state"
            | "layer"
            | "wrap"
            | "into_service"
            | "boxed" => redirects_only(cx, &m.receiver, depth + 1),
            "route" | "route_service" | "fallback" | "fallback_service" | "default_service"
            | "to" => {
                m.args
                    .last()
                    .is_some_and(|h| redirects_only(cx, h, depth + 1))
                    && (is_empty_router(&m.receiver) || redirects_only(cx, &m.receiver, depth + 1))
            }
            _ => false,
        },
        Expr::Call(c) => {
            let Expr::Path(p) = &*c.func else {
                return false;
            };
            let wraps = p.path.segments.last().is_some_and(|s| {
                matches!(
                    s.ident.to_string().as_str(),
                    "get"
                        | "post"
                        | "any"
                        | "on"
                        | "service_fn"
                        | "from_fn"
                        | "to"
                        | "get_service"
                        | "any_service"
                        | "handler_fn"
                )
            });
            wraps
                && c.args
                    .last()
                    .is_some_and(|h| redirects_only(cx, h, depth + 1))
        }
        Expr::Closure(c) => match peel(&c.body) {
            chain @ Expr::MethodCall(_) => redirects_only(cx, chain, depth + 1),
            body => redirect_text(cx.snippet(body)),
        },
        Expr::Path(p) => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let at = cx.range(e).start;
            if let Some(ident) = p.path.get_ident()
                && let Some(binding) = cx.binding_at(ident, at)
            {
                return !binding.mutable
                    && binding
                        .init
                        .is_some_and(|i| redirects_only(cx, i, depth + 1));
            }
            cx.scopes
                .iter()
                .filter(|s| s.name.is_some_and(|n| *n == last.ident))
                .filter_map(|s| s.body)
                .any(|body| redirect_text(cx.snippet(body)))
        }
        _ => false,
    }
}

/// `Router::new()`, `App::new()`, `web::get()`: a router or route that has no handler yet.
fn is_empty_router(e: &Expr) -> bool {
    matches!(peel(e), Expr::Call(c) if c.args.is_empty())
}

/// Whether a handler's text answers with a redirect (`Redirect::…`, a `Location` header) to an
/// `https://` address.
fn redirect_text(text: &str) -> bool {
    let redirects = ["Redirect", "redirect", "LOCATION", "Location", "location"]
        .iter()
        .any(|w| text.contains(w));
    redirects && text.contains("\"https://")
}

/// The edit that turns an all-interfaces address written at the call into its loopback
/// counterpart: `"0.0.0.0:8080"` → `"127.0.0.1:8080"`, `"[::]:80"` → `"[::1]:80"`,
/// `Ipv4Addr::UNSPECIFIED` → `Ipv4Addr::LOCALHOST`, `[0, 0, 0, 0]` and `new(0, 0, 0, 0)` →
/// `127, 0, 0, 1`. Values reached through bindings or constants are left alone (they may be used
/// elsewhere).
fn loopback(cx: &Cx<'_>, e: &Expr, depth: usize) -> Option<Edit> {
    if depth > 6 {
        return None;
    }
    if let Some(inner) = passed_through(peel(e)) {
        return loopback(cx, inner, depth + 1);
    }
    match peel(e) {
        Expr::Array(a) if a.elems.len() == 4 && all_zero(&a.elems) => {
            Some(Edit::replace(cx.range(a), "[127, 0, 0, 1]"))
        }
        Expr::Call(c) if c.args.len() == 4 && all_zero(&c.args) => {
            let first = cx.range(c.args.first()?);
            let last = cx.range(c.args.last()?);
            Some(Edit::replace(first.start..last.end, "127, 0, 0, 1"))
        }
        Expr::Call(c) => loopback(cx, c.args.first()?, depth + 1),
        Expr::Path(p) => {
            let last = p.path.segments.last()?;
            (last.ident == "UNSPECIFIED" && p.path.segments.len() >= 2)
                .then(|| Edit::replace(cx.range(&last.ident), "LOCALHOST"))
        }
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        }) => loopback_in_string(cx, lit),
        Expr::Macro(m) if m.mac.path.is_ident("format") => {
            let lit = m
                .mac
                .parse_body_with(|input: syn::parse::ParseStream<'_>| {
                    let lit: syn::LitStr = input.parse()?;
                    let _: proc_macro2::TokenStream = input.parse()?;
                    Ok(lit)
                })
                .ok()?;
            loopback_in_string(cx, &lit)
        }
        _ => None,
    }
}

/// Whether every element is the literal `0`.
fn all_zero<'e>(elems: impl IntoIterator<Item = &'e Expr>) -> bool {
    elems.into_iter().all(|x| {
        matches!(peel(x), Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) if i.base10_digits() == "0")
    })
}

/// `0.0.0.0`, `[::]`, `::` or `[0:0:0:0:0:0:0:0]` at the start of a plain string literal,
/// replaced by the loopback address of the same family.
fn loopback_in_string(cx: &Cx<'_>, lit: &syn::LitStr) -> Option<Edit> {
    let value = lit.value();
    let body = plain_string_body(cx.text, &cx.range(lit), &value)?;
    let (host, loopback) = [
        ("0.0.0.0", "127.0.0.1"),
        ("[::]", "[::1]"),
        ("[0:0:0:0:0:0:0:0]", "[::1]"),
    ]
    .into_iter()
    .find(|(host, _)| value.starts_with(host))
    .or((value == "::").then_some(("::", "::1")))?;
    Some(Edit::replace(body..body + host.len(), loopback))
}

/// The source of the call chain's root, through one `let` (`let server = HttpServer::new(…);`).
fn root_text<'a>(cx: &Cx<'a>, receiver: &'a Expr) -> &'a str {
    let root = chain_root(receiver);
    if let Expr::Path(p) = root
        && let Some(ident) = p.path.get_ident()
    {
        let at = cx.range(root).start;
        let init = cx.binding_at(ident, at).and_then(|l| l.init);
        if let Some(init) = init {
            return cx.snippet(chain_root(init));
        }
    }
    cx.snippet(root)
}

/// Whether `Type::bind` binds a datagram socket (`std::net::UdpSocket`, tokio's, a Unix datagram
/// socket): no connection is accepted, so it is no listener.
fn is_datagram(cx: &Cx<'_>, path: &syn::Path) -> bool {
    let segs = cx.canonical_path(path);
    segs.len() >= 2 && {
        let ty = &segs[segs.len() - 2];
        ty.contains("Udp") || ty.contains("Datagram")
    }
}

/// Where the file sets up a TLS acceptor (a rustls/openssl server config, a TLS listener): the
/// first such path or method call.
fn tls_acceptor_site(cx: &Cx<'_>) -> Option<std::ops::Range<usize>> {
    let named = |s: &str| ACCEPTOR_TYPES.contains(&s);
    let path = cx.paths.iter().find(|p| {
        p.path.segments.iter().any(|s| {
            named(&s.ident.to_string())
                || s.ident.to_string().starts_with("bind_rustls")
                || s.ident == "bind_openssl"
        })
    });
    let method = cx.method_calls.iter().find(|m| {
        let name = m.method.to_string();
        ACCEPTOR_METHODS.contains(&name.as_str())
            || name.starts_with("bind_rustls")
            || name.starts_with("listen_rustls")
            || name == "bind_openssl"
            || name == "listen_openssl"
            || (name == "tls" && m.args.is_empty())
    });
    [
        path.map(|p| cx.range(*p)),
        method.map(|m| cx.range(&m.method)),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|r| r.start)
}

/// Whether a `use` of the file imports a TLS acceptor type.
fn imports_acceptor(cx: &Cx<'_>) -> bool {
    cx.uses
        .values()
        .any(|full| full.iter().any(|s| ACCEPTOR_TYPES.contains(&s.as_str())))
}
