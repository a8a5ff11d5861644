//! End-to-end tests of the dependency audit (`--dependencies`) on fixture registries built in
//! a temporary directory: a fake `CARGO_HOME` with `registry/src/<index>/<name>-<version>/`
//! packages, a lockfile, and a workspace. Never on the network.

mod support;

use support::{Fixture, Run, package_manifest, tlslint};

const INDEX: &str = "home/registry/src/index.crates.io-1949cf8c6b5b557f";
const REGISTRY: &str = "registry+https://github.com/rust-lang/crates.io-index";

const DISABLED: &str = "pub fn client() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().danger_accept_invalid_certs(true).build()\n}\n";

/// The locked dependencies of the fixture workspace `app`, with their names and versions.
const LOCKED: &[(&str, &str)] = &[
    ("clean", "1.0.0"),
    ("evil", "0.1.0"),
    ("gated", "2.0.0"),
    ("gated-on", "1.0.0"),
    ("missing", "3.0.0"),
    ("pingora-core", "0.6.2"),
    ("toggle", "1.0.0"),
];

fn lockfile() -> String {
    let mut out = String::from(
        "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n",
    );
    for (name, _) in LOCKED {
        out.push_str(&format!(" \"{name}\",\n"));
    }
    out.push_str("]\n");
    for (name, version) in LOCKED {
        out.push_str(&format!("\n[[package]]\nname = \"{name}\"\nversion = \"{version}\"\nsource = \"{REGISTRY}\"\nchecksum = \"00\"\n"));
    }
    out
}

fn manifest(name: &str, version: &str, extra: &str) -> String {
    format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n{extra}")
}

/// Writes a package into `base` (the registry index directory or a vendor directory).
fn package(
    fx: Fixture,
    base: &str,
    name: &str,
    version: &str,
    extra: &str,
    files: &[(&str, &str)],
) -> Fixture {
    let dir = format!("{base}/{name}-{version}");
    let mut fx = fx.file(
        &format!("{dir}/Cargo.toml"),
        &manifest(name, version, extra),
    );
    for (rel, text) in files {
        fx = fx.file(&format!("{dir}/{rel}"), text);
    }
    fx
}

/// The packages of the fake registry: every locked one but `missing`, plus `stray`, which is
/// not in the lockfile.
fn packages(fx: Fixture, base: &str) -> Fixture {
    let fx = package(
        fx,
        base,
        "evil",
        "0.1.0",
        "",
        &[
            ("src/lib.rs", "pub mod net;\n#[cfg(test)]\nmod tests;\n"),
            ("src/net.rs", DISABLED),
            ("src/tests.rs", DISABLED),
            ("tests/integration.rs", DISABLED),
        ],
    );
    let fx = package(
        fx,
        base,
        "toggle",
        "1.0.0",
        "",
        &[(
            "src/lib.rs",
            "pub struct Config {\n    pub accept_invalid_certs: bool,\n}\n\npub fn build(config: &Config) -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().danger_accept_invalid_certs(config.accept_invalid_certs).build()\n}\n",
        )],
    );
    let fx = package(
        fx,
        base,
        "gated",
        "2.0.0",
        "[features]\ninsecure = []\n",
        &[
            (
                "src/lib.rs",
                "#[cfg(feature = \"insecure\")]\nmod insecure;\n",
            ),
            ("src/insecure.rs", DISABLED),
        ],
    );
    let fx = package(
        fx,
        base,
        "gated-on",
        "1.0.0",
        "[features]\ndefault = [\"danger\"]\ndanger = []\n",
        &[(
            "src/lib.rs",
            "#[cfg(feature = \"danger\")]\npub fn client() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().danger_accept_invalid_hostnames(true).build()\n}\n",
        )],
    );
    let fx = package(
        fx,
        base,
        "clean",
        "1.0.0",
        "",
        &[(
            "src/lib.rs",
            "pub fn add(a: u32, b: u32) -> u32 {\n    a + b\n}\n",
        )],
    );
    let fx = package(
        fx,
        base,
        "pingora-core",
        "0.6.2",
        "",
        &[("src/lib.rs", DISABLED)],
    );
    package(fx, base, "stray", "9.9.9", "", &[("src/lib.rs", DISABLED)])
}

const DEPS: &str = "[dependencies]\nclean = \"1\"\nevil = \"0.1\"\ngated = \"2\"\ngated-on = \"1\"\nmissing = \"3\"\npingora-core = \"0.6\"\ntoggle = \"1\"\n";

const ALLOW: &str = "\n[workspace.metadata.tlslint.dependencies]\nallow = [{ crate = \"pingora-core\", version = \"0.6\", reason = \"only talks to the local sidecar\" }]\n";

/// The workspace `app` (whose `main` is `main_rs`) over the fake registry.
fn world(main_rs: &str, extra: &str) -> Fixture {
    let fx = Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest("app", &format!("{DEPS}{extra}")),
        )
        .file("Cargo.lock", &lockfile())
        .file("src/main.rs", main_rs);
    packages(fx, INDEX)
}

fn run(fx: &Fixture, args: &[&str]) -> Run {
    let mut cmd = tlslint();
    cmd.current_dir(fx.root())
        .env("CARGO_HOME", fx.path("home"))
        .arg("tlslint")
        .args(["--color", "never"])
        .args(args);
    Run::from(cmd.output().expect("run cargo-tlslint"))
}

/// The summary: the lines from the audit's header on.
fn summary(out: &Run) -> Vec<&str> {
    out.stderr
        .lines()
        .skip_while(|l| !l.starts_with("tlslint: dependency audit"))
        .collect()
}

const REACHING_MAIN: &str =
    "fn main() {\n    let _ = toggle::Builder::default().danger_accept_invalid_certs(true);\n}\n";

#[test]
fn summary_lists_dependencies_strongest_first_with_their_conditions() {
    let fx = world(REACHING_MAIN, ALLOW);
    let out = run(&fx, &["--dependencies"]);
    assert_eq!(
        summary(&out),
        vec![
            "tlslint: dependency audit: 7 locked packages, 6 linted (8 files), 5 with TLS findings, 1 not downloaded",
            "error: evil 0.1.0: unconditional: certificate verification is disabled [TLS101]",
            "  --> home/registry/src/index.crates.io-1949cf8c6b5b557f/evil-0.1.0/src/net.rs:2:32",
            "warning: toggle 1.0.0: runtime-controlled, reached: certificate verification can be switched off at run time [TLS104]",
            "  --> home/registry/src/index.crates.io-1949cf8c6b5b557f/toggle-1.0.0/src/lib.rs:6:32",
            "  = condition: when `danger_accept_invalid_certs(config.accept_invalid_certs)` receives `true` at run time; reached: `danger_accept_invalid_certs` asks for it at src/main.rs:2:40",
            "error: gated-on 1.0.0: build-controlled, enabled: hostname verification is disabled [TLS201]",
            "  --> home/registry/src/index.crates.io-1949cf8c6b5b557f/gated-on-1.0.0/src/lib.rs:3:32",
            "  = condition: behind the cargo feature `danger` (`cfg(feature = \"danger\")`), enabled in this build (`danger`: turned on by its feature `default` (default features requested by the workspace member `app`))",
            "note: gated 2.0.0: build-controlled, not enabled: certificate verification is disabled [TLS101]",
            "  --> home/registry/src/index.crates.io-1949cf8c6b5b557f/gated-2.0.0/src/insecure.rs:2:32",
            "  = condition: behind the cargo feature `insecure` (`cfg(feature = \"insecure\")`), not enabled by this build",
            "allowed: pingora-core 0.6.2: unconditional: certificate verification is disabled [TLS101]",
            "  --> home/registry/src/index.crates.io-1949cf8c6b5b557f/pingora-core-0.6.2/src/lib.rs:2:32",
            "  = allowed by the policy: only talks to the local sidecar",
            "warning: 1 package not downloaded, not audited: missing 3.0.0",
            "  = help: run `cargo fetch` (or `cargo vendor` into the `--vendor-dir`) and audit again; nothing is downloaded implicitly",
            "error: tlslint found 1 error",
        ],
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("stray"),
        "a package outside the lockfile is not read:\n{}",
        out.stderr
    );
    assert_eq!(out.code, 1);
}

const CLEAN_MAIN: &str = "fn main() {\n    println!(\"hello\");\n}\n";

#[test]
fn verbose_lists_every_finding_and_test_code_is_excluded() {
    let fx = world(CLEAN_MAIN, ALLOW);
    let out = run(&fx, &["--dependencies", "-v"]);
    assert_eq!(
        out.finding_lines(),
        vec![
            "TLS101 home/registry/src/index.crates.io-1949cf8c6b5b557f/evil-0.1.0/src/net.rs:2:32",
            "TLS101 home/registry/src/index.crates.io-1949cf8c6b5b557f/gated-2.0.0/src/insecure.rs:2:32",
            "TLS201 home/registry/src/index.crates.io-1949cf8c6b5b557f/gated-on-1.0.0/src/lib.rs:3:32",
            "TLS101 home/registry/src/index.crates.io-1949cf8c6b5b557f/pingora-core-0.6.2/src/lib.rs:2:32",
            "TLS104 home/registry/src/index.crates.io-1949cf8c6b5b557f/toggle-1.0.0/src/lib.rs:6:32",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "2 |     reqwest::Client::builder().danger_accept_invalid_certs(true).build()"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_runtime_toggle_nobody_reaches_is_a_note() {
    let fx = world(CLEAN_MAIN, ALLOW);
    let out = run(&fx, &["--dependencies"]);
    let lines = summary(&out);
    let at = lines
        .iter()
        .position(|l| l.starts_with("note: toggle 1.0.0: runtime-controlled:"))
        .expect(&out.stderr);
    assert_eq!(
        lines[at + 2],
        "  = condition: when `danger_accept_invalid_certs(config.accept_invalid_certs)` receives `true` at run time; no workspace code was seen asking for it"
    );
}

#[test]
fn exit_status_follows_the_effective_findings_of_crates_not_allowed() {
    let fx = world(CLEAN_MAIN, ALLOW);
    assert_eq!(
        run(&fx, &["--dependencies"]).code,
        1,
        "evil (unconditional) and gated-on (enabled feature) are at deny"
    );
    let allow_all = "\n[workspace.metadata.tlslint.dependencies]\nallow = [\n  { crate = \"pingora-core\", version = \"0.6\", reason = \"sidecar\" },\n  { crate = \"evil\", reason = \"vetted\" },\n  { crate = \"gated-on\", version = \">=1, <2\", reason = \"vetted\" },\n]\n";
    let fx = world(CLEAN_MAIN, allow_all);
    let out = run(&fx, &["--dependencies"]);
    assert_eq!(
        out.code, 0,
        "a run-time toggle nobody reaches and a feature that is off do not fail the run:\n{}",
        out.stderr
    );
    let out = run(&fx, &["--dependencies", "-D", "warnings"]);
    assert_eq!(
        out.code, 1,
        "under -D warnings a package that was not downloaded fails the run:\n{}",
        out.stderr
    );
}

#[test]
fn an_allow_entry_for_another_version_does_not_apply() {
    let other = "\n[workspace.metadata.tlslint.dependencies]\nallow = [{ crate = \"pingora-core\", version = \"0.5\", reason = \"old\" }]\n";
    let out = run(&world(CLEAN_MAIN, other), &["--dependencies"]);
    assert!(summary(&out).contains(&"error: pingora-core 0.6.2: unconditional: certificate verification is disabled [TLS101]"), "{}", out.stderr);
}

#[test]
fn the_policy_can_turn_the_audit_on() {
    let out = run(
        &world(
            CLEAN_MAIN,
            "\n[workspace.metadata.tlslint]\ndependencies = true\n",
        ),
        &[],
    );
    assert!(
        out.stderr
            .contains("tlslint: dependency audit: 7 locked packages"),
        "{}",
        out.stderr
    );
    let out = run(&world(CLEAN_MAIN, ""), &[]);
    assert!(!out.stderr.contains("dependency audit"), "{}", out.stderr);
}

#[test]
fn bad_allow_entries_are_spanned_errors() {
    let bad = "\n[workspace.metadata.tlslint.dependencies]\nallow = [{ crate = \"evil\", version = \"not a version\", reason = \"x\" }]\n";
    let out = run(&world(CLEAN_MAIN, bad), &["--dependencies"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: invalid version requirement `not a version`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Cargo.toml:"), "{}", out.stderr);
    let bad = "\n[workspace.metadata.tlslint.dependencies]\nallow = [{ crate = \"evil\" }]\n";
    let out = run(&world(CLEAN_MAIN, bad), &["--dependencies"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: the allow-list entry for `evil` needs a `reason`"),
        "{}",
        out.stderr
    );
    let bad = "\n[workspace.metadata.tlslint.dependencies]\ndeny = []\n";
    let out = run(&world(CLEAN_MAIN, bad), &["--dependencies"]);
    assert!(
        out.stderr
            .starts_with("error: unknown key `deny` in `dependencies`"),
        "{}",
        out.stderr
    );
}

#[test]
fn vendor_directories_are_read_instead_of_the_registry() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", DEPS))
        .file("Cargo.lock", &lockfile())
        .file("src/main.rs", CLEAN_MAIN);
    let fx = packages(fx, "vendor");
    std::fs::rename(fx.path("vendor/clean-1.0.0"), fx.path("vendor/clean")).expect("rename");
    let out = run(&fx, &["--vendor-dir", "vendor"]);
    let lines = summary(&out);
    assert_eq!(
        lines[0],
        "tlslint: dependency audit: 7 locked packages, 6 linted (8 files), 5 with TLS findings, 1 not downloaded",
        "`vendor/clean` (cargo vendor's unversioned name) is found:\n{}",
        out.stderr
    );
    assert_eq!(lines[2], "  --> vendor/evil-0.1.0/src/net.rs:2:32");
}

#[test]
fn json_findings_carry_the_package() {
    let fx = world(CLEAN_MAIN, ALLOW);
    let out = run(&fx, &["--dependencies", "--message-format", "json"]);
    let evil = out
        .stdout
        .lines()
        .find(|l| l.contains("evil-0.1.0/src/net.rs"))
        .expect(&out.stdout);
    let v: serde_json::Value = serde_json::from_str(evil).expect("json");
    assert_eq!(v["package_id"], format!("{REGISTRY}#evil@0.1.0"));
    assert_eq!(v["tlslint_dependency"]["name"], "evil");
    assert_eq!(v["tlslint_dependency"]["version"], "0.1.0");
    assert_eq!(v["tlslint_dependency"]["class"], "unconditional");
    assert_eq!(v["message"]["code"]["code"], "TLS101");
    let gated = out
        .stdout
        .lines()
        .find(|l| l.contains("gated-2.0.0"))
        .expect(&out.stdout);
    let v: serde_json::Value = serde_json::from_str(gated).expect("json");
    assert_eq!(
        v["tlslint_dependency"]["features"],
        serde_json::json!(["insecure"])
    );
    assert_eq!(v["tlslint_dependency"]["effective"], false);
    assert!(
        out.stdout
            .trim_end()
            .ends_with(r#"{"reason":"build-finished","success":false}"#),
        "{}",
        out.stdout
    );
}

#[test]
fn without_a_lockfile_the_audit_is_an_error() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/main.rs", CLEAN_MAIN);
    let out = run(&fx, &["--dependencies"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("Cargo.lock") && out.stderr.contains("cargo generate-lockfile"),
        "{}",
        out.stderr
    );
}

#[test]
fn git_and_path_dependencies_are_linted_from_their_checkouts() {
    let rev = "0123456789abcdef0123456789abcdef01234567";
    let lock = format!(
        "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"fromgit\",\n \"local\",\n]\n\n[[package]]\nname = \"fromgit\"\nversion = \"0.3.0\"\nsource = \"git+https://example.invalid/fromgit#{rev}\"\n\n[[package]]\nname = \"local\"\nversion = \"0.2.0\"\n"
    );
    let deps = "[dependencies]\nlocal = { path = \"../local\" }\nfromgit = { git = \"https://example.invalid/fromgit\" }\n";
    let fx = Fixture::new()
        .file("ws/Cargo.toml", &package_manifest("app", deps))
        .file("ws/Cargo.lock", &lock)
        .file("ws/src/main.rs", CLEAN_MAIN)
        .file("local/Cargo.toml", &manifest("local", "0.2.0", ""))
        .file("local/src/lib.rs", DISABLED)
        .file(
            "home/git/checkouts/fromgit-5d1e0b1f/0123456/crates/fromgit/Cargo.toml",
            &manifest("fromgit", "0.3.0", ""),
        )
        .file(
            "home/git/checkouts/fromgit-5d1e0b1f/0123456/crates/fromgit/src/lib.rs",
            DISABLED,
        );
    let mut cmd = tlslint();
    cmd.current_dir(fx.path("ws"))
        .env("CARGO_HOME", fx.path("home"))
        .args(["tlslint", "--color", "never", "--dependencies"]);
    let out = Run::from(cmd.output().expect("run"));
    let lines = summary(&out);
    assert_eq!(
        lines[0],
        "tlslint: dependency audit: 2 locked packages, 2 linted (2 files), 2 with TLS findings, 0 not downloaded",
        "{}",
        out.stderr
    );
    assert_eq!(
        lines[1],
        "error: fromgit 0.3.0: unconditional: certificate verification is disabled [TLS101]"
    );
    assert!(
        lines[2].ends_with(
            "/home/git/checkouts/fromgit-5d1e0b1f/0123456/crates/fromgit/src/lib.rs:2:32"
        ),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        "error: local 0.2.0: unconditional: certificate verification is disabled [TLS101]"
    );
    assert!(lines[4].ends_with("/local/src/lib.rs:2:32"), "{}", lines[4]);
    assert_eq!(out.code, 1);
}

const VERIFIER_LIB: &str = r#"use std::sync::Arc;

use rustls::DigitallySignedStruct;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
struct NoVerifier;

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

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }
}

pub struct Config {
    pub accept_invalid_certs: bool,
}

pub fn client_config(config: &Config, roots: rustls::RootCertStore) -> rustls::ClientConfig {
    let builder = rustls::ClientConfig::builder();
    if config.accept_invalid_certs {
        builder.dangerous().with_custom_certificate_verifier(Arc::new(NoVerifier)).with_no_client_auth()
    } else {
        builder.with_root_certificates(roots).with_no_client_auth()
    }
}
"#;

fn verifier_world(main_rs: &str) -> Fixture {
    let lock = format!(
        "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"verifier\",\n]\n\n[[package]]\nname = \"verifier\"\nversion = \"1.0.0\"\nsource = \"{REGISTRY}\"\n"
    );
    let fx = Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest("app", "[dependencies]\nverifier = \"1\"\n"),
        )
        .file("Cargo.lock", &lock)
        .file("src/main.rs", main_rs);
    package(
        fx,
        INDEX,
        "verifier",
        "1.0.0",
        "",
        &[("src/lib.rs", VERIFIER_LIB)],
    )
}

#[test]
fn reach_needs_the_workspace_file_to_use_the_crate_or_a_crate_depending_on_it() {
    let other = "fn main() {\n    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true);\n}\n";
    let out = run(&verifier_world(other), &["--dependencies"]);
    assert!(
        summary(&out)
            .iter()
            .any(|l| l.starts_with("note: verifier 1.0.0: runtime-controlled:")),
        "{}",
        out.stderr
    );
    let direct =
        "fn main() {\n    let _ = verifier::Builder::new().danger_accept_invalid_certs(true);\n}\n";
    let out = run(&verifier_world(direct), &["--dependencies"]);
    let lines = summary(&out);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("warning: verifier 1.0.0: runtime-controlled, reached:")),
        "{}",
        out.stderr
    );
    assert!(
        lines.iter().any(|l| l
            .contains("reached: `danger_accept_invalid_certs` asks for it at src/main.rs:2:38")),
        "{}",
        out.stderr
    );
}

#[test]
fn a_verifier_definition_takes_the_condition_of_its_install_site() {
    let lock = format!(
        "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"verifier\",\n]\n\n[[package]]\nname = \"verifier\"\nversion = \"1.0.0\"\nsource = \"{REGISTRY}\"\n"
    );
    let fx = Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest("app", "[dependencies]\nverifier = \"1\"\n"),
        )
        .file("Cargo.lock", &lock)
        .file("src/main.rs", CLEAN_MAIN);
    let fx = package(
        fx,
        INDEX,
        "verifier",
        "1.0.0",
        "",
        &[("src/lib.rs", VERIFIER_LIB)],
    );
    let out = run(&fx, &["--dependencies", "--message-format", "json"]);
    let classes: Vec<(String, String, String)> = out
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["tlslint_dependency"].is_object())
        .map(|v| {
            let line = v["message"]["spans"][0]["line_start"].to_string();
            (
                v["message"]["code"]["code"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
                line,
                v["tlslint_dependency"]["class"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        classes,
        vec![
            s("TLS110", "10", "runtime-controlled"),
            s("TLS110", "39", "runtime-controlled")
        ],
        "{}",
        out.stdout
    );
    assert_eq!(
        out.code, 0,
        "the verifier is only installed when a run-time value asks for it:\n{}",
        out.stdout
    );
    let human = run(&fx, &["--dependencies"]);
    assert!(
        human.stderr.contains(
            "  = condition: installed at home/registry/src/index.crates.io-1949cf8c6b5b557f/verifier-1.0.0/src/lib.rs:39:29 when `config.accept_invalid_certs` is true at run time; no workspace code was seen asking for it"
        ),
        "{}",
        human.stderr
    );
}

#[test]
fn paths_mode_and_broken_lockfiles_are_errors() {
    let fx = world(CLEAN_MAIN, "");
    let out = run(&fx, &["--dependencies", "src"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("cannot be combined with PATHS"),
        "{}",
        out.stderr
    );
    fx.write("Cargo.lock", b"[[package]\nname = ");
    let out = run(&fx, &["--dependencies"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("cannot parse") && out.stderr.contains("Cargo.lock"),
        "{}",
        out.stderr
    );
}

#[test]
fn sarif_results_are_relative_to_cargo_home_and_carry_the_package() {
    let fx = world(CLEAN_MAIN, ALLOW);
    let out = run(&fx, &["--dependencies", "--message-format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).expect(&out.stdout);
    let run = &log["runs"][0];
    let home = run["originalUriBaseIds"]["CARGO_HOME"]["uri"]
        .as_str()
        .expect("CARGO_HOME base");
    assert!(
        home.starts_with("file://") && home.ends_with("/home/"),
        "{home}"
    );
    let evil = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["properties"]["tlslintDependency"]["name"] == "evil")
        .expect(&out.stdout);
    let location = &evil["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "registry/src/index.crates.io-1949cf8c6b5b557f/evil-0.1.0/src/net.rs"
    );
    assert_eq!(location["artifactLocation"]["uriBaseId"], "CARGO_HOME");
    assert_eq!(location["region"]["startLine"], 2);
    assert_eq!(evil["ruleId"], "TLS101");
    assert_eq!(evil["properties"]["tlslintDependency"]["version"], "0.1.0");
    assert_eq!(
        evil["properties"]["tlslintDependency"]["class"],
        "unconditional"
    );
}
