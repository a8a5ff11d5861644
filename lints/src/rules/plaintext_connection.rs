//! TLS501 `plaintext_connection`: a plaintext mode chosen for a host that is not loopback:
//! tokio-postgres `NoTls`, sqlx `PgSslMode::Disable`/`Allow` and `MySqlSslMode::Disabled`, lettre
//! `builder_dangerous`/`Tls::None`/`Tls::Opportunistic`, tiberius `EncryptionLevel::NotSupported`/
//! `Off`, imap `ConnectionMode::Plaintext`, rdkafka `security.protocol=SASL_PLAINTEXT` (catalog E1).

use std::ops::Range;

use syn::Expr;

use crate::cleartext::hosts::{Exemptions, strip_port};
use crate::cx::{Cx, chain_root, peel};
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::fields::field_at;
use crate::value::from_package::FromPackage;
use crate::value::guard::{self, Reach};
use crate::value::{Dangerous, parse_url, str_value};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS501",
    name: "plaintext_connection",
    default_level: Level::Warn,
    summary: "a plaintext connection mode chosen for a host that is not loopback",
    cwe: &[319],
    needles: &[
        "NoTls",
        "SslMode",
        "builder_dangerous",
        "Tls::None",
        "Tls::Opportunistic",
        "EncryptionLevel:: || EncryptionLevel as",
        "ConnectionMode:: || ConnectionMode as",
        "SASL_PLAINTEXT",
    ],
    docs: r#"### What it does
Flags a plaintext mode chosen for a host that is not exempt: tokio-postgres/postgres/deadpool/bb8
`NoTls`, sqlx `PgSslMode::Disable`/`Allow` and `MySqlSslMode::Disabled`, lettre
`builder_dangerous(host)` (unless it is then given `Tls::Required`/`Tls::Wrapper` on every path,
on its chain or through the `let`s that rebind it), `Tls::None` and `Tls::Opportunistic`, tiberius
`EncryptionLevel::NotSupported`/`Off`, imap `ConnectionMode::Plaintext`, and rdkafka
`security.protocol` = `SASL_PLAINTEXT`. The host comes from the same function (`.host(…)`,
`relay(…)`, `bootstrap.servers`, the connection string); a host that is not a literal is not
exempt, and a mode with no host in sight is not reported. With a password in the same function
the finding is an error, unless the plaintext mode is chosen only under a condition decided at
run time (a `match` on the configured mode, an `if`), which is labelled with its origin. A host that is a parameter of the function or a field of a struct type
(`config.host(&self.host)`) is judged by what the package passes or gives it: a host that is not
loopback (nor allowed) is reported, labelled where it is written; loopback hosts and unix sockets
alone make no finding; a value decided at run time (a deserialized field, a caller's
run-time value, a public function) keeps the finding, with a note naming where it comes from.

### Why is this bad?
The login and all traffic cross the network unencrypted, readable and changeable by anyone on
the path (CWE-319).

### Example
```rust
async fn connect(password: &str) -> Result<(), tokio_postgres::Error> {
    let mut config = tokio_postgres::Config::new();
    config.host("db.prod.example.com").user("app").password(password);
    let (_client, _conn) = config.connect(tokio_postgres::NoTls).await?;
    Ok(())
}
```

Use instead:
```rust
async fn connect(password: &str, tls: postgres_native_tls::MakeTlsConnector) -> Result<(), tokio_postgres::Error> {
    let mut config = tokio_postgres::Config::new();
    config.host("db.prod.example.com").user("app").password(password);
    let (_client, _conn) = config.connect(tls).await?;
    Ok(())
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// A plaintext mode: the path suffix, what it does, the fix, and whether it is an error without
/// a password in sight.
const MODES: &[(&[&str], &str, &str)] = &[
    (
        &["NoTls"],
        "`NoTls` connects without TLS",
        "pass a TLS connector (`postgres_native_tls::MakeTlsConnector` or `tokio_postgres_rustls::MakeRustlsConnect`)",
    ),
    (
        &["PgSslMode", "Disable"],
        "`PgSslMode::Disable` connects without TLS",
        "use `PgSslMode::VerifyFull`",
    ),
    (
        &["PgSslMode", "Allow"],
        "`PgSslMode::Allow` tries plaintext first",
        "use `PgSslMode::VerifyFull`",
    ),
    (
        &["MySqlSslMode", "Disabled"],
        "`MySqlSslMode::Disabled` connects without TLS",
        "use `MySqlSslMode::VerifyIdentity`",
    ),
    (
        &["Tls", "None"],
        "`Tls::None` sends mail and login in plaintext",
        "use `SmtpTransport::relay(host)` (implicit TLS) or `Tls::Required(TlsParameters::new(host)?)`",
    ),
    (
        &["Tls", "Opportunistic"],
        "`Tls::Opportunistic` falls back to plaintext when STARTTLS is stripped",
        "use `Tls::Required(TlsParameters::new(host)?)`",
    ),
    (
        &["EncryptionLevel", "NotSupported"],
        "`EncryptionLevel::NotSupported` connects without TLS",
        "use `EncryptionLevel::Required`",
    ),
    (
        &["EncryptionLevel", "Off"],
        "`EncryptionLevel::Off` encrypts only the login",
        "use `EncryptionLevel::Required`",
    ),
    (
        &["ConnectionMode", "Plaintext"],
        "`ConnectionMode::Plaintext` connects without TLS",
        "use `ConnectionMode::Tls` or `ConnectionMode::StartTls`",
    ),
];

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    let exempt = Exemptions::new(cx.policy);
    let mut reported: Vec<Range<usize>> = Vec::new();
    for p in &cx.paths {
        // lettre's `Tls::None` reached through an alias of `Tls` does not contain the rule's
        // needle: it is left out, so that the prefilter stays exact.
        let Some((suffix, what, fix)) = cx.first_suffix_match(&p.path, MODES, |m| m.0) else {
            continue;
        };
        let range = cx.range(*p);
        let bare = p.path.segments.len() == 1 && p.path.segments[0].ident != "NoTls";
        let written = suffix[0] != "Tls" || cx.mentions_ci(&suffix.join("::"));
        if cx.is_compared(*p) || bare || !written || is_pattern_or_mapping(cx, &range) {
            continue;
        }
        report(cx, sink, &exempt, range, what, fix, &mut reported);
    }
    for call in cx.calls_named(&["builder_dangerous"]) {
        if given_tls(cx, &call.call_range(cx)) {
            continue;
        }
        report(
            cx,
            sink,
            &exempt,
            call.call_range(cx),
            "`builder_dangerous` connects without TLS",
            "use `SmtpTransport::relay(host)` (implicit TLS) or `starttls_relay(host)`",
            &mut reported,
        );
    }
    for call in cx.calls_named(&["set"]) {
        let [key, val] = call.args[..] else { continue };
        let (Some(k), Some(v)) = (str_value(cx, key), str_value(cx, val)) else {
            continue;
        };
        if k.text.eq_ignore_ascii_case("security.protocol")
            && v.text.eq_ignore_ascii_case("sasl_plaintext")
            && cx.mentions_ci("SASL_PLAINTEXT")
        {
            report(
                cx,
                sink,
                &exempt,
                call.call_range(cx),
                "`SASL_PLAINTEXT` sends the SASL login and all messages in plaintext",
                "use `security.protocol` = `SASL_SSL`",
                &mut reported,
            );
        }
    }
}

fn report(
    cx: &Cx<'_>,
    sink: &mut Sink,
    exempt: &Exemptions,
    range: Range<usize>,
    what: &str,
    fix: &str,
    reported: &mut Vec<Range<usize>>,
) {
    // One finding per statement: `builder_dangerous(h).tls(Tls::None)` is one plaintext connection.
    let scope = cx
        .scope_at(range.start)
        .map(|s| s.range.clone())
        .unwrap_or(0..cx.text.len());
    let hosts = hosts_in(cx, &scope);
    let reach = guard::reach(cx, range.start);
    if matches!(reach, Reach::Never) {
        return;
    }
    // The host of the connection itself first (`builder_dangerous(host)`), then the function's.
    let Some((host_range, host, host_expr)) = hosts
        .iter()
        .filter(|(_, h, _)| {
            h.as_deref()
                .is_none_or(|h| !h.split(',').all(|h| exempt.host_is_exempt(strip_port(h))))
        })
        .min_by_key(|(r, _, _)| !(range.start <= r.start && r.end <= range.end))
    else {
        return;
    };
    let statement = cx
        .statement_ranges()
        .iter()
        .filter(|r| r.start <= range.start && range.end <= r.end)
        .min_by_key(|r| r.len())
        .cloned()
        .unwrap_or_else(|| range.clone());
    if reported.contains(&statement) {
        return;
    }
    reported.push(statement);
    let body = cx.text.get(scope).unwrap_or("").to_ascii_lowercase();
    let with_login = body.contains("password") || body.contains("credentials");
    let shown = match host {
        Some(h) => format!("`{h}`"),
        None => "a host decided at run time".to_string(),
    };
    let finding = |message: String, host_label: String| {
        let mut d = Diagnostic::new(&RULE, message, range.clone())
            .label(what.to_string())
            .secondary(host_range.clone(), host_label)
            .note("the traffic crosses the network unencrypted, readable and changeable by anyone on the path");
        match &reach {
            Reach::When(branch) => {
                let condition = guard::describe(cx, branch);
                d = d
                    .secondary(
                        condition.range,
                        format!("the plaintext mode is chosen only {}", condition.when),
                    )
                    .note(format!(
                        "{}; the plaintext mode is chosen only {}",
                        condition
                            .origin
                            .as_deref()
                            .unwrap_or("a condition this analysis cannot follow decides it"),
                        condition.when
                    ));
            }
            _ if with_login => {
                d = d
                    .with_level(Level::Deny)
                    .note("reported as an error: a password is sent over this connection");
            }
            _ => {}
        }
        d.help(fix.to_string())
    };
    let runtime = finding(
        format!("plaintext connection to {shown}"),
        "the host is not loopback".to_string(),
    );
    match host_expr
        .filter(|_| host.is_none())
        .and_then(|e| FromPackage::of(cx, e))
    {
        Some(origin) => {
            let constant = finding(
                "plaintext connection to a host that is not loopback".to_string(),
                origin.describe("the host"),
            );
            let dangerous = Dangerous::HostNotExempt(cx.policy.allowed_cleartext_hosts.clone());
            sink.defer(constant, origin.condition(dangerous, Some(runtime)));
        }
        None => sink.push(runtime),
    }
}

/// Whether the path at `range` is a pattern (`PgSslMode::Disable =>`, `if let … =`,
/// `matches!(mode, …)`) or the value of a `match` arm that maps configuration text to a mode
/// (`"disable" => PgSslMode::Disable`): neither chooses the mode for a connection.
fn is_pattern_or_mapping(cx: &Cx<'_>, range: &Range<usize>) -> bool {
    let after = cx.text.get(range.end..).unwrap_or("").trim_start();
    let before = cx.text.get(..range.start).unwrap_or("").trim_end();
    let pattern = after.starts_with("=>")
        || after.starts_with('|')
        || (after.starts_with('=') && !after.starts_with("=="));
    let in_matches = cx.macros.iter().any(|m| {
        let r = cx.range(*m);
        r.start <= range.start
            && range.end <= r.end
            && m.path
                .segments
                .last()
                .is_some_and(|s| s.ident.to_string().ends_with("matches"))
    });
    pattern || in_matches || before.ends_with("=>") || before.ends_with('|')
}

/// How many rebindings are followed from lettre's `builder_dangerous`.
const MAX_REBINDINGS: usize = 8;

/// Whether the lettre builder made by `builder_dangerous(host)` at `call` is given TLS
/// (`.tls(Tls::Required(…))` or `.tls(Tls::Wrapper(…))`) on every path: on its own chain, or
/// through the `let`s that rebind it (`let t = t.tls(…)`, `let t = if c { t.tls(…) } else { … }`).
fn given_tls(cx: &Cx<'_>, call: &Range<usize>) -> bool {
    let is_call = |e: &Expr| cx.range(chain_root(e)) == *call;
    if let Some(l) = cx.lets.iter().find(|l| l.init.is_some_and(is_call)) {
        let Some(init) = l.init else { return false };
        return match chain_tls(cx, init) {
            Some(secure) => secure,
            None => rebound_with_tls(cx, l.name, l.offset, 0),
        };
    }
    cx.method_calls
        .iter()
        .filter(|m| std::ptr::eq(cx.outermost_call(m), **m))
        .find(|m| cx.range(cx.chain_root_of(m)) == *call)
        .is_some_and(|m| method_tls(cx, m) == Some(true))
}

/// The last `.tls(…)` of the chain ending in `e`: whether it requires TLS, `None` when the chain
/// sets none.
fn chain_tls(cx: &Cx<'_>, mut e: &Expr) -> Option<bool> {
    loop {
        match peel(e) {
            Expr::MethodCall(m) => return method_tls(cx, m),
            Expr::Try(t) => e = &t.expr,
            _ => return None,
        }
    }
}

/// [`chain_tls`] from the method call `m`.
fn method_tls(cx: &Cx<'_>, m: &syn::ExprMethodCall) -> Option<bool> {
    if m.method == "tls" {
        Some(m.args.first().is_some_and(|a| requires_tls(cx, a)))
    } else {
        chain_tls(cx, &m.receiver)
    }
}

/// `Tls::Required(…)` or `Tls::Wrapper(…)`.
fn requires_tls(cx: &Cx<'_>, e: &Expr) -> bool {
    match peel(e) {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                cx.path_ends_with(&p.path, &["Tls", "Required"])
                    || cx.path_ends_with(&p.path, &["Tls", "Wrapper"])
            }
            _ => false,
        },
        _ => false,
    }
}

/// Whether the builder bound to `name` at `offset` is given TLS on every path by the next `let`
/// of its function that uses it.
fn rebound_with_tls(cx: &Cx<'_>, name: &syn::Ident, offset: usize, depth: usize) -> bool {
    if depth > MAX_REBINDINGS {
        return false;
    }
    let Some(scope) = cx.scope_at(offset).map(|s| s.range.clone()) else {
        return false;
    };
    let uses = |l: &&crate::cx::LetBinding<'_>| {
        l.init.is_some_and(|init| {
            let r = cx.range(init);
            cx.paths
                .iter()
                .any(|p| p.path.is_ident(name) && r.contains(&cx.range(*p).start))
        })
    };
    let Some(next) = cx
        .lets
        .iter()
        .filter(|l| l.offset > offset && scope.contains(&l.offset))
        .filter(uses)
        .min_by_key(|l| l.offset)
    else {
        return false;
    };
    next.init
        .is_some_and(|init| every_path_tls(cx, init, name, next, depth + 1))
}

/// Whether every value `e` can take (through `if`, `match` and blocks) is the builder `name`
/// given TLS, directly or by a later rebinding of `next`.
fn every_path_tls(
    cx: &Cx<'_>,
    e: &Expr,
    name: &syn::Ident,
    next: &crate::cx::LetBinding<'_>,
    depth: usize,
) -> bool {
    if depth > MAX_REBINDINGS {
        return false;
    }
    let later = || rebound_with_tls(cx, next.name, next.offset, depth + 1);
    match peel(e) {
        Expr::If(i) => {
            let then =
                tail(&i.then_branch).is_some_and(|t| every_path_tls(cx, t, name, next, depth + 1));
            let other = i
                .else_branch
                .as_ref()
                .is_some_and(|(_, e)| every_path_tls(cx, e, name, next, depth + 1));
            then && other
        }
        Expr::Match(m) => {
            !m.arms.is_empty()
                && m.arms
                    .iter()
                    .all(|a| every_path_tls(cx, &a.body, name, next, depth + 1))
        }
        Expr::Block(b) => {
            tail(&b.block).is_some_and(|t| every_path_tls(cx, t, name, next, depth + 1))
        }
        chain => {
            let from_builder =
                matches!(peel(chain_root(chain)), Expr::Path(p) if p.path.is_ident(name));
            from_builder
                && match chain_tls(cx, chain) {
                    Some(secure) => secure,
                    None => later(),
                }
        }
    }
}

/// The value a block ends with.
fn tail(b: &syn::Block) -> Option<&Expr> {
    match b.stmts.last()? {
        syn::Stmt::Expr(e, None) => Some(e),
        _ => None,
    }
}

/// The hosts a function connects to: `.host(…)`, `relay(…)`, `builder_dangerous(…)`,
/// `ClientBuilder::new(host, port)`, `bootstrap.servers`, and connection strings passed to
/// `connect`. `None` is a host not written as a literal, or a field of a struct type, which the
/// package phase judges by every value the package gives it.
fn hosts_in<'a>(
    cx: &Cx<'a>,
    scope: &Range<usize>,
) -> Vec<(Range<usize>, Option<String>, Option<&'a Expr>)> {
    let mut out = Vec::new();
    let within = |e: &Expr| scope.contains(&cx.range(e).start);
    for call in cx.calls_named(&[
        "host",
        "hostaddr",
        "relay",
        "starttls_relay",
        "builder_dangerous",
        "set",
        "connect",
    ]) {
        let name = call.name.to_string();
        let ufcs_host = matches!(
            name.as_str(),
            "relay" | "starttls_relay" | "builder_dangerous"
        ) && call.args.is_empty();
        let Some(first) = call
            .args
            .first()
            .copied()
            .or(call.receiver.filter(|_| ufcs_host))
        else {
            continue;
        };
        if !within(first) {
            continue;
        }
        match name.as_str() {
            "set" => {
                let is_servers = str_value(cx, first).is_some_and(|k| {
                    k.text == "bootstrap.servers" || k.text == "metadata.broker.list"
                });
                if let (true, Some(v)) = (is_servers, call.args.get(1)) {
                    out.push((cx.range(*v), str_value(cx, v).map(|s| s.text), None));
                }
            }
            "connect" => {
                for a in call.args.iter().copied().chain(call.receiver) {
                    if let Some(h) = str_value(cx, a).and_then(|v| connection_host(&v.text)) {
                        out.push((cx.range(a), Some(h), None));
                    }
                }
            }
            _ => {
                let text = match field_at(cx, first) {
                    Some(_) => None,
                    None => str_value(cx, first).map(|s| s.text),
                };
                out.push((cx.range(first), text, Some(first)));
            }
        }
    }
    for c in &cx.calls {
        let Expr::Path(f) = &*c.func else { continue };
        let is_builder =
            cx.path_ends_with(&f.path, &["ClientBuilder", "new"]) && cx.mentions_crate("imap");
        let is_connect = f.path.segments.last().is_some_and(|s| s.ident == "connect");
        if let Some(first) = c.args.first().filter(|a| within(a)) {
            if is_builder {
                out.push((cx.range(first), str_value(cx, first).map(|s| s.text), None));
            } else if is_connect
                && let Some(h) = str_value(cx, first).and_then(|v| connection_host(&v.text))
            {
                out.push((cx.range(first), Some(h), None));
            }
        }
    }
    out.retain(|(_, h, _)| h.as_deref().is_none_or(|h| !h.is_empty()));
    out
}

/// The host of a connection URL or libpq key-value string.
fn connection_host(text: &str) -> Option<String> {
    if let Some(url) = parse_url(text) {
        return url.host_str().map(str::to_string);
    }
    text.split_whitespace()
        .find_map(|kv| kv.strip_prefix("host="))
        .map(|h| h.trim_matches('\'').to_string())
}
