//! End-to-end tests of sinks learned from dependencies' sources: a wrapper crate in a fake
//! `CARGO_HOME` registry whose public functions pass their argument to reqwest's
//! `danger_accept_invalid_certs`, and a workspace that calls them. Never on the network.

mod support;

use support::{Fixture, Run, tlslint};

const INDEX: &str = "home/registry/src/index.crates.io-1949cf8c6b5b557f";
const REGISTRY: &str = "registry+https://github.com/rust-lang/crates.io-index";

/// The wrapper crate's client module: a builder method and a free function that forward their
/// argument to the known sink, one that does not, and a function that switches verification
/// off on every call.
const WRAPPER: &str = "\
pub struct Builder {
    inner: reqwest::ClientBuilder,
}

impl Builder {
    pub fn new() -> Self {
        Builder { inner: reqwest::Client::builder() }
    }

    pub fn allow_insecure(mut self, on: bool) -> Self {
        self.inner = self.inner.danger_accept_invalid_certs(on);
        self
    }

    pub fn verbose(self, _on: bool) -> Self {
        self
    }
}

pub fn client(insecure: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(insecure)
        .build()
        .expect(\"client\")
}

pub fn insecure_client() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .expect(\"client\")
}
";

/// The application: lines 2 and 3 switch verification off through the wrapper, line 4 passes
/// `false`, line 5 sets an unrelated switch, line 7 passes a value from the environment, line 8
/// calls the function that is insecure on every call.
const APP: &str = "\
fn main() {
    let _ = acme_http::Builder::new().allow_insecure(true);
    let _ = acme_http::client(true);
    let _ = acme_http::client(false);
    let _ = acme_http::Builder::new().verbose(true);
    let on = std::env::var(\"ACME_INSECURE\").is_ok();
    let _ = acme_http::Builder::new().allow_insecure(on);
    let _ = acme_http::insecure_client();
}
";

fn lockfile(name: &str) -> String {
    format!(
        "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"{name}\",\n]\n\n[[package]]\nname = \"{name}\"\nversion = \"0.4.1\"\nsource = \"{REGISTRY}\"\nchecksum = \"ab\"\n"
    )
}

/// The application workspace, depending on `acme-http` 0.4.1 from the registry.
fn app() -> Fixture {
    Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nacme-http = \"0.4\"\n",
        )
        .file("app/Cargo.lock", &lockfile("acme-http"))
        .file("app/src/main.rs", APP)
}

/// The wrapper crate's source, in the registry cache.
fn with_registry(fx: Fixture) -> Fixture {
    let dir = format!("{INDEX}/acme-http-0.4.1");
    fx.file(
        &format!("{dir}/Cargo.toml"),
        "[package]\nname = \"acme-http\"\nversion = \"0.4.1\"\nedition = \"2021\"\n\n[dependencies]\nreqwest = \"0.12\"\n",
    )
    .file(
        &format!("{dir}/src/lib.rs"),
        "mod client;\npub use client::{client, insecure_client, Builder};\n",
    )
    .file(&format!("{dir}/src/client.rs"), WRAPPER)
}

fn run(fx: &Fixture, cache: &str, args: &[&str]) -> Run {
    let mut cmd = tlslint();
    cmd.current_dir(fx.path("app"))
        .env("CARGO_HOME", fx.path("home"))
        .args(["tlslint", "--color", "never", "--cache-dir"])
        .arg(fx.path(cache))
        .args(args);
    Run::from(cmd.output().expect("run cargo-tlslint"))
}

const LEARNED: [&str; 4] = [
    "TLS101 src/main.rs:2:39",
    "TLS101 src/main.rs:3:24",
    "TLS104 src/main.rs:7:39",
    "TLS101 src/main.rs:8:24",
];

#[test]
fn calls_into_a_wrapper_crate_are_judged_by_the_setting_it_forwards_to() {
    let fx = with_registry(app());
    let out = run(&fx, "cache", &[]);
    assert_eq!(out.finding_lines(), LEARNED, "{}", out.stderr);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "= note: `allow_insecure` passes its argument to `danger_accept_invalid_certs` (acme-http 0.4.1, src/client.rs:11)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "= note: `client` passes its argument to `danger_accept_invalid_certs` (acme-http 0.4.1, src/client.rs:22)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "= note: `insecure_client` calls `danger_accept_invalid_certs` itself, on every call (acme-http 0.4.1, src/client.rs:29)"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--no-learn"), "{}", out.stderr);
}

#[test]
fn no_learn_runs_as_before() {
    let fx = with_registry(app());
    let out = run(&fx, "cache", &["--no-learn", "-v"]);
    assert_eq!(out.finding_lines(), Vec::<String>::new(), "{}", out.stderr);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("learned"), "{}", out.stderr);
    assert!(!fx.path("cache").exists());
}

#[test]
fn a_second_run_takes_the_sinks_from_the_cache() {
    let fx = with_registry(app());
    let first = run(&fx, "cache", &["-v"]);
    assert!(
        first.stderr.contains(
            "tlslint: learned 3 sinks from 1 direct dependency (1 read, 0 from the cache at"
        ),
        "{}",
        first.stderr
    );
    let entries: Vec<_> = std::fs::read_dir(fx.path("cache/sinks-0.2.0-3"))
        .expect("cache directory")
        .collect();
    assert_eq!(entries.len(), 1);
    std::fs::remove_dir_all(fx.path(INDEX)).expect("remove the registry");
    let second = run(&fx, "cache", &["-v"]);
    assert_eq!(second.finding_lines(), LEARNED, "{}", second.stderr);
    assert!(
        second.stderr.contains(
            "tlslint: learned 3 sinks from 1 direct dependency (0 read, 1 from the cache at"
        ),
        "{}",
        second.stderr
    );
}

#[test]
fn a_corrupt_cache_entry_is_read_again_from_source() {
    let fx = with_registry(app());
    run(&fx, "cache", &[]);
    for entry in std::fs::read_dir(fx.path("cache/sinks-0.2.0-3")).expect("cache directory") {
        std::fs::write(entry.expect("entry").path(), "[{\"path\": 7}]").expect("corrupt");
    }
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(out.finding_lines(), LEARNED, "{}", out.stderr);
    assert!(
        out.stderr.contains("(1 read, 0 from the cache"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_dependency_not_on_disk_is_named_under_verbose() {
    let fx = app();
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(out.finding_lines(), Vec::<String>::new(), "{}", out.stderr);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "tlslint: learning: 9 calls into 1 dependency could not be followed (sources not on disk; `cargo fetch` brings it): acme-http 0.4.1 (9)"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn calls_into_dependencies_not_on_disk_are_counted_by_path_import_and_chain() {
    let lock = format!(
        "{}\n[[package]]\nname = \"foo-rpc\"\nversion = \"1.2.0\"\nsource = \"{REGISTRY}\"\nchecksum = \"cd\"\n",
        lockfile("acme-http").replace(" \"acme-http\",\n", " \"acme-http\",\n \"foo-rpc\",\n")
    );
    let fx = Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nacme-http = \"0.4\"\nfoo-rpc = \"1.2\"\n",
        )
        .file("app/Cargo.lock", &lock)
        .file(
            "app/src/main.rs",
            "use foo_rpc::{connect, Channel as Ch};\nmod net;\n\nfn main() {\n    let _ = connect(\"rpc.example.com\").timeout(3).call();\n    let _ = Ch::new();\n    let _: foo_rpc::Reply = net::get(); // foo_rpc::connect(\"x\")\n}\n",
        )
        .file(
            "app/src/net.rs",
            "pub fn get() -> foo_rpc::Reply {\n    let _ = acme_http::client(true);\n    foo_rpc::Reply::default()\n}\n",
        );
    let out = run(&fx, "cache", &["-v"]);
    assert!(
        out.stderr.contains(
            "tlslint: learning: 6 calls into 2 dependencies could not be followed (sources not on disk; `cargo fetch` brings them): foo-rpc 1.2.0 (5), acme-http 0.4.1 (1)"
        ),
        "{}",
        out.stderr
    );
    let quiet = run(&fx, "cache", &[]);
    assert!(
        !quiet.stderr.contains("could not be followed"),
        "{}",
        quiet.stderr
    );
}

#[test]
fn a_path_dependency_outside_the_workspace_is_not_read() {
    let fx = Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nacme-http = { path = \"../acme\" }\n",
        )
        .file(
            "app/Cargo.lock",
            "version = 4\n\n[[package]]\nname = \"acme-http\"\nversion = \"0.4.1\"\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"acme-http\",\n]\n",
        )
        .file("app/src/main.rs", APP)
        .file(
            "acme/Cargo.toml",
            "[package]\nname = \"acme-http\"\nversion = \"0.4.1\"\nedition = \"2021\"\n",
        )
        .file(
            "acme/src/lib.rs",
            "mod client;\npub use client::{client, insecure_client, Builder};\n",
        )
        .file("acme/src/client.rs", WRAPPER);
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(out.finding_lines(), Vec::<String>::new(), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("tlslint: learned 0 sinks from 0 direct dependencies"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_lockfile_name_that_is_not_a_package_name_reads_and_writes_nothing() {
    let fx = with_registry(
        Fixture::new()
            .file(
                "app/Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nacme-http = { package = \"../../acme-http\", version = \"0.4\" }\n",
            )
            .file("app/Cargo.lock", &lockfile("../../acme-http"))
            .file("app/src/main.rs", APP),
    );
    let out = run(&fx, "cache/inner", &["-v"]);
    assert_eq!(out.finding_lines(), Vec::<String>::new(), "{}", out.stderr);
    assert!(!fx.path("cache").exists());
}

/// A QUIC crate that ships a verifier accepting every certificate (as `wtransport` does).
const QUIC_VERIFIER: &str = "\
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct NoServerVerification;

impl ServerCertVerifier for NoServerVerification {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}
";

/// The application installs the crate's verifier (line 7), one of another crate (line 14) and
/// one of the crate's test code (line 21): only the first is known not to verify.
const QUIC_APP: &str = "\
use std::sync::Arc;
use quic_kit::tls::NoServerVerification;

pub fn config() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(NoServerVerification))
        .with_no_client_auth()
}

pub fn other() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(other_kit::NoServerVerification))
        .with_no_client_auth()
}

pub fn test_only() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(quic_kit::tests::TestOnlyVerifier))
        .with_no_client_auth()
}
";

fn quic_app() -> Fixture {
    let lock = lockfile("quic-kit").replace("0.4.1", "0.2.0");
    Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nquic-kit = \"0.2\"\n",
        )
        .file("app/Cargo.lock", &lock)
        .file("app/src/lib.rs", QUIC_APP)
        .file(
            &format!("{INDEX}/quic-kit-0.2.0/Cargo.toml"),
            "[package]\nname = \"quic-kit\"\nversion = \"0.2.0\"\nedition = \"2021\"\n",
        )
        .file(
            &format!("{INDEX}/quic-kit-0.2.0/src/lib.rs"),
            "pub mod tls;\n#[cfg(test)]\nmod tests;\n",
        )
        .file(&format!("{INDEX}/quic-kit-0.2.0/src/tls.rs"), QUIC_VERIFIER)
        .file(
            &format!("{INDEX}/quic-kit-0.2.0/src/tests.rs"),
            &QUIC_VERIFIER.replace("NoServerVerification", "TestOnlyVerifier"),
        )
}

#[test]
fn a_verifier_type_of_a_dependency_that_accepts_everything_is_tls110_where_it_is_installed() {
    let fx = quic_app();
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(
        out.finding_lines(),
        ["TLS110 src/lib.rs:7:10"],
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "= note: `NoServerVerification` is implemented in quic-kit 0.2.0 at src/tls.rs:7 (learned from its source; `--no-learn` turns learning off)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "tlslint: learned 0 sinks and 1 verifier type that does not verify from 1 direct dependency (1 read, 0 from the cache"
        ),
        "{}",
        out.stderr
    );
    let cached = run(&fx, "cache", &[]);
    assert_eq!(
        cached.finding_lines(),
        ["TLS110 src/lib.rs:7:10"],
        "{}",
        cached.stderr
    );
    let unlearned = run(&fx, "cache", &["--no-learn"]);
    assert_eq!(
        unlearned.finding_lines(),
        Vec::<String>::new(),
        "{}",
        unlearned.stderr
    );
}

/// A link checker whose client options are a `TypedBuilder` struct (as `lychee-lib`'s): the
/// generated setter `allow_insecure(…)` fills the field that reaches the known setting; the
/// field `insecure` of the struct without a builder is set by nothing outside the package.
const BUILDER_DERIVE: &str = "\
use typed_builder::TypedBuilder;

#[derive(TypedBuilder, Debug, Clone)]
pub struct ClientBuilder {
    #[builder(default)]
    allow_insecure: bool,
}

impl ClientBuilder {
    pub fn client(self) -> reqwest::Client {
        reqwest::Client::builder()
            .danger_accept_invalid_certs(self.allow_insecure)
            .build()
            .expect(\"client\")
    }
}

#[derive(Debug, Clone, Default)]
pub struct Quiet {
    insecure: bool,
}

impl Quiet {
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .danger_accept_invalid_certs(self.insecure)
            .build()
            .expect(\"client\")
    }
}
";

#[test]
fn a_builder_derive_exposes_its_fields_setters() {
    let lock = lockfile("link-check").replace("0.4.1", "0.20.1");
    let fx = Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nlink-check = \"0.20\"\n",
        )
        .file("app/Cargo.lock", &lock)
        .file(
            "app/src/main.rs",
            "fn main() {\n    let _ = link_check::ClientBuilder::builder().allow_insecure(true).build().client();\n    let _ = link_check::ClientBuilder::builder().allow_insecure(false).build().client();\n    let _ = link_check::Quiet::default().insecure(true);\n}\n",
        )
        .file(
            &format!("{INDEX}/link-check-0.20.1/Cargo.toml"),
            "[package]\nname = \"link-check\"\nversion = \"0.20.1\"\nedition = \"2021\"\n",
        )
        .file(&format!("{INDEX}/link-check-0.20.1/src/lib.rs"), "mod client;\npub use client::{ClientBuilder, Quiet};\n")
        .file(&format!("{INDEX}/link-check-0.20.1/src/client.rs"), BUILDER_DERIVE);
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(
        out.finding_lines(),
        ["TLS101 src/main.rs:2:50"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "= note: `allow_insecure` passes its argument to `danger_accept_invalid_certs` (link-check 0.20.1, src/client.rs:12)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("tlslint: learned 1 sink from 1 direct dependency"),
        "{}",
        out.stderr
    );
}

/// A wrapper of the wrapper: `acme-api` builds on `acme-http` (the one above), and the
/// workspace depends only on `acme-api`. Line 11 forwards the argument to `acme-http`'s learned
/// sink, line 17 calls `acme-http`'s function that is insecure on every call.
const OUTER: &str = "\
pub struct Client {
    inner: acme_http::Builder,
}

impl Client {
    pub fn new() -> Self {
        Client { inner: acme_http::Builder::new() }
    }

    pub fn insecure(mut self, on: bool) -> Self {
        self.inner = self.inner.allow_insecure(on);
        self
    }
}

pub fn quick() -> reqwest::Client {
    acme_http::insecure_client()
}
";

/// The application of the wrapper of the wrapper: lines 2 and 4 weaken TLS through it.
const OUTER_APP: &str = "\
fn main() {
    let _ = acme_api::Client::new().insecure(true);
    let _ = acme_api::Client::new().insecure(false);
    let _ = acme_api::quick();
}
";

fn chain_lockfile(http_checksum: &str) -> String {
    format!(
        "version = 4\n\n[[package]]\nname = \"acme-api\"\nversion = \"1.0.0\"\nsource = \"{REGISTRY}\"\nchecksum = \"cd\"\ndependencies = [\n \"acme-http\",\n]\n\n[[package]]\nname = \"acme-http\"\nversion = \"0.4.1\"\nsource = \"{REGISTRY}\"\nchecksum = \"{http_checksum}\"\ndependencies = [\n \"reqwest\",\n]\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"acme-api\",\n]\n\n[[package]]\nname = \"reqwest\"\nversion = \"0.12.23\"\nsource = \"{REGISTRY}\"\nchecksum = \"ef\"\n"
    )
}

/// The workspace on `acme-api` 1.0.0, which depends on `acme-http` 0.4.1 (both in the registry
/// cache; reqwest is not on disk).
fn chain() -> Fixture {
    let dir = format!("{INDEX}/acme-api-1.0.0");
    with_registry(
        Fixture::new()
            .file(
                "app/Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nacme-api = \"1\"\n",
            )
            .file("app/Cargo.lock", &chain_lockfile("ab"))
            .file("app/src/main.rs", OUTER_APP),
    )
    .file(
        &format!("{dir}/Cargo.toml"),
        "[package]\nname = \"acme-api\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n[dependencies]\nacme-http = \"0.4\"\n",
    )
    .file(&format!("{dir}/src/lib.rs"), OUTER)
}

const CHAINED: [&str; 2] = ["TLS101 src/main.rs:2:37", "TLS101 src/main.rs:4:23"];

#[test]
fn a_wrapper_of_a_wrapper_is_followed_and_the_note_names_the_chain() {
    let fx = chain();
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(out.finding_lines(), CHAINED, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "= note: `insecure` passes its argument to `acme_http::Builder::allow_insecure` (acme-api 1.0.0, src/lib.rs:11), which passes it to `danger_accept_invalid_certs` (acme-http 0.4.1, src/client.rs:11)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "= note: `quick` calls `acme_http::insecure_client` itself, on every call (acme-api 1.0.0, src/lib.rs:17), which calls `danger_accept_invalid_certs` itself (acme-http 0.4.1, src/client.rs:29)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "tlslint: learned 2 sinks from 1 direct dependency and 1 of their dependencies (2 read, 0 from the cache at"
        ),
        "{}",
        out.stderr
    );
    std::fs::remove_dir_all(fx.path(INDEX)).expect("remove the registry");
    let cached = run(&fx, "cache", &["-v"]);
    assert_eq!(cached.finding_lines(), CHAINED, "{}", cached.stderr);
    assert!(
        cached.stderr.contains("(0 read, 2 from the cache"),
        "{}",
        cached.stderr
    );
}

#[test]
fn a_package_is_learned_again_when_what_its_dependency_teaches_changes() {
    let harmless = WRAPPER
        .replace(
            "self.inner = self.inner.danger_accept_invalid_certs(on);",
            "let _ = on;",
        )
        .replace(".danger_accept_invalid_certs(true)", ".https_only(true)");
    let fx = chain().file(&format!("{INDEX}/acme-http-0.4.1/src/client.rs"), &harmless);
    let before = run(&fx, "cache", &["-v"]);
    assert_eq!(
        before.finding_lines(),
        Vec::<String>::new(),
        "{}",
        before.stderr
    );
    // A new release of acme-http under the same version (a new checksum) that forwards the
    // argument: acme-api's own source is unchanged, but what it learns from it is not.
    let fx = fx
        .file(&format!("{INDEX}/acme-http-0.4.1/src/client.rs"), WRAPPER)
        .file("app/Cargo.lock", &chain_lockfile("ba"));
    let after = run(&fx, "cache", &["-v"]);
    assert_eq!(after.finding_lines(), CHAINED, "{}", after.stderr);
    assert!(
        after.stderr.contains("(2 read, 0 from the cache"),
        "{}",
        after.stderr
    );
}

#[test]
fn a_dependency_the_wrapper_does_not_name_is_not_read() {
    let fx = chain().file(
        &format!("{INDEX}/acme-api-1.0.0/src/lib.rs"),
        "pub fn version() -> &'static str {\n    \"1\"\n}\n",
    );
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(out.finding_lines(), Vec::<String>::new(), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "tlslint: learned 0 sinks from 1 direct dependency (1 read, 0 from the cache"
        ),
        "{}",
        out.stderr
    );
}

/// A crate whose public functions take a TLS floor, a listener address and a database host, and
/// hand them to settings whose danger is a range of values.
const EDGE_KIT: &str = "\
use reqwest::tls::Version;
use tokio::net::TcpListener;
use tokio_postgres::NoTls;

pub fn client_with_floor(min: Version) -> reqwest::Client {
    reqwest::Client::builder().min_tls_version(min).build().unwrap()
}

pub async fn serve(app: axum::Router, addr: &str) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    axum::serve(listener, app).await
}

pub async fn connect(host: &str) -> Result<(), tokio_postgres::Error> {
    let mut config = tokio_postgres::Config::new();
    config.host(host).user(\"app\");
    let (_client, _conn) = config.connect(NoTls).await?;
    Ok(())
}

pub struct Server {
    pub tls: Option<String>,
}

impl Server {
    pub async fn serve(self, app: axum::Router, addr: &str) -> std::io::Result<()> {
        let listener = TcpListener::bind(addr).await?;
        axum::serve(listener, app).await
    }
}
";

/// Through the crate (lines 4, 6, 8) and spelled directly (lines 13, 17, 22): the same verdicts;
/// the safe values (lines 5, 7, 9) are nothing, and so is a method's listener address (line 27:
/// the receiver may carry a TLS configuration).
const EDGE_APP: &str = "\
use reqwest::tls::Version;

pub async fn through(app: axum::Router) {
    let _ = edge_kit::client_with_floor(Version::TLS_1_0);
    let _ = edge_kit::client_with_floor(Version::TLS_1_2);
    let _ = edge_kit::serve(app.clone(), \"0.0.0.0:8080\").await;
    let _ = edge_kit::serve(app, \"127.0.0.1:8080\").await;
    let _ = edge_kit::connect(\"db.prod.example.com\").await;
    let _ = edge_kit::connect(\"localhost\").await;
}

pub fn direct_floor() -> reqwest::Client {
    reqwest::Client::builder().min_tls_version(Version::TLS_1_0).build().unwrap()
}

pub async fn direct_serve(app: axum::Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(\"0.0.0.0:8080\").await?;
    axum::serve(listener, app).await
}

pub async fn direct_connect() -> Result<(), tokio_postgres::Error> {
    let (_client, _conn) = tokio_postgres::Config::new().host(\"db.prod.example.com\").connect(tokio_postgres::NoTls).await?;
    Ok(())
}

pub async fn through_method(server: edge_kit::Server, app: axum::Router) {
    let _ = server.serve(app, \"0.0.0.0:9090\").await;
}
";

#[test]
fn a_range_of_dangerous_values_is_learned_and_judged_like_the_direct_spelling() {
    let lock = lockfile("edge-kit").replace("0.4.1", "0.3.0");
    let dir = format!("{INDEX}/edge-kit-0.3.0");
    let fx = Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nedge-kit = \"0.3\"\n",
        )
        .file("app/Cargo.lock", &lock)
        .file("app/src/lib.rs", EDGE_APP)
        .file(
            &format!("{dir}/Cargo.toml"),
            "[package]\nname = \"edge-kit\"\nversion = \"0.3.0\"\nedition = \"2021\"\n",
        )
        .file(&format!("{dir}/src/lib.rs"), EDGE_KIT);
    let out = run(&fx, "cache", &["-v", "--message-format", "short"]);
    let short = |r: &Run| -> Vec<String> {
        r.stderr
            .lines()
            .filter(|l| l.starts_with("src/"))
            .map(|l| l.split(": this setting").next().unwrap_or(l).to_string())
            .collect()
    };
    let lines = short(&out);
    assert_eq!(
        lines,
        [
            "src/lib.rs:4:23: error[TLS301]: a TLS version below TLS 1.2 is allowed",
            "src/lib.rs:6:23: warning[TLS603]: plain HTTP server listening on all interfaces",
            "src/lib.rs:8:23: warning[TLS501]: plaintext connection to a host that is not loopback",
            "src/lib.rs:13:32: error[TLS301]: a TLS version below TLS 1.2 is allowed: TLS 1.0 and later are allowed",
            "src/lib.rs:17:50: warning[TLS603]: plain HTTP server listening on all interfaces: `0.0.0.0:8080` accepts connections on every network interface",
            "src/lib.rs:22:94: warning[TLS501]: plaintext connection to `db.prod.example.com`: `NoTls` connects without TLS",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "tlslint: learned 3 sinks from 1 direct dependency (1 read, 0 from the cache"
        ),
        "{}",
        out.stderr
    );
    let human = run(&fx, "cache", &[]);
    for note in [
        "= note: `client_with_floor` passes its argument to `min_tls_version` (edge-kit 0.3.0, src/lib.rs:6)",
        "= note: `serve` passes its argument to `TcpListener::bind(addr)` (edge-kit 0.3.0, src/lib.rs:10)",
        "= note: `connect` passes its argument to `connect(NoTls)` (edge-kit 0.3.0, src/lib.rs:17)",
    ] {
        assert!(human.stderr.contains(note), "{note}\n{}", human.stderr);
    }
    let cached = run(&fx, "cache", &["-v", "--message-format", "short"]);
    assert_eq!(short(&cached), lines, "{}", cached.stderr);
    assert!(
        cached.stderr.contains("(0 read, 1 from the cache"),
        "{}",
        cached.stderr
    );
    let tls13 = fx.file("app/tlslint.toml", "min-tls-version = \"1.3\"\n");
    let strict = run(&tls13, "cache", &["--message-format", "short"]);
    assert!(
        strict.stderr.contains("src/lib.rs:5:23: error[TLS301]"),
        "a floor of TLS 1.2 is too old under `min-tls-version = \"1.3\"`: {}",
        strict.stderr
    );
}

#[test]
fn a_cycle_in_the_lockfile_ends_with_the_deeper_package_learned_first() {
    let cyclic = chain_lockfile("ab").replace(
        "dependencies = [\n \"reqwest\",\n]",
        "dependencies = [\n \"acme-api\",\n \"reqwest\",\n]",
    );
    let client = format!("use acme_api as api;\n{WRAPPER}");
    let fx = chain()
        .file("app/Cargo.lock", &cyclic)
        .file(&format!("{INDEX}/acme-http-0.4.1/src/client.rs"), &client);
    let mut cmd = tlslint();
    cmd.current_dir(fx.path("app"))
        .env("CARGO_HOME", fx.path("home"))
        .args(["tlslint", "--color", "never", "-v", "--cache-dir"])
        .arg(fx.path("cache"));
    let out = support::run_bounded(cmd);
    assert!(
        out.stderr.contains(
            "tlslint: learned 2 sinks from 1 direct dependency and 1 of their dependencies (2 read, 0 from the cache"
        ),
        "the deeper package is learned first: {}",
        out.stderr
    );
    assert_eq!(out.finding_lines(), CHAINED, "{}", out.stderr);
}

#[test]
fn learning_stops_three_levels_below_the_workspace() {
    let lock = format!(
        "{}\n[[package]]\nname = \"deeper\"\nversion = \"1.0.0\"\nsource = \"{REGISTRY}\"\nchecksum = \"01\"\n",
        chain_lockfile("ab").replace(
            "checksum = \"ef\"\n",
            "checksum = \"ef\"\ndependencies = [\n \"deeper\",\n]\n"
        )
    );
    let manifest = |name: &str, version: &str| {
        format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n")
    };
    let fx = chain()
        .file("app/Cargo.lock", &lock)
        .file(
            &format!("{INDEX}/reqwest-0.12.23/Cargo.toml"),
            &manifest("reqwest", "0.12.23"),
        )
        .file(
            &format!("{INDEX}/reqwest-0.12.23/src/lib.rs"),
            "pub use deeper::Client;\npub struct ClientBuilder;\n",
        )
        .file(
            &format!("{INDEX}/deeper-1.0.0/Cargo.toml"),
            &manifest("deeper", "1.0.0"),
        )
        .file(
            &format!("{INDEX}/deeper-1.0.0/src/lib.rs"),
            "pub struct Client;\n",
        );
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(out.finding_lines(), CHAINED, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "tlslint: learned 2 sinks from 1 direct dependency and 2 of their dependencies (3 read, 0 from the cache"
        ),
        "acme-api, acme-http and reqwest, not deeper: {}",
        out.stderr
    );
}

/// A crate whose public struct's public field reaches the known setting inside the crate, and
/// whose private field does too (not settable by its users, so not learned).
const FIELD_WRAPPER: &str = "\
pub struct Config {
    pub url: String,
    pub skip_verify: bool,
    trace: bool,
}

impl Config {
    pub fn new(url: String) -> Self {
        Config { url, skip_verify: false, trace: false }
    }
}

pub fn client(config: &Config) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(config.skip_verify)
        .danger_accept_invalid_hostnames(config.trace)
        .build()
        .expect(\"client\")
}
";

/// The application: line 4 assigns `true` to the field, line 6 gives it `false`, line 7 a value
/// from the environment, line 8 `true` in a struct literal; `own.rs` has a struct of the same
/// name that is its own and does not mention the crate.
const FIELD_APP: &str = "\
mod own;
fn main() {
    let mut c = kube_lite::Config::new(String::new());
    c.skip_verify = true;
    let _ = kube_lite::client(&c);
    let _ = kube_lite::Config { skip_verify: false, ..kube_lite::Config::new(String::new()) };
    let _ = kube_lite::Config { skip_verify: std::env::var(\"X\").is_ok(), ..c };
    let _ = kube_lite::Config { skip_verify: true, ..kube_lite::Config::new(String::new()) };
}
";

#[test]
fn a_public_field_that_reaches_a_setting_is_judged_where_the_workspace_sets_it() {
    let lock = lockfile("kube-lite").replace("0.4.1", "1.0.0");
    let fx = Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nkube-lite = \"1\"\n",
        )
        .file("app/Cargo.lock", &lock)
        .file("app/src/main.rs", FIELD_APP)
        .file(
            "app/src/own.rs",
            "pub struct Config {\n    pub skip_verify: bool,\n}\n\npub fn own() -> Config {\n    let mut c = Config { skip_verify: true };\n    c.skip_verify = true;\n    c\n}\n",
        )
        .file(
            &format!("{INDEX}/kube-lite-1.0.0/Cargo.toml"),
            "[package]\nname = \"kube-lite\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n[dependencies]\nreqwest = \"0.12\"\n",
        )
        .file(&format!("{INDEX}/kube-lite-1.0.0/src/lib.rs"), FIELD_WRAPPER);
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(
        out.finding_lines(),
        [
            "TLS101 src/main.rs:4:5",
            "TLS104 src/main.rs:7:33",
            "TLS101 src/main.rs:8:33",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "= note: `kube_lite::Config::skip_verify` passes its value to `danger_accept_invalid_certs` (kube-lite 1.0.0, src/lib.rs:15)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("tlslint: learned 1 sink from 1 direct dependency"),
        "the private field is not learned: {}",
        out.stderr
    );
    let again = run(&fx, "cache", &["-v"]);
    assert_eq!(
        again.finding_lines(),
        out.finding_lines(),
        "{}",
        again.stderr
    );
    assert!(
        again.stderr.contains("1 from the cache"),
        "{}",
        again.stderr
    );
}

/// A crate whose public methods without a dangerous parameter pass a constant to a private
/// helper whose parameter reaches the known setting: `allow_invalid_certs()` passes `true`
/// (every call is insecure), `strict()` passes `false`, `maybe()` passes `true` only under a
/// run-time `if` on its parameter; `insecure(on)` passes its parameter on through `.into()`.
const HELPER_WRAPPER: &str = "\
pub struct Smtp {
    client: reqwest::Client,
}

fn connector(allow_invalid: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(allow_invalid)
        .build()
        .expect(\"client\")
}

impl Smtp {
    pub fn allow_invalid_certs(mut self) -> Self {
        self.client = connector(true);
        self
    }

    pub fn strict(mut self) -> Self {
        self.client = connector(false);
        self
    }

    pub fn maybe(mut self, on: bool) -> Self {
        if on {
            self.client = connector(true);
        }
        self
    }

    pub fn insecure(mut self, on: bool) -> Self {
        self.client = connector(on.into());
        self
    }
}
";

#[test]
fn a_public_function_that_passes_a_dangerous_constant_to_a_private_helper_is_insecure_on_every_call()
 {
    let lock = lockfile("smtp-lite").replace("0.4.1", "0.7.0");
    let fx = Fixture::new()
        .file(
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nsmtp-lite = \"0.7\"\n",
        )
        .file("app/Cargo.lock", &lock)
        .file(
            "app/src/main.rs",
            "fn main(s: smtp_lite::Smtp, t: smtp_lite::Smtp, u: smtp_lite::Smtp) {\n    let _ = s.allow_invalid_certs();\n    let _ = t.strict();\n    let _ = u.maybe(false);\n    let _ = smtp_lite::Smtp::insecure(s, true);\n}\n",
        )
        .file(
            &format!("{INDEX}/smtp-lite-0.7.0/Cargo.toml"),
            "[package]\nname = \"smtp-lite\"\nversion = \"0.7.0\"\nedition = \"2021\"\n\n[dependencies]\nreqwest = \"0.12\"\n",
        )
        .file(&format!("{INDEX}/smtp-lite-0.7.0/src/lib.rs"), HELPER_WRAPPER);
    let out = run(&fx, "cache", &["-v"]);
    assert_eq!(
        out.finding_lines(),
        ["TLS101 src/main.rs:2:15", "TLS101 src/main.rs:5:30"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "= note: `allow_invalid_certs` calls `danger_accept_invalid_certs` itself, on every call (smtp-lite 0.7.0, src/lib.rs:7)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("tlslint: learned 2 sinks from 1 direct dependency"),
        "{}",
        out.stderr
    );
}
