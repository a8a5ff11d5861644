//! The manifest rules end to end: fixture workspaces written to temp directories and linted by
//! the binary, in workspace mode (`--manifest-path`) and in paths mode (named `Cargo.toml` and
//! `Cargo.lock` files, as pre-commit passes them). Findings are read from the human output
//! (`level[CODE]` and the `-->` line after it) and compared exactly: code, file, line.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

const ROOT: &str = r#"[workspace]
members = ["crates/app", "crates/db"]
resolver = "2"

[workspace.dependencies]
rustls = { version = "0.21", features = ["dangerous_configuration"] }
tls = { package = "tokio-rustls", version = "0.24" }
sqlx = { version = "0.8", features = ["runtime-tokio"] }

[workspace.metadata.tlslint.lints]
no_tls_backend = "warn"
"#;

const APP: &str = r#"[package]
name = "app"
version = "0.1.0"
edition = "2021"

[dependencies]
rustls = { workspace = true }
tls = { workspace = true, features = ["dangerous_configuration"] }
isahc = { version = "2.0", features = ["tls-insecure"] } # tlslint: allow(dangerous_tls_feature, reason = "test proxy only")
http = { package = "awc", version = "3", optional = true }

[dependencies.redis]
version = "0.27"
features = ["tls-rustls-insecure"]

[dev-dependencies]
rustls-dev = { package = "rustls", version = "0.21", features = ["dangerous_configuration"] }

[features]
default = ["h2c"]
h2c = ["http/dangerous-h2c"]
insecure = ["rustls/dangerous_configuration"]
"#;

const DB: &str = r#"[package]
name = "db"
version = "0.1.0"
edition = "2021"

[dependencies]
sqlx = { workspace = true, features = ["postgres"] }
"#;

const LOCK: &str = r#"version = 4

[[package]]
name = "mongodb"
version = "3.2.4"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "native-tls"
version = "0.2.14"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;

/// Writes `files` (path, text) under a new temp directory.
fn fixture(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write fixture");
    }
    dir
}

/// The standard fixture: two members, a lockfile, and sources.
fn workspace(lib_source: &str) -> TempDir {
    fixture(&[
        ("Cargo.toml", ROOT),
        ("Cargo.lock", LOCK),
        ("crates/app/Cargo.toml", APP),
        ("crates/app/src/lib.rs", lib_source),
        ("crates/db/Cargo.toml", DB),
        ("crates/db/src/lib.rs", "pub fn db() {}\n"),
    ])
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-tlslint"))
        .arg("tlslint")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run cargo-tlslint")
}

fn run_workspace(dir: &Path, extra: &[&str]) -> Output {
    let manifest = dir.join("Cargo.toml");
    let mut args = vec![
        "--manifest-path",
        manifest.to_str().expect("utf-8 path"),
        "--color",
        "never",
    ];
    args.extend_from_slice(extra);
    run(dir, &args)
}

/// `(code, "file:line")` of every finding in the human output.
fn findings(output: &Output) -> Vec<(String, String)> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line
            .strip_prefix("warning[")
            .or_else(|| line.strip_prefix("error["))
        else {
            continue;
        };
        let code = rest.split(']').next().unwrap_or_default().to_string();
        let place = lines[i + 1..]
            .iter()
            .find_map(|l| l.trim_start().strip_prefix("--> "))
            .unwrap_or_default();
        let file_line = place
            .rsplit_once(':')
            .map_or(place, |(before_col, _)| before_col);
        out.push((code, file_line.to_string()));
    }
    out.sort();
    out
}

fn expect(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn workspace_mode_reports_every_manifest_weakening_at_its_line() {
    let dir = workspace("pub const URI: &str = \"mongodb://db/?tlsInsecure=false\";\n");
    let out = run_workspace(dir.path(), &[]);
    assert_eq!(
        findings(&out),
        expect(&[
            ("TLS801", "Cargo.toml:6"),
            ("TLS801", "crates/app/Cargo.toml:8"),
            ("TLS801", "crates/app/Cargo.toml:14"),
            ("TLS801", "crates/app/Cargo.toml:21"),
            ("TLS803", "Cargo.lock:5"),
            ("TLS803", "Cargo.lock:10"),
            ("TLS804", "crates/db/Cargo.toml:7"),
        ]),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let denied = run_workspace(dir.path(), &["-D", "warnings"]);
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn dev_dependencies_are_test_code() {
    let dir = workspace("pub fn f() {}\n");
    let out = run_workspace(dir.path(), &["--include-tests"]);
    let found = findings(&out);
    assert!(
        found.contains(&("TLS801".to_string(), "crates/app/Cargo.toml:17".to_string())),
        "{found:?}"
    );
    let without = findings(&run_workspace(dir.path(), &[]));
    assert!(
        !without.iter().any(|(_, p)| p == "crates/app/Cargo.toml:17"),
        "{without:?}"
    );
}

#[test]
fn old_mongodb_is_reported_only_when_the_sources_use_tls_insecure() {
    let dir = workspace("pub fn f() {}\n");
    let found = findings(&run_workspace(dir.path(), &[]));
    assert!(!found.iter().any(|(_, p)| p == "Cargo.lock:5"), "{found:?}");
    assert!(
        found.contains(&("TLS803".to_string(), "Cargo.lock:10".to_string())),
        "{found:?}"
    );
}

#[test]
fn selecting_one_package_lints_its_manifest_and_the_workspace_files() {
    let dir = workspace("pub fn f() {}\n");
    let found = findings(&run_workspace(dir.path(), &["-p", "db"]));
    assert_eq!(
        found,
        expect(&[
            ("TLS801", "Cargo.toml:6"),
            ("TLS803", "Cargo.lock:10"),
            ("TLS804", "crates/db/Cargo.toml:7")
        ])
    );
}

#[test]
fn correct_manifests_are_silent() {
    let dir = fixture(&[
        (
            "Cargo.toml",
            "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n\n[workspace.dependencies]\nrustls = \"0.23\"\nsqlx = { version = \"0.8\", features = [\"runtime-tokio\", \"tls-rustls\"] }\n",
        ),
        (
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nrustls = { workspace = true, features = [\"ring\"] }\nsqlx = { workspace = true, features = [\"postgres\"] }\nredis = { version = \"0.27\", features = [\"tls-rustls\"] }\nisahc = \"1\"\ntiberius = \"0.12\"\n\n[dev-dependencies]\ntokio-rustls = \"0.26\"\n",
        ),
        ("app/src/lib.rs", "pub fn f() {}\n"),
        (
            "Cargo.lock",
            "version = 4\n\n[[package]]\nname = \"native-tls\"\nversion = \"0.2.18\"\n\n[[package]]\nname = \"mongodb\"\nversion = \"3.2.5\"\n",
        ),
    ]);
    let out = run_workspace(
        dir.path(),
        &[
            "--include-tests",
            "-D",
            "no_tls_backend",
            "-D",
            "secret_extraction_feature",
        ],
    );
    assert_eq!(
        findings(&out),
        Vec::new(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_broken_member_manifest_stops_the_run_with_its_name() {
    let dir = workspace("pub fn f() {}\n");
    std::fs::write(dir.path().join("crates/db/Cargo.toml"), "[package]\nname = \"db\"\nversion = \"0.1.0\"\n[dependencies]\nsqlx = { version = \"0.8\"\n").expect("write");
    let out = run_workspace(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cargo metadata") && stderr.contains("crates/db/Cargo.toml"),
        "{stderr}"
    );
}

#[test]
fn paths_mode_lints_named_manifests_and_reports_broken_ones() {
    let dir = workspace("pub fn f() {}\n");
    std::fs::write(
        dir.path().join("crates/db/Cargo.toml"),
        "[package]\nname = \"db\"\n\n[dependencies]\nsqlx = { version = \"0.8\" features = [] }\n",
    )
    .expect("write");
    let out = run(
        dir.path(),
        &[
            "--color",
            "never",
            "crates/app/Cargo.toml",
            "crates/db/Cargo.toml",
            "Cargo.lock",
            "crates/app/src/lib.rs",
        ],
    );
    assert_eq!(
        findings(&out),
        expect(&[
            ("TLS001", "crates/db/Cargo.toml:5"),
            ("TLS801", "crates/app/Cargo.toml:8"),
            ("TLS801", "crates/app/Cargo.toml:14"),
            // A named manifest is linted whole: its `[dev-dependencies]` too.
            ("TLS801", "crates/app/Cargo.toml:17"),
            ("TLS801", "crates/app/Cargo.toml:21"),
            ("TLS803", "Cargo.lock:10"),
        ]),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot parse `crates/db/Cargo.toml`"),
        "{stderr}"
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a broken manifest is a tool error"
    );
}

#[test]
fn manifest_findings_follow_the_policy_and_json_names_the_manifest() {
    let dir = workspace("pub fn f() {}\n");
    let out = run_workspace(
        dir.path(),
        &["-D", "dangerous_tls_feature", "--message-format", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let messages: Vec<serde_json::Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|m: &serde_json::Value| m["reason"] == "compiler-message")
        .collect();
    let tls801: Vec<(String, u64)> = messages
        .iter()
        .filter(|m| m["message"]["code"]["code"] == "TLS801")
        .map(|m| {
            assert_eq!(m["message"]["level"], "error");
            let span = &m["message"]["spans"][0];
            (
                span["file_name"].as_str().unwrap_or_default().to_string(),
                span["line_start"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        tls801,
        vec![
            ("Cargo.toml".to_string(), 6),
            ("crates/app/Cargo.toml".to_string(), 8),
            ("crates/app/Cargo.toml".to_string(), 14),
            ("crates/app/Cargo.toml".to_string(), 21)
        ]
    );
}

#[test]
fn paths_mode_walks_directories_for_manifests_under_the_workspace_policy() {
    let dir = workspace("pub fn f() {}\n");
    let root = ROOT.replace(
        "no_tls_backend = \"warn\"",
        "no_tls_backend = \"warn\"\nvulnerable_tls_dependency = \"deny\"",
    );
    std::fs::write(dir.path().join("Cargo.toml"), root).expect("write");
    let out = run(dir.path(), &["--color", "never", "."]);
    assert_eq!(
        findings(&out),
        expect(&[
            ("TLS801", "Cargo.toml:6"),
            ("TLS801", "crates/app/Cargo.toml:8"),
            ("TLS801", "crates/app/Cargo.toml:14"),
            ("TLS801", "crates/app/Cargo.toml:21"),
            ("TLS803", "Cargo.lock:10"),
            ("TLS804", "crates/db/Cargo.toml:7"),
        ]),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[TLS803]"));
    assert_eq!(out.status.code(), Some(1));
}

/// The ```toml blocks after `marker` in a rule's docs.
fn toml_block_after(docs: &str, marker: &str) -> Option<String> {
    let (_, rest) = docs.split_once(marker)?;
    let (_, block) = rest.split_once("```toml\n")?;
    Some(block.split("```").next()?.to_string())
}

/// Each manifest rule's `### Example` (a ```toml block: a `Cargo.toml`, or a `Cargo.lock` when it
/// has `[[package]]` entries) fires the rule, and its `Use instead:` does not.
#[test]
fn manifest_rule_examples_fire_and_their_fixes_do_not() {
    use cargo_tlslint::pipeline::manifest::{Kind, lint_text};
    use tlslint_lints::{Level, LevelSource, Policy, RULES};
    let manifest_rules: Vec<_> = RULES
        .iter()
        .filter(|r| r.docs.contains("```toml"))
        .collect();
    assert_eq!(
        manifest_rules.iter().map(|r| r.code).collect::<Vec<_>>(),
        ["TLS801", "TLS802", "TLS803", "TLS804"]
    );
    for rule in manifest_rules {
        let mut policy = Policy {
            include_tests: true,
            ..Policy::default()
        };
        policy.levels.insert(
            rule.code,
            LevelSource {
                level: Level::Deny,
                origin: "tests/manifest.rs".into(),
            },
        );
        let count = |text: &str| {
            let kind = if text.contains("[[package]]") {
                Kind::Lockfile
            } else {
                Kind::Manifest
            };
            let store = cargo_tlslint::store::SourceStore::default();
            let file = lint_text(&store, kind, "Cargo.toml", text, None, true, &policy);
            file.diagnostics
                .iter()
                .filter(|d| d.rule.code == rule.code && d.suppressed.is_none())
                .count()
        };
        let example = toml_block_after(rule.docs, "### Example").expect("a ```toml Example");
        let fixed = toml_block_after(rule.docs, "Use instead:").expect("a ```toml Use instead");
        assert_eq!(count(&example), 1, "{}: the Example must fire", rule.name);
        assert_eq!(
            count(&fixed),
            0,
            "{}: the Use instead must not fire",
            rule.name
        );
    }
}
