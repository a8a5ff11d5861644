//! TLS511 `credentials_in_cleartext_url`: a password in the userinfo of an `http://`, `ws://` or
//! `ftp://` URL to a host that is not exempt, proxy URLs included (catalog E2).

use crate::cleartext::context::config_strings;
use crate::cleartext::hosts::Exemptions;
use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS511",
    name: "credentials_in_cleartext_url",
    default_level: Level::Deny,
    summary: "a password in the userinfo of an `http://`, `ws://` or `ftp://` URL",
    cwe: &[319, 523],
    needles: &["(?i)http:// || (?i)ws:// || (?i)ftp:// && @"],
    docs: r#"### What it does
Flags a configuration string (a literal, a `const`/`static`, a `format!`/`concat!` template with a
literal scheme) that is an `http://`, `ws://` or `ftp://` URL with a password in its userinfo
(`http://user:pass@host/…`), proxy URLs (`reqwest::Proxy::all("http://u:p@proxy:3128")`) too.
Loopback hosts, unix sockets and the policy's `allowed-cleartext-hosts` are exempt; log and
error messages are not configuration.

### Why is this bad?
HTTP clients turn the userinfo into a `Basic` `Authorization` header (reqwest does), and FTP and
WebSocket handshakes send it as they are: over a cleartext scheme the password crosses the
network readable by anyone on the path, and the URL itself ends up in logs (CWE-319, CWE-523).

### Example
```rust
async fn status() -> reqwest::Result<String> {
    reqwest::get("http://admin:hunter2@status.example.com/health").await?.text().await
}
```

Use instead:
```rust
async fn status(user: &str, pass: &str) -> reqwest::Result<String> {
    let client = reqwest::Client::new();
    let resp = client.get("https://status.example.com/health").basic_auth(user, Some(pass)).send().await?;
    resp.text().await
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    if !["http://", "ws://", "ftp://"]
        .iter()
        .any(|n| cx.mentions_ci(n))
    {
        return;
    }
    let exempt = Exemptions::new(cx.policy);
    for value in config_strings(cx, |s| s.contains('@')) {
        let Some(url) = value.url() else { continue };
        let scheme = url.scheme();
        if !matches!(scheme, "http" | "ws" | "ftp")
            || url.password().is_none_or(str::is_empty)
            || exempt.url_is_exempt(&url)
        {
            continue;
        }
        let host = Exemptions::describe(&url);
        let proxy = cx
            .text
            .get(value.range.start.saturating_sub(40)..value.range.start)
            .is_some_and(|before| before.contains("Proxy::"));
        let mut d = Diagnostic::new(
            &RULE,
            format!("password in a cleartext `{scheme}://` URL to {host}"),
            value.range.clone(),
        )
        .label("the password in this URL crosses the network unencrypted");
        d = if proxy {
            d.note("the proxy credentials are sent to the proxy in cleartext")
        } else {
            d.note("the userinfo is sent as a `Basic` authorization anyone on the network path can read")
        };
        let help = match scheme {
            "http" => {
                "use `https://`, and pass the credentials from configuration with `basic_auth(user, Some(pass))`, not in the URL"
            }
            "ws" => {
                "use `wss://`, and send the credentials from configuration in the handshake's `Authorization` header, not in the URL"
            }
            _ => "use `ftps://` or SFTP, with the credentials from configuration, not in the URL",
        };
        sink.push(d.help(help));
    }
}
