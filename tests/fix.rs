//! `--fix`, `--unsafe-fixes` and `--show-fixes` end to end: the built binary on fixture
//! workspaces in temporary directories. The JSON suggestions are applied with rustfix (what
//! `cargo fix` uses) and must give the same text as `--fix`; the ui cases are fixed in copies
//! and must still parse.

mod support;

use std::collections::HashSet;
use std::path::Path;

use support::{Fixture, package_manifest};

const INSECURE: &str = r#"use reqwest::tls::Version;

pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .min_tls_version(Version::TLS_1_0)
        .build()
}

pub async fn serve(app: axum::Router) -> std::io::Result<()> {
    // tlslint: allow(weak_hsts, reason = "nothing to excuse here")
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await
}
"#;

const SAFELY_FIXED: &str = r#"use reqwest::tls::Version;

pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(false)
        .min_tls_version(Version::TLS_1_2)
        .build()
}

pub async fn serve(app: axum::Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await
}
"#;

fn insecure_package() -> Fixture {
    Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", INSECURE)
}

fn read(fx: &Fixture, rel: &str) -> String {
    std::fs::read_to_string(fx.path(rel)).expect("read")
}

#[test]
fn fix_applies_the_safe_fixes_and_reports_what_remains() {
    let fx = insecure_package();
    let out = fx.run(&["--fix", "--color", "never"]);
    assert_eq!(read(&fx, "src/lib.rs"), SAFELY_FIXED);
    assert_eq!(out.finding_lines(), vec!["TLS603 src/lib.rs:11:50"]);
    assert!(
        out.stderr.ends_with(
            "warning: tlslint found 1 warning\nFixed 3 findings (1 remaining).\n1 more fix is available with `--unsafe-fixes`.\n"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 0, "only a warning remains");

    let out = fx.run(&["--fix", "--unsafe-fixes"]);
    assert!(read(&fx, "src/lib.rs").contains(r#"bind("127.0.0.1:8080")"#));
    assert_eq!(out.stderr, "Fixed 1 finding (0 remaining).\n");
    assert_eq!(out.code, 0);
}

#[test]
fn show_fixes_prints_a_patch_and_writes_nothing() {
    let fx = insecure_package();
    let out = fx.run(&["--show-fixes"]);
    assert_eq!(read(&fx, "src/lib.rs"), INSECURE);
    assert_eq!(
        out.stdout,
        r#"--- a/src/lib.rs
+++ b/src/lib.rs
@@ -2,13 +2,12 @@
 
 pub fn client() -> reqwest::Result<reqwest::Client> {
     reqwest::Client::builder()
-        .danger_accept_invalid_certs(true)
-        .min_tls_version(Version::TLS_1_0)
+        .danger_accept_invalid_certs(false)
+        .min_tls_version(Version::TLS_1_2)
         .build()
 }
 
 pub async fn serve(app: axum::Router) -> std::io::Result<()> {
-    // tlslint: allow(weak_hsts, reason = "nothing to excuse here")
     let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
     axum::serve(listener, app).await
 }
"#
    );
    assert_eq!(
        out.stderr,
        "Would fix 3 findings.\n1 more fix is available with `--unsafe-fixes`.\n"
    );
    assert_eq!(out.code, 1);
    let patch = fx.path("fix.patch");
    std::fs::write(&patch, &out.stdout).expect("write patch");
    let applied = std::process::Command::new("patch")
        .args(["-p1", "-i"])
        .arg(&patch)
        .current_dir(fx.root())
        .output();
    if let Ok(applied) = applied {
        assert!(applied.status.success(), "{applied:?}");
        assert_eq!(read(&fx, "src/lib.rs"), SAFELY_FIXED);
    }
    let clean = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "pub fn f() {}\n");
    let out = clean.run(&["--show-fixes"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
}

#[test]
fn rustfix_applies_the_json_suggestions_as_fix_does() {
    let fx = insecure_package();
    let out = fx.run(&["--message-format", "json"]);
    let diagnostics: Vec<String> = out
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["reason"] == "compiler-message")
        .map(|v| v["message"].to_string())
        .collect();
    assert_eq!(diagnostics.len(), 4, "{}", out.stdout);
    let suggestions = rustfix::get_suggestions_from_json(
        &diagnostics.join("\n"),
        &HashSet::<String>::new(),
        rustfix::Filter::MachineApplicableOnly,
    )
    .expect("rustfix reads the JSON");
    assert_eq!(
        suggestions.len(),
        3,
        "one safe suggestion per fixable finding"
    );
    let by_rustfix = rustfix::apply_suggestions(INSECURE, &suggestions).expect("rustfix applies");
    fx.run(&["--fix"]);
    assert_eq!(by_rustfix, read(&fx, "src/lib.rs"));
    assert_eq!(by_rustfix, SAFELY_FIXED);
}

#[test]
fn fix_writes_no_link_and_nothing_outside_the_tree() {
    let outside = Fixture::new().file("elsewhere.rs", INSECURE);
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod inside;\nmod outside;\n")
        .file("src/kept/real.rs", INSECURE);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("kept/real.rs", fx.path("src/inside.rs")).expect("symlink");
        std::os::unix::fs::symlink(outside.path("elsewhere.rs"), fx.path("src/outside.rs"))
            .expect("symlink");
    }
    #[cfg(not(unix))]
    return;
    let out = fx.run(&["--fix"]);
    assert_eq!(read(&outside, "elsewhere.rs"), INSECURE);
    assert_eq!(read(&fx, "src/kept/real.rs"), INSECURE);
    assert!(
        out.stderr
            .contains("error: `src/inside.rs` was not fixed: it is a symbolic link\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "module `outside` points at `src/outside.rs`: it lies outside the workspace; not read"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 2);
}

#[test]
fn fix_leaves_excluded_files_alone() {
    let fx = Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest(
                "app",
                "[package.metadata.tlslint]\nexclude = [\"src/generated.rs\"]\n",
            ),
        )
        .file("src/lib.rs", "mod generated;\n")
        .file("src/generated.rs", INSECURE);
    fx.run(&["--fix", "--unsafe-fixes"]);
    assert_eq!(read(&fx, "src/generated.rs"), INSECURE);
}

/// Every ui case without a policy header, copied into a scratch tree and fixed by the binary
/// (`--unsafe-fixes`): each file still parses, and linting again finds no fix left to apply but
/// those the fix pass skipped because they overlapped.
#[test]
fn fix_on_copies_of_the_ui_cases_keeps_them_parsing() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui-tests");
    let fx = Fixture::new();
    let mut copied = Vec::new();
    for dir in std::fs::read_dir(&ui).expect("ui-tests").flatten() {
        for case in std::fs::read_dir(dir.path()).expect("rule dir").flatten() {
            let path = case.path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if path.extension().is_none_or(|e| e != "rs")
                || text.starts_with("//@")
                || syn::parse_file(&text).is_err()
            {
                continue;
            }
            let rel = format!(
                "cases/{}/{}",
                dir.file_name().to_string_lossy(),
                case.file_name().to_string_lossy()
            );
            fx.write(&rel, text.as_bytes());
            copied.push((rel, text));
        }
    }
    assert!(copied.len() > 50, "{} cases copied", copied.len());
    let out = fx.run(&["--fix", "--unsafe-fixes", "cases"]);
    let overlapping: usize = out
        .stderr
        .lines()
        .find_map(|l| l.split_once(" fix").and_then(|(n, _)| n.parse().ok()))
        .unwrap_or(0);
    let mut changed = 0;
    for (rel, before) in &copied {
        let after = read(&fx, rel);
        assert!(
            syn::parse_file(&after).is_ok(),
            "{rel} no longer parses:\n{after}"
        );
        changed += usize::from(after != *before);
    }
    assert!(changed >= 10, "only {changed} cases were changed");
    let again = fx.run(&["--message-format", "json", "cases"]);
    let fixable = again
        .stdout
        .lines()
        .filter(|l| l.contains("\"suggestion_applicability\":\""))
        .count();
    assert_eq!(fixable, overlapping, "{}", again.stdout);
}
