//! TLS512 `cleartext_websocket_token`: a `ws://` URL with a token in its query, or a WebSocket
//! handshake to a `ws://` URL that carries an `Authorization` header or other credential
//! (catalog E2).

use crate::cleartext::carriers::{
    CARRIER_NEEDLE, HANDSHAKE_CARRIER_NEEDLE, cleartext_links, credential_query_param,
};
use crate::cleartext::contains_ci;
use crate::cleartext::context::config_strings;
use crate::cleartext::hosts::Exemptions;
use crate::cleartext::query::{QUERY_CREDENTIAL_NEEDLE, QueryWords, defer_pending_queries};
use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::Dangerous;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS512",
    name: "cleartext_websocket_token",
    default_level: Level::Deny,
    summary: "a token sent over a cleartext `ws://` WebSocket",
    cwe: &[319],
    needles: &[
        "ws://",
        CARRIER_NEEDLE,
        HANDSHAKE_CARRIER_NEEDLE,
        QUERY_CREDENTIAL_NEEDLE,
    ],
    docs: r#"### What it does
Flags a `ws://` URL to a host that is not exempt when it carries a token in its query
(`?token=`, `?access_token=`, `?api_key=`, `?auth=`, …), or when its handshake request carries a
credential: `"ws://…".into_client_request()` followed by `headers_mut().insert(AUTHORIZATION, …)`
(tungstenite, tokio-tungstenite), awc `Client::ws("ws://…").bearer_auth(…)`. Loopback hosts, unix
sockets and the policy's `allowed-cleartext-hosts` are exempt. A handshake URL that is a parameter,
a field or another file's constant is judged by the `ws://` URLs the package passes or gives it,
and so is a URL built from one with a token in its query (`format!("{base}/feed?token={token}")`).

### Why is this bad?
A `ws://` handshake and every frame after it are cleartext: anyone on the network path can read
the token and open their own session with it (CWE-319).

### Example
```rust
async fn feed(token: &str) {
    let url = format!("ws://stream.example.com/feed?token={token}");
    let _ = tokio_tungstenite::connect_async(url).await;
}
```

Use instead:
```rust
async fn feed(token: &str) {
    let url = format!("wss://stream.example.com/feed?token={token}");
    let _ = tokio_tungstenite::connect_async(url).await;
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

const HELP: &str = "use a `wss://` URL";

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    let exempt = Exemptions::new(cx.policy);
    let links = cleartext_links(cx, "ws", &exempt);
    for (dest, creds) in links.pending {
        let mut d = Diagnostic::new(
            &RULE,
            "credentials sent over cleartext `ws://` to a host that is not loopback",
            dest.site.clone(),
        )
        .label(dest.from.describe("the URL"));
        for c in &creds {
            d = d.secondary(
                c.range.clone(),
                format!("{} sent with the handshake", c.what),
            );
        }
        let d = d
            .note("anyone on the network path can read the credential and reuse it")
            .help(HELP);
        let dangerous = Dangerous::CleartextUrl("ws", cx.policy.allowed_cleartext_hosts.clone());
        sink.defer(d, dest.from.condition(dangerous, None));
    }
    defer_pending_queries(
        cx,
        sink,
        &QueryWords {
            rule: &RULE,
            scheme: "ws",
            message: "token sent over cleartext `ws://` to a host that is not loopback",
            note: "anyone on the network path can read the token and reuse it",
            help: HELP,
        },
    );
    if !cx.mentions_ci("ws://") {
        return;
    }
    for value in config_strings(cx, |s| contains_ci(s, "ws://")) {
        let Some(url) = value.url() else { continue };
        if url.scheme() != "ws" || exempt.url_is_exempt(&url) {
            continue;
        }
        let Some(key) = credential_query_param(&url) else {
            continue;
        };
        sink.push(
            Diagnostic::new(
                &RULE,
                format!(
                    "token sent over cleartext `ws://` to {}",
                    Exemptions::describe(&url)
                ),
                value.range.clone(),
            )
            .label(format!("`{key}` travels in this unencrypted URL"))
            .note("anyone on the network path can read the token and reuse it")
            .help(HELP),
        );
    }
    for (dest, creds) in links.cleartext {
        let mut d = Diagnostic::new(
            &RULE,
            format!(
                "credentials sent over cleartext `ws://` to {}",
                Exemptions::describe(&dest.url)
            ),
            dest.site.clone(),
        )
        .label("this WebSocket handshake is not encrypted");
        if !(dest.site.start <= dest.value.range.start && dest.value.range.end <= dest.site.end) {
            d = d.secondary(dest.value.range.clone(), "the URL is written here");
        }
        for c in &creds {
            d = d.secondary(
                c.range.clone(),
                format!("{} sent with the handshake", c.what),
            );
        }
        sink.push(
            d.note("anyone on the network path can read the credential and reuse it")
                .help(HELP),
        );
    }
}
