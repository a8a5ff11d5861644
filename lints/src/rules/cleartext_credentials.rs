//! TLS510 `cleartext_credentials`: a bearer token, basic-auth login, `Authorization`/`Cookie`/API
//! key header or curl login sent to an `http://` URL whose host is not exempt (catalog E2).

use crate::cleartext::carriers::{
    CARRIER_NEEDLE, cleartext_links, credential_query_param, literal_links,
};
use crate::cleartext::contains_ci;
use crate::cleartext::context::config_strings;
use crate::cleartext::hosts::{Exemptions, RUNTIME};
use crate::cleartext::query::{QUERY_CREDENTIAL_NEEDLE, QueryWords, defer_pending_queries};
use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::Dangerous;

/// The rule.
/// The words that mark a credential, as needle alternatives (written once for both needles).
macro_rules! credential_words {
    () => {
        "(?i)authoriz || (?i)_auth || (?i)-auth || (?i)auth\" || (?i)auth= || (?i)-token || (?i)_token || (?i)token\" || (?i)token= || (?i)api-key || (?i)api_key || (?i)apikey || (?i)app_key || (?i)key\" || (?i)key= || (?i)secret || (?i)cookie || (?i)passw || (?i)pwd || (?i)jwt || (?i)appid || (?i)bearer || (?i)username || (?i)credential || auth_header"
    };
}

pub static RULE: Rule = Rule {
    code: "TLS510",
    name: "cleartext_credentials",
    default_level: Level::Deny,
    summary: "a credential sent on a request or client to an `http://` URL",
    cwe: &[319, 523],
    // The same conjunction twice, so that both parts anchor it (see `prefilter`): a credential set
    // in one method (a client's default headers) can meet the URL used in another through struct
    // fields, which the outline does not follow by name.
    needles: &[
        concat!("(?i)http:// && ", credential_words!()),
        concat!(credential_words!(), " && (?i)http://"),
        CARRIER_NEEDLE,
        QUERY_CREDENTIAL_NEEDLE,
    ],
    docs: r#"### What it does
Flags an `http://` URL to a host that is not exempt, used on the same request builder chain, the
same client, or the same local variable as a credential:

- `bearer_auth`/`basic_auth` (reqwest async and blocking, awc, attohttpc, proxies);
- `header`/`headers`/`default_headers`/`insert_header`/`append_header`/`add_header`, ureq 2
  `set`, and `headers_mut().insert` with `AUTHORIZATION`, `PROXY_AUTHORIZATION`, `COOKIE` or a
  header whose name looks like a key or token (`X-Api-Key`, `X-Auth-Token`, `Private-Token`, …),
  hyper/http `Request::builder().uri(…)` included;
- curl `username`/`password`, isahc `credentials`;
- the rmcp MCP client's bearer token: `StreamableHttpClientTransportConfig::with_uri(…)
  .auth_header(token)`, or `auth_header: Some(token)` beside `uri` in the struct literal;
- a credential query parameter (`.query(&[("api_key", key)])`, or `?api_key=…` in the URL);
- a request body with a credential field (`.form(&[("client_secret", s)])`,
  `.json(&Login { password, .. })`, `json!({"password": p})`).

URLs are followed through `const`/`static` items, `let` bindings, `format!` templates with a
literal scheme, `Url::parse` and `String::from`, struct fields, the parameters of functions and
other files' constants: a URL that is a parameter is judged by what the package's callers pass
(labelled at them), a field by the values the package gives it, and so is the base of a template
that adds a credential to the query (`format!("{base}/v1?api_key={key}")`); callers that pass only
`https://` or loopback URLs, or a URL decided at run time, make no finding. A client stored in a
struct field carries its default headers to the requests made through the field.

Loopback hosts (`localhost`, `*.localhost`, `127.0.0.0/8`, `::1`) and unix sockets are exempt, as
are the hosts of the policy's `allowed-cleartext-hosts`; a host built at run time
(`format!("http://{}/…", host)`) is not.

### Why is this bad?
Over `http://` the credential crosses the network unencrypted: anyone on the path (a shared
network, a compromised router, a proxy) can read it and replay it (CWE-319, CWE-523).

### Example
```rust
async fn whoami(token: &str) -> reqwest::Result<String> {
    let client = reqwest::Client::new();
    client.get("http://api.example.com/v1/me").bearer_auth(token).send().await?.text().await
}
```

Use instead:
```rust
async fn whoami(token: &str) -> reqwest::Result<String> {
    let client = reqwest::Client::new();
    client.get("https://api.example.com/v1/me").bearer_auth(token).send().await?.text().await
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
    let exempt = Exemptions::new(cx.policy);
    let links = cleartext_links(cx, "http", &exempt);
    for (dest, creds) in links.pending {
        let mut d = Diagnostic::new(
            &RULE,
            "credentials sent over cleartext `http://` to a host that is not loopback",
            dest.site.clone(),
        )
        .label(dest.from.describe("the URL"));
        for c in &creds {
            d = d.secondary(c.range.clone(), format!("{} sent with it", c.what));
        }
        let d = d.note("anyone on the network path can read the credential and replay it")
            .help("use an `https://` URL; a host behind an mTLS service mesh can be listed in the policy's `allowed-cleartext-hosts`");
        let dangerous = Dangerous::CleartextUrl("http", cx.policy.allowed_cleartext_hosts.clone());
        sink.defer(d, dest.from.condition(dangerous, None));
    }
    defer_pending_queries(
        cx,
        sink,
        &QueryWords {
            rule: &RULE,
            scheme: "http",
            message: "credentials sent over cleartext `http://` to a host that is not loopback",
            note: "anyone on the network path can read the credential and replay it, and URLs end up in logs",
            help: "use an `https://` URL, and send the credential in a header rather than the query",
        },
    );
    if !cx.mentions_ci("http://") {
        return;
    }
    check_query_credentials(cx, sink, &exempt);
    for (dest, creds) in links.cleartext {
        let host = Exemptions::describe(&dest.url);
        let mut d = Diagnostic::new(
            &RULE,
            format!("credentials sent over cleartext `http://` to {host}"),
            dest.site.clone(),
        )
        .label("this `http://` URL is not encrypted");
        if !(dest.site.start <= dest.value.range.start && dest.value.range.end <= dest.site.end) {
            d = d.secondary(dest.value.range.clone(), "the URL is written here");
        }
        for c in &creds {
            d = d.secondary(c.range.clone(), format!("{} sent with it", c.what));
        }
        if dest.url.host_str().is_some_and(|h| h.contains(RUNTIME)) {
            d = d.note("the host is decided at run time, so it is not exempt as a loopback host");
        }
        sink.push(
            d.note("anyone on the network path can read the credential and replay it")
                .help("use an `https://` URL; a host behind an mTLS service mesh can be listed in the policy's `allowed-cleartext-hosts`"),
        );
    }
    for link in literal_links(cx, "http", &exempt) {
        let host = Exemptions::describe(&link.dest.url);
        sink.push(
            Diagnostic::new(&RULE, format!("credentials sent over cleartext `http://` to {host}"), link.dest.site.clone())
                .label("this `http://` URL is not encrypted")
                .secondary(link.credential, format!("{} sent with it", link.what))
                .note("anyone on the network path can read the credential and replay it")
                .help("use an `https://` URL; a host behind an mTLS service mesh can be listed in the policy's `allowed-cleartext-hosts`"),
        );
    }
}

/// An `http://` URL that carries a credential in its query (`?api_key=…`, `?access_token=…`).
fn check_query_credentials(cx: &Cx<'_>, sink: &mut Sink, exempt: &Exemptions) {
    for value in config_strings(cx, |s| contains_ci(s, "http://")) {
        let Some(url) = value.url() else { continue };
        if url.scheme() != "http" || exempt.url_is_exempt(&url) {
            continue;
        }
        let Some(key) = credential_query_param(&url) else {
            continue;
        };
        let host = Exemptions::describe(&url);
        sink.push(
            Diagnostic::new(&RULE, format!("credentials sent over cleartext `http://` to {host}"), value.range.clone())
                .label(format!("the `{key}` query parameter travels in this unencrypted URL"))
                .note("anyone on the network path can read the credential and replay it, and URLs end up in logs")
                .help("use an `https://` URL, and send the credential in a header rather than the query"),
        );
    }
}
