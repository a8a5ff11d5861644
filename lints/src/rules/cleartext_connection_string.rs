//! TLS514 `cleartext_connection_string`: database, broker and mail connection strings with a
//! password and TLS off, or plaintext by default (catalog E2, connection URLs).

use url::Url;

use crate::cleartext::contains_ci;
use crate::cleartext::context::config_strings;
use crate::cleartext::hosts::{Exemptions, RUNTIME};
use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS514",
    name: "cleartext_connection_string",
    default_level: Level::Deny,
    summary: "a database, broker or mail URL with a password and TLS off or plaintext by default",
    cwe: &[319],
    needles: &[
        "postgres://",
        "postgresql://",
        "mysql://",
        "mariadb://",
        "redis://",
        "valkey://",
        "amqp://",
        "mongodb://",
        "smtp://",
        "mqtt://",
        "ldap://",
        "password=",
    ],
    docs: r#"### What it does
Flags connection strings with a password whose connection is plaintext, or plaintext by
default: `postgres://`/`postgresql://` with `sslmode=disable`/`allow` (and, as a warning, without
`sslmode` or with `prefer`, which fall back to plaintext), `mysql://`/`mariadb://` with
`ssl-mode=disabled` (a warning without `ssl-mode`), `redis://`/`valkey://`, `amqp://`,
`mongodb://` without `tls=true`/`ssl=true`, `smtp://` without `tls=required`, `mqtt://` and
`ldap://`, plus the libpq key-value form (`host=db password=… sslmode=disable`). Loopback hosts,
unix sockets and the policy's `allowed-cleartext-hosts` are exempt.

### Why is this bad?
Without TLS the password, and every query and result after it, crosses the network readable
and changeable by anyone on the path (CWE-319).

### Example
```rust
fn database_url() -> &'static str {
    "postgres://app:s3cret@db.prod.example.com/app?sslmode=disable"
}
```

Use instead:
```rust
fn database_url() -> &'static str {
    "postgres://app@db.prod.example.com/app?sslmode=verify-full"
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// How bad a connection string is.
enum Verdict {
    /// TLS is off.
    Off(&'static str, &'static str),
    /// TLS is opportunistic or absent by default: reported as a warning.
    Weak(&'static str, &'static str),
}

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    let exempt = Exemptions::new(cx.policy);
    let mysql_async = cx.mentions_crate("mysql_async")
        || cx.code().contains("use mysql::")
        || cx.code().contains(" mysql::Opts");
    for value in config_strings(cx, |s| s.contains("://") || contains_ci(s, "password=")) {
        let verdict = match value.url() {
            Some(url)
                if url.password().is_some_and(|p| !p.is_empty())
                    && !exempt.url_is_exempt(&url)
                    && cx.mentions_ci(&format!("{}://", url.scheme())) =>
            {
                url_verdict(&url, mysql_async).map(|v| {
                    (
                        v,
                        format!(
                            "{} (`{}://` connection string)",
                            Exemptions::describe(&url),
                            url.scheme()
                        ),
                    )
                })
            }
            Some(_) => None,
            None if cx.mentions_ci("password=") => key_value_verdict(&value.text, &exempt)
                .map(|(v, host)| (v, format!("`{host}` (key-value connection string)"))),
            None => None,
        };
        let Some((verdict, what)) = verdict else {
            continue;
        };
        let (why, fix, level) = match verdict {
            Verdict::Off(why, fix) => (why, fix, Level::Deny),
            Verdict::Weak(why, fix) => (why, fix, Level::Warn),
        };
        let mut d = Diagnostic::new(&RULE, format!("password sent without TLS to {what}"), value.range.clone())
            .label(why)
            .note("the password and all traffic after it cross the network readable by anyone on the path")
            .help(fix);
        if level == Level::Warn {
            d = d.with_level(Level::Warn).note("reported as a warning: TLS is used when the server offers it, but nothing stops a downgrade");
        }
        sink.push(d);
    }
}

fn param(url: &Url, keys: &[&str]) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| keys.iter().any(|x| k.eq_ignore_ascii_case(x)))
        .map(|(_, v)| v.to_ascii_lowercase())
}

fn url_verdict(url: &Url, mysql_async: bool) -> Option<Verdict> {
    match url.scheme() {
        "postgres" | "postgresql" => match param(url, &["sslmode", "ssl-mode"]).as_deref() {
            Some("disable" | "allow") => Some(Verdict::Off(
                "`sslmode` lets the connection run without TLS",
                "use `sslmode=verify-full` (with `sslrootcert=…` for a private CA)",
            )),
            None | Some("prefer") => Some(Verdict::Weak(
                "without `sslmode=verify-full` the connection falls back to plaintext",
                "add `sslmode=verify-full` (with `sslrootcert=…` for a private CA)",
            )),
            _ => None,
        },
        "mysql" | "mariadb" => {
            let require = param(url, &["require_ssl"]).is_some_and(|v| v == "true");
            match param(url, &["ssl-mode", "sslmode", "ssl_mode"]).as_deref() {
                Some("disabled") => Some(Verdict::Off(
                    "`ssl-mode=disabled` turns TLS off",
                    "use `ssl-mode=verify_identity`",
                )),
                None | Some("preferred") if !require => {
                    if mysql_async {
                        Some(Verdict::Off(
                            "mysql_async uses no TLS unless `require_ssl=true`",
                            "add `require_ssl=true`",
                        ))
                    } else {
                        Some(Verdict::Weak(
                            "without `ssl-mode` the connection falls back to plaintext",
                            "add `ssl-mode=verify_identity`",
                        ))
                    }
                }
                _ => None,
            }
        }
        "redis" | "valkey" => Some(Verdict::Off(
            "`redis://` is always plaintext",
            "use `rediss://`",
        )),
        "amqp" => Some(Verdict::Off(
            "`amqp://` is the plaintext scheme",
            "use `amqps://`",
        )),
        "mongodb" => match param(url, &["tls", "ssl"]).as_deref() {
            Some("true") => None,
            _ => Some(Verdict::Off(
                "`mongodb://` is plaintext unless `tls=true`",
                "add `tls=true`, or use `mongodb+srv://`",
            )),
        },
        "smtp" => match param(url, &["tls"]).as_deref() {
            Some("required") => None,
            Some("opportunistic") => Some(Verdict::Weak(
                "`tls=opportunistic` can be stripped to plaintext",
                "use `tls=required`, or `smtps://`",
            )),
            _ => Some(Verdict::Off(
                "`smtp://` without `tls=required` sends the login in plaintext",
                "use `smtps://`, or add `tls=required`",
            )),
        },
        "mqtt" => Some(Verdict::Off("`mqtt://` is plaintext", "use `mqtts://`")),
        "ldap" => Some(Verdict::Off(
            "`ldap://` binds in plaintext",
            "use `ldaps://`, or StartTLS (`LdapConnSettings::new().set_starttls(true)`)",
        )),
        _ => None,
    }
}

/// The libpq key-value form: `host=db.example.com user=app password=… sslmode=disable`.
fn key_value_verdict(text: &str, exempt: &Exemptions) -> Option<(Verdict, String)> {
    let mut pairs = Vec::new();
    for token in text.split_whitespace() {
        let (k, v) = token.split_once('=')?;
        if k.is_empty() || !k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return None;
        }
        pairs.push((k.to_ascii_lowercase(), v.trim_matches('\'').to_string()));
    }
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let host = get("host").or(get("hostaddr"))?;
    if get("password").is_none_or(str::is_empty)
        || host.split(',').all(|h| exempt.host_is_exempt(h))
    {
        return None;
    }
    let verdict = match get("sslmode").map(str::to_ascii_lowercase).as_deref() {
        Some("disable" | "allow") => Verdict::Off(
            "`sslmode` lets the connection run without TLS",
            "use `sslmode=verify-full` (with `sslrootcert=…` for a private CA)",
        ),
        None | Some("prefer") => Verdict::Weak(
            "without `sslmode=verify-full` the connection falls back to plaintext",
            "add `sslmode=verify-full`",
        ),
        _ => return None,
    };
    Some((verdict, host.replace(RUNTIME, "…")))
}
