//! The output formats, baseline, diff, staged and hook modes, end to end: the built binary on
//! the fixture workspace `tests/fixtures/formats` copied to a temporary directory. Goldens live
//! in `tests/golden/formats/`; `TLSLINT_BLESS=1 cargo test --test formats` rewrites them.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::{copy_dir, git};

const BIN: &str = env!("CARGO_BIN_EXE_cargo-tlslint");
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = tmp.path().join("ws");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats"),
        &ws,
    );
    (tmp, ws)
}

fn tlslint(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .args(args)
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("CI_PROJECT_DIR")
        .env("CARGO_TERM_COLOR", "never");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run cargo-tlslint")
}

fn normalise(text: &[u8], dir: &Path) -> String {
    let text = without_token(&String::from_utf8_lossy(text));
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    text.replace(&real.display().to_string(), "$DIR")
        .replace(&dir.display().to_string(), "$DIR")
        .replace(&format!("\"{VERSION}\""), "\"$VERSION\"")
        .replace(&format!("/blob/v{VERSION}/"), "/blob/v$VERSION/")
}

/// `text` with the random token of `::stop-commands::TOKEN` (and its closing `::TOKEN::`)
/// written `$TOKEN`.
fn without_token(text: &str) -> String {
    let token = text
        .lines()
        .find_map(|l| l.strip_prefix("::stop-commands::"));
    match token {
        Some(token) if !token.is_empty() => text.replace(token, "$TOKEN"),
        _ => text.to_string(),
    }
}

fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/formats")
        .join(name);
    let view = if name.ends_with(".sarif") {
        sarif_without_rules
    } else {
        str::to_string
    };
    if let Err(e) = support::golden(&path, actual, view) {
        panic!("{e}");
    }
}

/// A SARIF log without what follows the rule registry (the rules' metadata, and the indexes into
/// it), so that adding or documenting a rule does not change every SARIF golden;
/// `sarif_rules_are_the_registry` checks that part. Each index is checked against its rule id
/// before it is dropped.
fn sarif_without_rules(text: &str) -> String {
    let mut log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    for run in log["runs"].as_array_mut().into_iter().flatten() {
        let ids: Vec<serde_json::Value> = run["tool"]["driver"]["rules"]
            .as_array()
            .map(|rules| rules.iter().map(|r| r["id"].clone()).collect())
            .unwrap_or_default();
        run["tool"]["driver"]["rules"] = serde_json::json!("<the rule registry>");
        for result in run["results"].as_array_mut().into_iter().flatten() {
            if let Some(i) = result.get("ruleIndex").and_then(|i| i.as_u64()) {
                assert_eq!(ids.get(i as usize), result.get("ruleId"), "ruleIndex {i}");
            }
            if let Some(r) = result.as_object_mut() {
                r.remove("ruleIndex");
            }
        }
        for invocation in run["invocations"].as_array_mut().into_iter().flatten() {
            for o in invocation["ruleConfigurationOverrides"]
                .as_array_mut()
                .into_iter()
                .flatten()
            {
                let descriptor = &mut o["descriptor"];
                if let Some(i) = descriptor.get("index").and_then(|i| i.as_u64()) {
                    assert_eq!(ids.get(i as usize), descriptor.get("id"), "descriptor {i}");
                }
                if let Some(d) = descriptor.as_object_mut() {
                    d.remove("index");
                }
            }
        }
    }
    serde_json::to_string_pretty(&log).expect("serialise")
}

#[test]
fn sarif_rules_are_the_registry() {
    let (_tmp, ws) = fixture();
    let out = tlslint(&ws, &["--message-format", "sarif"], &[]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif is json");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), tlslint_lints::RULES.len());
    for (rule, registered) in rules.iter().zip(tlslint_lints::RULES) {
        assert_eq!(rule["id"], registered.code);
        assert_eq!(rule["name"], registered.name);
        assert_eq!(rule["shortDescription"]["text"], registered.summary);
        let help = rule["help"]["markdown"].as_str().unwrap_or_default();
        assert!(help.contains("### What it does"), "{}", registered.code);
        let uri = rule["helpUri"].as_str().unwrap_or_default();
        assert!(
            uri.contains(&registered.code.to_ascii_lowercase()),
            "{}: {uri}",
            registered.code
        );
    }
}

fn golden_run(format: &str, golden: &str, stdout: bool) -> Output {
    let (_tmp, ws) = fixture();
    let out = tlslint(&ws, &["--message-format", format], &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = if stdout { &out.stdout } else { &out.stderr };
    check_golden(golden, &normalise(text, &ws));
    out
}

#[test]
fn human_golden() {
    golden_run("human", "human.stderr", false);
}

#[test]
fn short_golden() {
    golden_run("short", "short.stderr", false);
}

#[test]
fn json_golden() {
    golden_run("json", "json.stdout", true);
}

#[test]
fn json_rendered_ansi_golden() {
    let out = golden_run(
        "json-diagnostic-rendered-ansi",
        "json-diagnostic-rendered-ansi.stdout",
        true,
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\\u001b["),
        "rendered text is coloured"
    );
}

#[test]
fn sarif_golden() {
    golden_run("sarif", "formats.sarif", true);
}

#[test]
fn gitlab_golden() {
    golden_run("gitlab", "gitlab.json", true);
}

/// The human report and the annotations go to stdout in that order, the report quoted so that
/// none of its lines is a workflow command.
#[test]
fn github_golden_prints_the_quoted_human_report_and_annotations() {
    let out = golden_run("github", "github.stdout", true);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (report, after) = support::github_sections(&stdout);
    assert!(report.contains(&"error[TLS101]: certificate verification is disabled"));
    assert!(
        after[0].starts_with("::error file=src/lib.rs,line=8"),
        "{stdout}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn github_paths_are_relative_to_github_workspace() {
    let (tmp, ws) = fixture();
    let base = tmp.path().display().to_string();
    let out = tlslint(
        &ws,
        &["--message-format", "github"],
        &[("GITHUB_WORKSPACE", &base)],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().any(|l| l.starts_with("::error file=ws/src/lib.rs,line=8,endLine=8,col=32,endColumn=59,title=TLS101 cert_verification_disabled::")), "{stdout}");
    let sarif = tlslint(
        &ws,
        &["--message-format", "sarif"],
        &[("GITHUB_WORKSPACE", &base)],
    );
    assert!(String::from_utf8_lossy(&sarif.stdout).contains("\"uri\": \"ws/src/lib.rs\""));
}

#[test]
fn sarif_keeps_suppressed_findings_with_their_reason() {
    let (_tmp, ws) = fixture();
    let out = tlslint(&ws, &["--message-format", "sarif"], &[]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif is json");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), tlslint_lints::RULES.len());
    let results = run["results"].as_array().expect("results");
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "sidecar on loopback, 100% local"
    );
    assert_eq!(
        suppressed[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        21
    );
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
    }
}

/// A workspace whose finding has labels in its own file and in another, whose policy changes
/// two rules' levels, and with a module file that is missing (a TLS001 problem).
fn policy_workspace() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = tmp.path().join("ws");
    let files = [
        (
            "Cargo.toml",
            "[package]\nname = \"policy-demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n[package.metadata.tlslint.lints]\nTLS104 = \"deny\"\nTLS203 = \"warn\"\n",
        ),
        (
            "src/lib.rs",
            "mod config;\nmod missing;\n\npub fn client() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder()\n        .danger_accept_invalid_certs(config::SKIP_VERIFY)\n        .build()\n}\n",
        ),
        ("src/config.rs", "pub const SKIP_VERIFY: bool = true;\n"),
    ];
    for (rel, text) in files {
        let path = ws.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    (tmp, ws)
}

fn sarif_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("the SARIF log is JSON")
}

#[test]
fn sarif_keeps_labels_policy_and_problems() {
    let (_tmp, ws) = policy_workspace();
    let out = tlslint(&ws, &["--message-format", "sarif"], &[]);
    assert_eq!(out.status.code(), Some(1));
    check_golden("policy.sarif", &normalise(&out.stdout, &ws));
    let log = sarif_of(&out);
    let run = &log["runs"][0];
    let tls101 = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "TLS101")
        .expect("the TLS101 result");
    let related: Vec<(String, u64, u64, String)> = tls101["relatedLocations"]
        .as_array()
        .expect("relatedLocations")
        .iter()
        .map(|l| {
            let p = &l["physicalLocation"];
            (
                p["artifactLocation"]["uri"]
                    .as_str()
                    .expect("uri")
                    .to_string(),
                p["region"]["startLine"].as_u64().expect("line"),
                p["region"]["startColumn"].as_u64().expect("column"),
                l["message"]["text"].as_str().expect("message").to_string(),
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            (
                "src/lib.rs".into(),
                6,
                38,
                "`config::SKIP_VERIFY` is `true`".into()
            ),
            (
                "src/lib.rs".into(),
                5,
                5,
                "on the builder created here".into()
            ),
            (
                "src/config.rs".into(),
                1,
                11,
                "`SKIP_VERIFY` is defined here".into()
            ),
        ],
        "every label the terminal shows, in its file"
    );
    let human = String::from_utf8_lossy(&tlslint(&ws, &[], &[]).stderr).into_owned();
    for (_, _, _, label) in &related {
        assert!(human.contains(label.as_str()), "{label}: {human}");
    }
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    assert_eq!(invocation["exitCode"], 1);
    let overrides: Vec<(String, String, u64)> = invocation["ruleConfigurationOverrides"]
        .as_array()
        .expect("overrides")
        .iter()
        .map(|o| {
            let index = o["descriptor"]["index"].as_u64().expect("index");
            assert_eq!(
                run["tool"]["driver"]["rules"][index as usize]["id"],
                o["descriptor"]["id"]
            );
            (
                o["descriptor"]["id"].as_str().expect("id").to_string(),
                o["configuration"]["level"]
                    .as_str()
                    .expect("level")
                    .to_string(),
                index,
            )
        })
        .collect();
    assert_eq!(
        overrides,
        [
            ("TLS104".into(), "error".into(), 6),
            ("TLS203".into(), "warning".into(), 17)
        ]
    );
    let notifications = invocation["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    assert_eq!(notifications.len(), 1, "{notifications:?}");
    assert_eq!(notifications[0]["associatedRule"]["id"], "TLS001");
    assert_eq!(
        notifications[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert!(
        notifications[0]["message"]["text"]
            .as_str()
            .expect("text")
            .contains("module `missing` points at a missing file"),
        "{notifications:?}"
    );
}

#[test]
fn sarif_line_hash_follows_the_line_not_its_number() {
    let (_tmp, ws) = policy_workspace();
    let hash_and_line = |ws: &Path| {
        let log = sarif_of(&tlslint(ws, &["--message-format", "sarif"], &[]));
        let result = log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .find(|r| r["ruleId"] == "TLS101")
            .expect("TLS101")
            .clone();
        (
            result["partialFingerprints"]["primaryLocationLineHash"]
                .as_str()
                .expect("primaryLocationLineHash")
                .to_string(),
            result["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
        )
    };
    let (before, line_before) = hash_and_line(&ws);
    let (hex, occurrence) = before.split_once(':').expect("hash:occurrence");
    assert!(hex.chars().all(|c| c.is_ascii_hexdigit()), "{before}");
    assert_eq!(occurrence, "1");
    let lib = ws.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("read");
    std::fs::write(&lib, format!("// a comment\n\n{text}")).expect("write");
    let (after, line_after) = hash_and_line(&ws);
    assert_eq!(line_before, 6);
    assert_eq!(line_after, 8);
    assert_eq!(
        after, before,
        "the same line text keeps its hash when it moves"
    );
}

#[test]
fn sarif_is_written_when_the_run_fails() {
    let (_tmp, ws) = policy_workspace();
    std::fs::write(ws.join("tlslint.toml"), "min-tls-version = \"1.1\"\n").expect("write");
    for extra in [&[][..], &["--exit-zero"]] {
        let out = tlslint(
            &ws,
            &[&["--message-format", "sarif"][..], extra].concat(),
            &[],
        );
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("error: `min-tls-version` must be \"1.2\" or \"1.3\""),
            "the error is still printed: {stderr}"
        );
        check_golden("stopped.sarif", &normalise(&out.stdout, &ws));
        let log = sarif_of(&out);
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        assert_eq!(invocation["exitCode"], 2);
        let n = &invocation["toolExecutionNotifications"][0];
        assert_eq!(n["level"], "error");
        assert_eq!(
            n["message"]["text"],
            "`min-tls-version` must be \"1.2\" or \"1.3\""
        );
        assert_eq!(
            n["locations"][0]["physicalLocation"]["region"]["startLine"],
            1
        );
        assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    }
    std::fs::remove_file(ws.join("tlslint.toml")).expect("rm");
    let git_failed = tlslint(&ws, &["--message-format", "sarif", "--diff", "HEAD"], &[]);
    assert_eq!(git_failed.status.code(), Some(2));
    let log = sarif_of(&git_failed);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["exitCode"], 2, "a git failure after linting");
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["level"],
        "error"
    );
    assert!(
        invocation["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .expect("text")
            .ends_with("is not inside a git repository (no `.git` in it or any parent)"),
        "{invocation}"
    );
}

#[test]
fn json_parses_as_cargo_messages() {
    let (_tmp, ws) = fixture();
    let out = tlslint(&ws, &["--message-format=json"], &[]);
    let messages: Vec<cargo_metadata::Message> =
        cargo_metadata::Message::parse_stream(&out.stdout[..])
            .collect::<Result<_, _>>()
            .expect("parse");
    let mut found = Vec::new();
    for m in &messages[..messages.len() - 1] {
        let cargo_metadata::Message::CompilerMessage(cm) = m else {
            panic!("not a compiler message: {m:?}")
        };
        let code = cm
            .message
            .code
            .as_ref()
            .map(|c| c.code.clone())
            .unwrap_or_default();
        let span = cm
            .message
            .spans
            .iter()
            .find(|s| s.is_primary)
            .expect("primary span");
        found.push((code, span.file_name.clone(), span.line_start));
    }
    assert_eq!(
        found,
        [
            ("TLS101".to_string(), "src/lib.rs".to_string(), 8),
            ("TLS104".to_string(), "src/lib.rs".to_string(), 14)
        ]
    );
    assert!(
        matches!(messages.last(), Some(cargo_metadata::Message::BuildFinished(f)) if !f.success)
    );
}

#[test]
fn gitlab_fingerprints_survive_moving_code() {
    let (_tmp, ws) = fixture();
    let fingerprints = |ws: &Path| -> Vec<String> {
        let out = tlslint(ws, &["--message-format", "gitlab"], &[]);
        let issues: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        issues
            .as_array()
            .expect("array")
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let before = fingerprints(&ws);
    let lib = ws.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("read");
    std::fs::write(&lib, format!("// moved\n\n{text}")).expect("write");
    assert_eq!(fingerprints(&ws), before);
    assert_eq!(before.len(), 2);
}

#[test]
fn exit_zero_keeps_tool_errors() {
    let (_tmp, ws) = fixture();
    assert_eq!(tlslint(&ws, &["--exit-zero"], &[]).status.code(), Some(0));
    assert_eq!(
        tlslint(
            &ws,
            &["--exit-zero", "--manifest-path", "missing/Cargo.toml"],
            &[]
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn named_excluded_files_are_linted_unless_force_exclude() {
    let (_tmp, ws) = fixture();
    let out = tlslint(
        &ws,
        &["src/generated/mod.rs", "Cargo.toml", "--force-exclude"],
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tlslint(
        &ws,
        &["src/generated/mod.rs", "src/lib.rs", "--force-exclude"],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("generated"));
    let out = tlslint(&ws, &["src/generated/mod.rs"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--> src/generated/mod.rs:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn baseline_hides_known_findings_even_when_moved() {
    let (_tmp, ws) = fixture();
    let out = tlslint(&ws, &["--write-baseline", "tlslint-baseline.json"], &[]);
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).as_ref()
        ),
        (
            Some(0),
            "tlslint: wrote 2 baseline entries to `tlslint-baseline.json`\n"
        )
    );
    assert_eq!(
        tlslint(&ws, &["--baseline", "tlslint-baseline.json"], &[])
            .status
            .code(),
        Some(0)
    );
    let lib = ws.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("read");
    let added = "\npub fn added() -> reqwest::Result<reqwest::Client> {\n    let b = reqwest::Client::builder();\n    b.danger_accept_invalid_certs(true).build()\n}\n";
    let moved = format!("// moved down\n\n{text}{added}");
    let new_line = moved
        .lines()
        .position(|l| l.contains("b.danger"))
        .expect("added line")
        + 1;
    std::fs::write(&lib, &moved).expect("write");
    let out = tlslint(
        &ws,
        &[
            "--baseline",
            "tlslint-baseline.json",
            "--message-format",
            "short",
        ],
        &[],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!("src/lib.rs:{new_line}:7: error[TLS101]")),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
    assert_eq!(
        tlslint(&ws, &["--baseline", "missing.json"], &[])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn diff_reports_only_changed_lines() {
    let (_tmp, ws) = fixture();
    git(&ws, &["init", "-q"]);
    git(&ws, &["add", "."]);
    git(&ws, &["commit", "-qm", "base"]);
    assert_eq!(
        tlslint(&ws, &["--diff", "HEAD"], &[]).status.code(),
        Some(0)
    );
    let lib = ws.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("read");
    std::fs::write(&lib, format!("{text}\npub fn new_one() -> reqwest::Result<reqwest::Client> {{\n    reqwest::Client::builder().danger_accept_invalid_certs(true).build()\n}}\n")).expect("write");
    let out = tlslint(&ws, &["--diff", "HEAD", "--message-format", "short"], &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("src/lib.rs:25:32: error[TLS101]"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
}

/// The one line of stderr and the status of a run that must fail on git.
fn git_failure(ws: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = tlslint(ws, args, env);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}: no report");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line: {stderr}");
    stderr
}

#[test]
fn git_failures_are_one_line() {
    let (_tmp, ws) = fixture();
    let top = std::fs::canonicalize(&ws).expect("canonical");
    for args in [&["--diff", "HEAD"][..], &["--staged"]] {
        assert_eq!(
            git_failure(&ws, args, &[]),
            format!(
                "error: `{}` is not inside a git repository (no `.git` in it or any parent)\n",
                top.display()
            ),
            "{args:?}: the directory as the process sees it (`getcwd`, resolved)"
        );
    }
    git(&ws, &["init", "-q"]);
    git(&ws, &["add", "."]);
    git(&ws, &["commit", "-qm", "base"]);
    assert_eq!(
        git_failure(&ws, &["--diff", "no-such-rev"], &[]),
        "error: `git rev-parse --verify --end-of-options no-such-rev^{commit}` failed: fatal: Needed a single revision\n"
    );
    let no_git = tempfile::tempdir().expect("empty PATH");
    let path = no_git.path().display().to_string();
    for args in [&["--diff", "HEAD", "src/lib.rs"][..], &["--staged"]] {
        assert_eq!(
            git_failure(&ws, args, &[("PATH", &path)]),
            "error: cannot run git (is it installed and on PATH?): No such file or directory (os error 2)\n",
            "{args:?}"
        );
    }
    std::fs::remove_dir_all(ws.join(".git")).expect("rm .git");
    std::fs::create_dir(ws.join(".git")).expect("empty .git");
    let broken = git_failure(&ws, &["--staged"], &[]);
    assert!(
        broken.starts_with("error: `git ls-files --stage -z` failed: fatal: not a git repository"),
        "{broken}"
    );
}

#[test]
fn staged_lints_the_index_not_the_working_tree() {
    let (_tmp, ws) = fixture();
    let lib = ws.join("src/lib.rs");
    let clean = "pub fn client() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().build()\n}\n";
    let bad = "pub fn client() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().danger_accept_invalid_certs(true).build()\n}\n";
    std::fs::write(&lib, clean).expect("write");
    git(&ws, &["init", "-q"]);
    git(&ws, &["add", "."]);
    git(&ws, &["commit", "-qm", "base"]);
    assert_eq!(
        tlslint(&ws, &["--staged"], &[]).status.code(),
        Some(0),
        "nothing staged"
    );
    std::fs::write(&lib, bad).expect("write");
    git(&ws, &["add", "src/lib.rs"]);
    std::fs::write(&lib, clean).expect("write");
    let out = tlslint(
        &ws.join("src"),
        &["--staged", "--message-format", "short"],
        &[],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("src/lib.rs:2:32: error[TLS101]"),
        "{stderr}"
    );
    git(&ws, &["add", "src/lib.rs"]);
    std::fs::write(&lib, bad).expect("write");
    assert_eq!(
        tlslint(&ws, &["--staged"], &[]).status.code(),
        Some(0),
        "the bad version is only in the working tree"
    );
    std::fs::create_dir_all(ws.join("tests")).expect("mkdir");
    std::fs::write(ws.join("tests/it.rs"), bad).expect("write");
    git(&ws, &["add", "tests/it.rs"]);
    let out = tlslint(&ws, &["--staged", "--message-format", "short"], &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("tests/it.rs:2:32: error[TLS101]"),
        "a staged test file is linted: {stderr}"
    );
    assert_eq!(
        tlslint(&ws, &["--staged", "--force-exclude"], &[])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn install_hook_writes_once_and_refuses_to_overwrite() {
    let (_tmp, ws) = fixture();
    git(&ws, &["init", "-q"]);
    let out = tlslint(&ws, &["--install-hook"], &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hook = std::fs::read_to_string(ws.join(".git/hooks/pre-commit")).expect("hook written");
    assert!(hook.contains("exec cargo-tlslint --staged"));
    let out = tlslint(&ws, &["--install-hook"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    let out = tlslint(&ws, &["tlslint", "--install-hook"], &[]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the cargo-tlslint tlslint shape parses too"
    );
}
