//! TLS513 `cleartext_grpc_credentials`: tonic endpoints on `http://` (h2c) in a package that also
//! puts `authorization` metadata on requests (catalog E2). The two halves are often in different
//! files: each file records its half, and the package-level join pairs them.

use syn::Expr;

use crate::cleartext::hosts::Exemptions;
use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::facts::{Condition, Fact};
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::str_value;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS513",
    name: "cleartext_grpc_credentials",
    default_level: Level::Warn,
    summary: "a tonic `http://` endpoint combined with `authorization` metadata",
    cwe: &[319],
    needles: &[
        "(?i)http:// && Channel || Endpoint",
        "(?i)\"authorization\" && metadata",
    ],
    docs: r#"### What it does
Flags a tonic `Channel::from_static`/`Channel::from_shared`/`Endpoint::from_static`/
`Endpoint::from_shared`/`Endpoint::new` endpoint whose URL is `http://` (HTTP/2 without TLS) to a
host that is not exempt, in a package that also inserts `authorization` metadata into requests
(`req.metadata_mut().insert("authorization", …)`, typically in an interceptor, in any file). Loopback hosts,
unix sockets and the policy's `allowed-cleartext-hosts` are exempt.

### Why is this bad?
Over h2c the metadata travels in cleartext: the bearer token in `authorization` can be read by
anyone on the network path and replayed (CWE-319).

### Example
```rust
fn intercept(mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
    req.metadata_mut().insert("authorization", "Bearer t0k3n".parse().unwrap());
    Ok(req)
}
async fn channel() -> Result<tonic::transport::Channel, tonic::transport::Error> {
    tonic::transport::Channel::from_static("http://grpc.example.com:50051").connect().await
}
```

Use instead:
```rust
fn intercept(mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
    req.metadata_mut().insert("authorization", "Bearer t0k3n".parse().unwrap());
    Ok(req)
}
async fn channel() -> Result<tonic::transport::Channel, tonic::transport::Error> {
    tonic::transport::Channel::from_static("https://grpc.example.com")
        .tls_config(tonic::transport::ClientTlsConfig::new().with_native_roots())?
        .connect()
        .await
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// The package puts `authorization` metadata on gRPC requests (an endpoint on `http://` matters
/// only then).
static AUTHORIZATION_METADATA: Fact = Fact {
    name: "puts `authorization` metadata on gRPC requests",
    label: "`authorization` metadata is added here",
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    let metadata = cx
        .mentions_ci("authorization")
        .then(|| authorization_metadata(cx))
        .flatten();
    if let Some(at) = &metadata {
        sink.establish(&AUTHORIZATION_METADATA, Some(at.clone()));
    }
    if !cx.mentions_ci("http://") {
        return;
    }
    let exempt = Exemptions::new(cx.policy);
    for call in &cx.calls {
        let Expr::Path(f) = &*call.func else { continue };
        let segs = cx.canonical_path(&f.path);
        let [.., owner, ctor] = &segs[..] else {
            continue;
        };
        if !matches!(owner.as_str(), "Channel" | "Endpoint")
            || !matches!(
                ctor.as_str(),
                "from_static" | "from_shared" | "new" | "try_from"
            )
        {
            continue;
        }
        let Some(arg) = call.args.first() else {
            continue;
        };
        let Some(value) = str_value(cx, arg) else {
            continue;
        };
        let Some(url) = value.url() else { continue };
        if url.scheme() != "http" || exempt.url_is_exempt(&url) {
            continue;
        }
        let mut d = Diagnostic::new(
            &RULE,
            format!(
                "gRPC credentials sent over cleartext `http://` to {}",
                Exemptions::describe(&url)
            ),
            cx.range(arg),
        )
        .label("this endpoint speaks HTTP/2 without TLS");
        if !cx.range(arg).contains(&value.range.start) {
            d = d.secondary(value.range.clone(), "the URL is written here");
        }
        let d = d
            .note("the `authorization` metadata travels in cleartext to the server")
            .help("use an `https://` endpoint with `.tls_config(ClientTlsConfig::new().with_native_roots())`");
        match &metadata {
            Some(at) => sink.push(d.secondary(at.clone(), AUTHORIZATION_METADATA.label)),
            None => sink.defer(d, Condition::With(&AUTHORIZATION_METADATA)),
        }
    }
}

/// The first `….metadata_mut().insert("authorization", …)` (or `append`) of the file.
fn authorization_metadata(cx: &Cx<'_>) -> Option<std::ops::Range<usize>> {
    cx.method_calls.iter().find_map(|m| {
        let insert = matches!(m.method.to_string().as_str(), "insert" | "append" | "insert_bin" | "append_bin");
        let on_metadata = matches!(peel(&m.receiver), Expr::MethodCall(r) if r.method == "metadata_mut")
            || cx.snippet(&*m.receiver).to_ascii_lowercase().contains("metadata");
        let key = m.args.first().and_then(|a| str_value(cx, a)).is_some_and(|k| k.text.eq_ignore_ascii_case("authorization"));
        (insert && on_metadata && key).then(|| crate::cleartext::carriers::method_range(cx, m))
    })
}
