//! End to end: custom verifiers defined in one module or workspace member and installed in
//! another, through the built binary on fixture workspaces written to temp directories.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// A finding as the JSON output reports it: code, level, primary file and line, and the files
/// and lines of the secondary spans.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    code: String,
    level: String,
    file: String,
    line: u64,
    secondary: Vec<(String, u64)>,
}

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = root.join(path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        }
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
    }
}

/// Runs `cargo tlslint --message-format json` on the workspace; returns the findings and the
/// exit status.
fn lint(root: &Path, extra: &[&str]) -> (Vec<Finding>, i32) {
    let manifest = root.join("Cargo.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-tlslint"))
        .args(["tlslint", "--manifest-path"])
        .arg(&manifest)
        .args(["--message-format", "json"])
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cargo-tlslint: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut findings = Vec::new();
    for line in stdout.lines() {
        let v: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("bad JSON line {line}: {e}"));
        if v["reason"] != "compiler-message" {
            continue;
        }
        let m = &v["message"];
        let spans = m["spans"].as_array().cloned().unwrap_or_default();
        let at = |s: &Value| {
            (
                s["file_name"].as_str().unwrap_or("").to_string(),
                s["line_start"].as_u64().unwrap_or(0),
            )
        };
        let primary = spans
            .iter()
            .find(|s| s["is_primary"] == true)
            .map(at)
            .unwrap_or_default();
        let mut secondary: Vec<(String, u64)> = spans
            .iter()
            .filter(|s| s["is_primary"] != true)
            .map(at)
            .collect();
        secondary.sort();
        findings.push(Finding {
            code: m["code"]["code"].as_str().unwrap_or("").to_string(),
            level: m["level"].as_str().unwrap_or("").to_string(),
            file: primary.0,
            line: primary.1,
            secondary,
        });
    }
    findings.sort();
    (findings, out.status.code().unwrap_or(-1))
}

fn finding(code: &str, level: &str, file: &str, line: u64, secondary: &[(&str, u64)]) -> Finding {
    let mut secondary: Vec<(String, u64)> =
        secondary.iter().map(|(f, l)| (f.to_string(), *l)).collect();
    secondary.sort();
    Finding {
        code: code.to_string(),
        level: level.to_string(),
        file: file.to_string(),
        line,
        secondary,
    }
}

const NO_VERIFIER: &str = r#"use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct NoVerifier;

impl ServerCertVerifier for NoVerifier {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}
"#;

#[test]
fn verifier_defined_in_one_module_installed_in_another() {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        &[
            (
                "Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            ),
            ("src/lib.rs", "pub mod client;\npub mod net;\n"),
            ("src/net/mod.rs", "pub mod verifier;\n"),
            ("src/net/verifier.rs", NO_VERIFIER),
            (
                "src/client.rs",
                r#"use std::sync::Arc;

use rustls::client::danger::ServerCertVerifier;

use crate::net::verifier::NoVerifier;

fn verifier() -> Arc<dyn ServerCertVerifier> {
    Arc::new(NoVerifier)
}

pub fn direct() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(NoVerifier))
        .with_no_client_auth()
}

pub fn through_helper() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(verifier())
        .with_no_client_auth()
}
"#,
            ),
        ],
    );
    let (findings, status) = lint(dir.path(), &[]);
    assert_eq!(
        findings,
        vec![
            finding(
                "TLS110",
                "error",
                "src/client.rs",
                14,
                &[("src/client.rs", 14), ("src/net/verifier.rs", 7)]
            ),
            finding(
                "TLS110",
                "error",
                "src/client.rs",
                21,
                &[("src/client.rs", 21), ("src/net/verifier.rs", 7)]
            ),
            finding(
                "TLS110",
                "error",
                "src/net/verifier.rs",
                7,
                &[("src/net/verifier.rs", 16)]
            ),
        ]
    );
    assert_eq!(status, 1);
}

#[test]
fn verifier_defined_in_one_member_installed_in_another() {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        &[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"tls\", \"app\"]\nresolver = \"2\"\n",
            ),
            (
                "tls/Cargo.toml",
                "[package]\nname = \"tls\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            ),
            ("tls/src/lib.rs", "pub mod verifier;\n"),
            ("tls/src/verifier.rs", NO_VERIFIER),
            (
                "app/Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\ntls = { path = \"../tls\" }\n",
            ),
            (
                "app/src/main.rs",
                r#"use std::sync::Arc;

use tls::verifier::NoVerifier;

fn main() {
    let verifier = Arc::new(NoVerifier);
    let mut config = rustls::ClientConfig::builder().with_root_certificates(rustls::RootCertStore::empty()).with_no_client_auth();
    config.dangerous().set_certificate_verifier(verifier);
}
"#,
            ),
        ],
    );
    let (findings, status) = lint(dir.path(), &[]);
    assert_eq!(
        findings,
        vec![
            finding(
                "TLS110",
                "error",
                "app/src/main.rs",
                8,
                &[("app/src/main.rs", 8), ("tls/src/verifier.rs", 7)]
            ),
            finding(
                "TLS110",
                "error",
                "tls/src/verifier.rs",
                7,
                &[("tls/src/verifier.rs", 16)]
            ),
        ]
    );
    assert_eq!(status, 1);
}

#[test]
fn legitimate_verifier_installed_elsewhere_is_clean() {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        &[
            (
                "Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            ),
            ("src/lib.rs", "pub mod client;\npub mod verifier;\n"),
            (
                "src/verifier.rs",
                r#"use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct Logged {
    pub inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for Logged {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verified = self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now)?;
        log::info!("verified {server_name:?}");
        Ok(verified)
    }
}
"#,
            ),
            (
                "src/client.rs",
                r#"use std::sync::Arc;

use crate::verifier::Logged;

pub fn config(inner: Arc<rustls::client::WebPkiServerVerifier>) -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Logged { inner }))
        .with_no_client_auth()
}
"#,
            ),
        ],
    );
    let (findings, status) = lint(dir.path(), &["-D", "unanalysed_custom_verifier"]);
    assert_eq!(findings, vec![]);
    assert_eq!(status, 0);
}

#[test]
fn verifier_from_a_dependency_is_unanalysed() {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        &[
            (
                "Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            ),
            (
                "src/lib.rs",
                r#"use std::sync::Arc;

pub fn config() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(other::Lenient::new()))
        .with_no_client_auth()
}
"#,
            ),
        ],
    );
    assert_eq!(lint(dir.path(), &[]), (vec![], 0));
    let (findings, status) = lint(dir.path(), &["-D", "unanalysed_custom_verifier"]);
    assert_eq!(
        findings,
        vec![finding("TLS114", "error", "src/lib.rs", 6, &[])]
    );
    assert_eq!(status, 1);
}
