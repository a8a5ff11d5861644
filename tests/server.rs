//! The language server in process (`lsp-server`'s in-memory connection): an open document is
//! linted from its text with the other files' facts of the last full run, and what it publishes
//! must be what the CLI reports for the same files (constants, TLS acceptors and verifier impls
//! defined in other files of the package, suppressions, the policy). Real clients drive it in
//! `tests/editors.rs`.

mod support;

use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use support::{Fixture, package_manifest};

const LIB: &str = r#"mod consts;
mod server;
mod verifier;

pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(consts::INSECURE)
        .min_tls_version(reqwest::tls::Version::TLS_1_1)
        .build()
}

pub async fn serve(app: axum::Router) -> std::io::Result<()> {
    // tlslint: allow(cert_verification_disabled, reason = "nothing to excuse on this line")
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8443").await?;
    axum::serve(listener, app).await
}

pub fn tls() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(std::sync::Arc::new(verifier::Lenient))
        .with_no_client_auth()
}
"#;

const VERIFIER: &str = r#"use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};

#[derive(Debug)]
pub struct Lenient;

impl ServerCertVerifier for Lenient {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}
"#;

fn workspace(acceptor: bool) -> Fixture {
    let server = if acceptor {
        "pub fn acceptor(c: rustls::ServerConfig) -> tokio_rustls::TlsAcceptor {\n    tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(c))\n}\n"
    } else {
        "pub fn nothing() {}\n"
    };
    Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest(
                "app",
                "[package.metadata.tlslint.lints]\nunused_suppression = \"deny\"\n",
            ),
        )
        .file("src/lib.rs", LIB)
        .file("src/consts.rs", "pub const INSECURE: bool = true;\n")
        .file("src/server.rs", server)
        .file("src/verifier.rs", VERIFIER)
}

/// A client on an in-memory connection to a server thread.
struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<Result<(), cargo_tlslint::server::ServerError>>>,
    next: i32,
}

impl Client {
    fn start() -> Client {
        Client::start_learning(None)
    }

    fn start_learning(learning: Option<cargo_tlslint::server::Learning>) -> Client {
        let (client, server) = Connection::memory();
        let server = std::thread::Builder::new()
            .stack_size(64 * 1024 * 1024)
            .spawn(move || cargo_tlslint::server::serve(server, learning))
            .expect("server thread");
        let mut c = Client {
            conn: client,
            server: Some(server),
            next: 1,
        };
        let init = c.request("initialize", json!({ "capabilities": {} }));
        assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
        c.notify("initialized", json!({}));
        c
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.into(), params).into())
            .expect("send");
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = RequestId::from(self.next);
        self.next += 1;
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .expect("send");
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => return r.result.unwrap_or(Value::Null),
                _ => continue,
            }
        }
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("a message from the server")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        loop {
            if let Message::Notification(n) = self.recv()
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
            {
                return n.params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }

    fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "rust", "version": 1, "text": text } }),
        );
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        if let Some(server) = self.server.take() {
            let served = server.join().expect("server thread");
            assert!(served.is_ok(), "the server ended with {served:?}");
        }
    }
}

/// `(code, "line:col")` of LSP diagnostics (1-based, as the CLI prints them).
fn places(diagnostics: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} src/lib.rs:{}:{}",
                d["code"].as_str().unwrap_or(""),
                d["range"]["start"]["line"].as_u64().unwrap_or(0) + 1,
                d["range"]["start"]["character"].as_u64().unwrap_or(0) + 1
            )
        })
        .collect();
    out.sort();
    out
}

fn cli_places(fx: &Fixture) -> Vec<String> {
    let mut out: Vec<String> = fx
        .run(&["--color", "never"])
        .finding_lines()
        .into_iter()
        .filter(|l| l.contains("src/lib.rs:"))
        .collect();
    out.sort();
    out
}

#[test]
fn an_open_document_gets_what_the_cli_reports() {
    for acceptor in [false, true] {
        let fx = workspace(acceptor);
        let expected = cli_places(&fx);
        assert!(expected.len() >= 4, "{expected:?}");
        // The plain listener is reported either way; the acceptor of another file only changes
        // its note and adds a label there.
        assert!(
            expected.iter().any(|l| l.starts_with("TLS603")),
            "{expected:?}"
        );
        let client = Client::start();
        let path = std::fs::canonicalize(fx.path("src/lib.rs")).expect("path");
        let uri = format!("file://{}", path.display());
        client.open(&uri, LIB);
        assert_eq!(places(&client.diagnostics(&uri)), expected);
    }
}

#[test]
fn an_edit_is_linted_before_it_is_saved_and_its_fixes_are_offered() {
    let fx = workspace(true);
    let mut client = Client::start();
    let lib = std::fs::canonicalize(fx.path("src/lib.rs")).expect("path");
    let uri = format!("file://{}", lib.display());
    client.open(&uri, LIB);
    let first = client.diagnostics(&uri);
    assert!(places(&first).contains(&"TLS301 src/lib.rs:8:10".to_string()));
    let edited = LIB.replace("TLS_1_1", "TLS_1_3");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": edited }] }),
    );
    let after = client.diagnostics(&uri);
    assert!(!places(&after).iter().any(|p| p.starts_with("TLS301")));
    assert_eq!(after.len() + 1, first.len());
    let unused = after
        .iter()
        .find(|d| d["code"] == "TLS003")
        .expect("TLS003");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": unused["range"],
            "context": { "diagnostics": [unused] },
        }),
    );
    assert_eq!(
        actions[0]["title"],
        "remove the unused suppression (TLS003)"
    );
    assert_eq!(actions[0]["isPreferred"], true);
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "");
    assert_eq!(
        edit["range"]["start"],
        json!({ "line": 12, "character": 0 })
    );
    assert_eq!(edit["range"]["end"], json!({ "line": 13, "character": 0 }));
}

/// A workspace calling `acme_http::client(insecure)`, whose source is in a fake cargo home: the
/// parameter reaches reqwest's `danger_accept_invalid_certs`.
fn learning_workspace() -> Fixture {
    let dep = "home/registry/src/index.crates.io-1949cf8c6b5b557f/acme-http-0.4.1";
    Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest("app", "[dependencies]\nacme-http = \"0.4\"\n"),
        )
        .file(
            "Cargo.lock",
            "version = 4\n\n[[package]]\nname = \"acme-http\"\nversion = \"0.4.1\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"ab\"\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"acme-http\",\n]\n",
        )
        .file("src/lib.rs", "pub fn make() {\n    let _ = acme_http::client(true);\n}\n")
        .file(
            &format!("{dep}/Cargo.toml"),
            "[package]\nname = \"acme-http\"\nversion = \"0.4.1\"\nedition = \"2021\"\n",
        )
        .file(
            &format!("{dep}/src/lib.rs"),
            "pub fn client(insecure: bool) -> reqwest::Client {\n    reqwest::Client::builder().danger_accept_invalid_certs(insecure).build().expect(\"client\")\n}\n",
        )
}

#[test]
fn a_full_run_learns_the_dependencies_sinks() {
    let fx = learning_workspace();
    let path = std::fs::canonicalize(fx.path("src/lib.rs")).expect("path");
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path).expect("text");
    let learning = cargo_tlslint::server::Learning {
        cargo_home: fx.path("home"),
        cache_dir: Some(fx.path("cache")),
    };
    let client = Client::start_learning(Some(learning));
    client.open(&uri, &text);
    let mut found = places(&client.diagnostics(&uri));
    if found.is_empty() {
        found = places(&client.diagnostics(&uri));
    }
    assert_eq!(found, ["TLS101 src/lib.rs:2:24"]);
    drop(client);
    let unlearned = Client::start();
    unlearned.open(&uri, &text);
    assert_eq!(places(&unlearned.diagnostics(&uri)), Vec::<String>::new());
}
