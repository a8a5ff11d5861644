//! End-to-end tests of the binary on small fixture workspaces: invocation shapes, flags, exit
//! statuses, package and target selection, policy, paths mode and output formats.

mod support;

use support::{Fixture, package_manifest, tlslint};

const INSECURE_LIB: &str = "pub fn client() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().danger_accept_invalid_certs(true).build()\n}\n";

fn one_package(extra_manifest: &str) -> Fixture {
    Fixture::new()
        .file("Cargo.toml", &package_manifest("app", extra_manifest))
        .file("src/lib.rs", INSECURE_LIB)
}

#[test]
fn example_workspace_reports_its_findings() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/insecure-client/Cargo.toml"
    );
    let out = support::Run::from(
        tlslint()
            .args(["tlslint", "--manifest-path", example, "--color", "never"])
            .output()
            .expect("run"),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec![
            "TLS801 Cargo.toml:16:48",
            "TLS101 src/lib.rs:13:10",
            "TLS104 src/lib.rs:14:10",
            "TLS101 src/lib.rs:23:13",
            "TLS101 src/net/tls.rs:8:13",
            "TLS401 src/net/tls.rs:9:13",
            "TLS104 src/net/tls.rs:16:10",
            "TLS101 src/net/upload.rs:8:10",
            "TLS110 src/net/verifier.rs:13:29",
            "TLS110 src/net/verifier.rs:52:10",
            "TLS510 src/reports.rs:8:14",
            "TLS301 src/reports.rs:17:10",
        ]
    );
    assert!(
        out.stderr.contains("::: src/config.rs:4:11"),
        "the constant's definition is labelled:\n{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("error: tlslint found 9 errors and 3 warnings\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn three_invocation_shapes_agree() {
    let fx = one_package("");
    let a = fx.run(&["--color", "never"]);
    let b = support::Run::from(
        tlslint()
            .current_dir(fx.root())
            .args(["--color", "never"])
            .output()
            .expect("run"),
    );
    assert_eq!(a.code, 1);
    assert_eq!(a.stderr, b.stderr);
    assert_eq!(a.finding_lines(), vec!["TLS101 src/lib.rs:2:32"]);
}

#[test]
fn rustc_layout_and_exit_status() {
    let out = one_package("").run(&["--color", "never"]);
    let expected = "error[TLS101]: certificate verification is disabled
 --> src/lib.rs:2:32
  |
2 |     reqwest::Client::builder().danger_accept_invalid_certs(true).build()
  |                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^ ---- because of this `true`
  |                                |
  |                                any certificate is accepted
  |
  = note: `cert_verification_disabled` (TLS101) is `deny` by default
  = note: without chain validation anyone on the network path can impersonate the server
  = help: to trust a private CA, add it with `add_root_certificate(Certificate::from_pem(…)?)`
help: use `false` (the default)
  |
2 -     reqwest::Client::builder().danger_accept_invalid_certs(true).build()
2 +     reqwest::Client::builder().danger_accept_invalid_certs(false).build()
  |
help: remove the call (the default keeps the check on)
  |
2 -     reqwest::Client::builder().danger_accept_invalid_certs(true).build()
2 +     reqwest::Client::builder().build()
  |

error: tlslint found 1 error
";
    assert_eq!(out.stderr, expected);
    assert_eq!(out.stdout, "");
    assert_eq!(out.code, 1);
}

#[test]
fn clean_workspace_exits_zero_silently() {
    let fx = Fixture::new().file("Cargo.toml", &package_manifest("app", "")).file("src/lib.rs", "pub fn f() -> reqwest::ClientBuilder { reqwest::Client::builder().danger_accept_invalid_certs(false) }\n");
    let out = fx.run(&[]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (0, "tlslint: 0 findings in 2 files (1 package)\n")
    );
    assert_eq!(fx.run(&["-q"]).stderr, "");
    let two = two_members();
    std::fs::write(two.path("a/src/lib.rs"), "pub fn f() {}\n").expect("write");
    std::fs::write(two.path("b/src/main.rs"), "fn main() {}\n").expect("write");
    assert_eq!(
        two.run(&["--workspace"]).stderr,
        "tlslint: 0 findings in 5 files (2 packages)\n"
    );
    assert_eq!(
        fx.run(&["src/lib.rs"]).stderr,
        "tlslint: 0 findings in 1 file (1 package)\n"
    );
}

#[test]
fn message_format_values_combine_as_cargo_s() {
    let fx = one_package("");
    let rendered = |args: &[&str]| -> Vec<String> {
        fx.run(args)
            .stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|m| m["message"]["rendered"].as_str().map(str::to_string))
            .collect()
    };
    let short = "src/lib.rs:2:32: error[TLS101]: certificate verification is disabled: any certificate is accepted\n";
    assert_eq!(
        rendered(&["--message-format", "json,json-diagnostic-short"]),
        vec![short]
    );
    assert_eq!(
        rendered(&[
            "--message-format",
            "json-diagnostic-short",
            "--message-format",
            "json"
        ]),
        vec![short],
        "repeated"
    );
    let ansi_short =
        rendered(&["--message-format=json-diagnostic-short,json-diagnostic-rendered-ansi"]);
    assert!(
        ansi_short[0].contains("\u{1b}[") && ansi_short[0].contains("error[TLS101]"),
        "{ansi_short:?}"
    );
    assert!(!ansi_short[0].contains("-->"), "{ansi_short:?}");
    let people = fx.run(&[
        "--message-format",
        "json-render-diagnostics",
        "--color",
        "never",
    ]);
    assert_eq!(people.code, 1);
    assert_eq!(
        people.stdout,
        "{\"reason\":\"build-finished\",\"success\":false}\n"
    );
    assert!(
        people.stderr.starts_with(
            "error[TLS101]: certificate verification is disabled\n --> src/lib.rs:2:32\n"
        ),
        "{}",
        people.stderr
    );
    let short_stderr = fx.run(&["--message-format", "short", "--color", "never"]);
    assert!(
        short_stderr.stderr.starts_with(short),
        "{}",
        short_stderr.stderr
    );
    let mixed = fx.run(&["--message-format", "json,human"]);
    assert_eq!(mixed.code, 2);
    assert_eq!(
        mixed.stderr,
        "error: cannot combine `--message-format` `json` with `human`\n"
    );
}

#[test]
fn output_file_takes_the_report() {
    let fx = one_package("");
    let out = fx.run(&["--output-file", "report.json", "--message-format", "json"]);
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
    let written = std::fs::read_to_string(fx.path("report.json")).expect("report");
    assert!(
        written.starts_with("{\"reason\":\"compiler-message\""),
        "{written}"
    );
    assert!(written.ends_with("{\"reason\":\"build-finished\",\"success\":false}\n"));
    let human = fx.run(&["--output-file", "report.txt", "--color", "always"]);
    assert_eq!((human.code, human.stderr.as_str()), (1, ""));
    let written = std::fs::read_to_string(fx.path("report.txt")).expect("report");
    assert!(
        written.starts_with(
            "error[TLS101]: certificate verification is disabled\n --> src/lib.rs:2:32\n"
        ),
        "no colour in a file: {written}"
    );
    assert!(written.ends_with("error: tlslint found 1 error\n"));
}

#[test]
fn short_format_is_one_line_per_finding() {
    let out = one_package("").run(&["--message-format", "short", "--color", "never"]);
    assert_eq!(out.code, 1);
    let first = out.stderr.lines().next().unwrap_or("");
    assert_eq!(
        first,
        "src/lib.rs:2:32: error[TLS101]: certificate verification is disabled: any certificate is accepted"
    );
}

#[test]
fn json_format_is_cargo_messages() {
    let out = one_package("").run(&["--message-format", "json"]);
    assert_eq!(out.code, 1);
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    let msg = &lines[0]["message"];
    assert_eq!(lines[0]["reason"], "compiler-message");
    assert_eq!(msg["code"]["code"], "TLS101");
    assert_eq!(msg["level"], "error");
    assert_eq!(msg["spans"][0]["file_name"], "src/lib.rs");
    assert_eq!(msg["spans"][0]["line_start"], 2);
    assert_eq!(msg["spans"][0]["column_start"], 32);
    assert_eq!(msg["spans"][0]["column_end"], 59);
    assert_eq!(msg["spans"][0]["is_primary"], true);
    assert!(
        msg["rendered"].as_str().unwrap_or("").starts_with(
            "error[TLS101]: certificate verification is disabled\n --> src/lib.rs:2:32"
        )
    );
    assert_eq!(
        lines[1],
        serde_json::json!({"reason": "build-finished", "success": false})
    );
    let parsed: Vec<_> = cargo_metadata::Message::parse_stream(out.stdout.as_bytes())
        .collect::<Result<_, _>>()
        .expect("cargo_metadata reads it");
    assert!(matches!(
        parsed[0],
        cargo_metadata::Message::CompilerMessage(_)
    ));
    assert!(matches!(
        parsed[1],
        cargo_metadata::Message::BuildFinished(_)
    ));
}

#[test]
fn color_follows_flag_and_cargo_term_color() {
    let fx = one_package("");
    assert!(fx.run(&["--color", "always"]).stderr.contains("\u{1b}["));
    assert!(!fx.run(&["--color", "never"]).stderr.contains("\u{1b}["));
    assert!(
        !fx.run(&[]).stderr.contains("\u{1b}["),
        "auto is plain when not a terminal"
    );
    let env = support::Run::from(
        tlslint()
            .current_dir(fx.root())
            .env("CARGO_TERM_COLOR", "always")
            .arg("tlslint")
            .output()
            .expect("run"),
    );
    assert!(env.stderr.contains("\u{1b}["));
}

#[test]
fn quiet_drops_the_summary_and_verbose_adds_statistics() {
    let fx = one_package("");
    let quiet = fx.run(&["-q", "--color", "never"]);
    assert!(!quiet.stderr.contains("tlslint found"));
    assert_eq!(quiet.finding_lines().len(), 1);
    let verbose = fx.run(&["-v"]).stderr;
    assert!(
        verbose.contains("tlslint: 2 files in 1 package, 2 parsed"),
        "src/lib.rs and Cargo.toml:\n{verbose}"
    );
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let fx = Fixture::new().file("Cargo.toml", &package_manifest("app", "")).file("src/lib.rs", "pub fn f(v: bool) -> reqwest::ClientBuilder { reqwest::Client::builder().danger_accept_invalid_certs(v) }\n");
    assert_eq!(fx.run(&[]).code, 0);
    assert_eq!(fx.run(&["-D", "warnings"]).code, 1);
    assert_eq!(fx.run(&["--deny", "warnings"]).code, 1);
    let raised = fx.run(&["-D", "TLS104", "--color", "never"]);
    assert_eq!(raised.code, 1);
    assert!(raised.stderr.contains(
        "`cert_verification_runtime_toggle` is set to `deny` in the command line (`-D TLS104`)"
    ));
}

#[test]
fn level_flags_as_clippy_later_wins_and_over_the_policy() {
    // The policy says `warn`; the flags decide, the last one for a rule winning.
    let fx = one_package("[package.metadata.tlslint.lints]\nTLS101 = \"warn\"\n").file(
        "src/util.rs",
        "// tlslint: allow(TLS101, reason = \"a test proxy\")\npub fn f() -> reqwest::ClientBuilder { reqwest::Client::builder().danger_accept_invalid_certs(true) }\n",
    );
    let lib = ["src/lib.rs", "--color", "never"];
    let run = |flags: &[&str]| fx.run(&[&lib[..], flags].concat());
    let policy = run(&[]);
    assert_eq!(policy.code, 0, "{}", policy.stderr);
    assert!(
        policy.stderr.contains("warning[TLS101]"),
        "{}",
        policy.stderr
    );
    let allowed = run(&["-A", "cert_verification_disabled"]);
    assert_eq!(
        (allowed.code, allowed.stderr.as_str()),
        (0, "tlslint: 0 findings in 1 file (1 package)\n")
    );
    let denied = run(&["-A", "TLS101", "-D", "TLS101"]);
    assert_eq!(denied.code, 1);
    assert!(
        denied.stderr.contains(
            "`cert_verification_disabled` is set to `deny` in the command line (`-D TLS101`)"
        ),
        "{}",
        denied.stderr
    );
    let warned = run(&["--deny", "TLS101", "-W", "TLS101"]);
    assert_eq!(warned.code, 0, "{}", warned.stderr);
    assert!(warned.stderr.contains("warning[TLS101]"));
    // `-F` is forbid: an inline suppression no longer lifts the finding.
    let suppressed = ["src/util.rs", "--color", "never"];
    assert_eq!(fx.run(&suppressed).code, 0);
    let forbidden = fx.run(&[&suppressed[..], &["-F", "TLS101"]].concat());
    assert_eq!(forbidden.code, 1, "{}", forbidden.stderr);
    assert!(
        forbidden
            .stderr
            .contains("is set to `forbid` in the command line (`-F TLS101`)"),
        "{}",
        forbidden.stderr
    );
    assert_eq!(
        fx.run(&[&suppressed[..], &["--forbid", "TLS101", "-A", "TLS101"]].concat())
            .code,
        0
    );
    // `-D warnings` keeps its meaning; `-W warnings` after it undoes it, `-F warnings` is it.
    assert_eq!(run(&["-D", "warnings"]).code, 1);
    assert_eq!(run(&["-F", "warnings"]).code, 1);
    assert_eq!(run(&["-D", "warnings", "-W", "warnings"]).code, 0);
    for flag in ["-A", "-W", "-D", "-F"] {
        let unknown = run(&[flag, "no_such_rule"]);
        assert_eq!(unknown.code, 2, "{flag}");
        assert_eq!(
            unknown.stderr,
            format!(
                "error: unknown rule `no_such_rule` in `{flag} no_such_rule`; see `cargo tlslint --list`\n"
            )
        );
    }
    let all = run(&["-A", "warnings"]);
    assert_eq!(all.code, 2);
    assert!(all.stderr.contains("`-A warnings` is not supported"));
}

#[test]
fn unknown_cargo_flags_are_accepted() {
    let out = one_package("").run(&[
        "--all-features",
        "--offline",
        "--locked",
        "--frozen",
        "--keep-going",
        "--features",
        "x",
        "--target-dir",
        "t",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn bad_flags_exit_two() {
    let out = one_package("").run(&["--no-such-flag"]);
    assert_eq!(out.code, 2);
    let out = one_package("").run(&["--message-format", "xml"]);
    assert_eq!(out.code, 2);
}

#[test]
fn list_and_explain_come_from_the_registry() {
    let fx = Fixture::new();
    let list = fx.run(&["--list"]);
    assert_eq!(list.code, 0);
    assert!(
        list.stdout
            .lines()
            .any(|l| l.starts_with("TLS101  cert_verification_disabled") && l.contains("deny"))
    );
    let by_code = fx.run(&["--explain", "TLS101"]);
    let by_name = fx.run(&["--explain", "cert-verification-disabled"]);
    assert_eq!(by_code.code, 0);
    assert_eq!(by_code.stdout, by_name.stdout);
    assert!(
        by_code
            .stdout
            .starts_with("# TLS101 `cert_verification_disabled`")
    );
    assert!(by_code.stdout.contains("### Why is this bad?"));
    let unknown = fx.run(&["--explain", "TLS999"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("no rule named `TLS999`"));
}

fn two_members() -> Fixture {
    Fixture::new()
        .file("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\ndefault-members = [\"a\"]\nresolver = \"2\"\n")
        .file("a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
        .file("a/src/lib.rs", INSECURE_LIB)
        .file("b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.2.0\"\nedition = \"2021\"\n")
        .file("b/src/main.rs", "fn main() { let _ = reqwest::Client::builder().danger_accept_invalid_hostnames(true); }\n")
}

#[test]
fn package_selection() {
    let fx = two_members();
    let paths = |args: &[&str]| {
        fx.run(args)
            .findings()
            .into_iter()
            .map(|(c, l)| format!("{c} {}", l.split(':').next().unwrap_or("")))
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(&[]), vec!["TLS101 a/src/lib.rs"], "default members");
    assert_eq!(
        paths(&["--workspace"]),
        vec!["TLS101 a/src/lib.rs", "TLS201 b/src/main.rs"]
    );
    assert_eq!(paths(&["-p", "b"]), vec!["TLS201 b/src/main.rs"]);
    assert_eq!(paths(&["-p", "b@0.2.0"]), vec!["TLS201 b/src/main.rs"]);
    assert_eq!(
        paths(&["--workspace", "--exclude", "a"]),
        vec!["TLS201 b/src/main.rs"]
    );
    let bad = fx.run(&["-p", "nope"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("package `nope` is not a member of the workspace")
    );
}

#[test]
fn manifest_path_from_elsewhere() {
    let fx = two_members();
    let manifest = fx.path("Cargo.toml");
    let out = support::Run::from(
        tlslint()
            .args(["tlslint", "--workspace", "--manifest-path"])
            .arg(&manifest)
            .output()
            .expect("run"),
    );
    assert_eq!(out.findings().len(), 2, "{}", out.stderr);
}

#[test]
fn module_tree_is_followed_as_rustc_does() {
    let bad =
        "pub fn f() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n";
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod plain;\nmod dir;\n#[path = \"elsewhere/renamed.rs\"]\nmod renamed;\n#[cfg(windows)]\nmod windows_only;\nmod inline {\n    mod nested;\n}\ninclude!(\"generated.rs\");\n")
        .file("src/plain.rs", bad)
        .file("src/dir/mod.rs", "mod child;\n")
        .file("src/dir/child.rs", bad)
        .file("src/elsewhere/renamed.rs", bad)
        .file("src/windows_only.rs", bad)
        .file("src/inline/nested.rs", bad)
        .file("src/generated.rs", bad)
        .file("src/orphan.rs", bad);
    let mut files: Vec<String> = fx
        .run(&[])
        .findings()
        .into_iter()
        .map(|(_, l)| l.split(':').next().unwrap_or("").to_string())
        .collect();
    files.sort();
    assert_eq!(
        files,
        vec![
            "src/dir/child.rs",
            "src/elsewhere/renamed.rs",
            "src/generated.rs",
            "src/inline/nested.rs",
            "src/plain.rs",
            "src/windows_only.rs"
        ]
    );
}

#[test]
fn targets_and_test_code() {
    let bad =
        "fn main() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n";
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n}\n")
        .file("src/bin/tool.rs", bad)
        .file("examples/demo.rs", bad)
        .file("build.rs", bad)
        .file("tests/it.rs", bad)
        .file("benches/b.rs", bad);
    let files = |args: &[&str]| {
        let mut f: Vec<String> = fx
            .run(args)
            .findings()
            .into_iter()
            .map(|(_, l)| l.split(':').next().unwrap_or("").to_string())
            .collect();
        f.sort();
        f
    };
    assert_eq!(
        files(&[]),
        vec!["build.rs", "examples/demo.rs", "src/bin/tool.rs"]
    );
    let everything = vec![
        "benches/b.rs",
        "build.rs",
        "examples/demo.rs",
        "src/bin/tool.rs",
        "src/lib.rs",
        "tests/it.rs",
    ];
    assert_eq!(files(&["--include-tests"]), everything);
    assert_eq!(
        files(&["--all-targets"]),
        everything,
        "rust-analyzer's flags"
    );
    assert_eq!(
        files(&["--lib", "--bins", "--examples", "--all-features"]),
        vec!["build.rs", "examples/demo.rs", "src/bin/tool.rs"]
    );
    assert_eq!(
        files(&["--lib"]),
        vec!["build.rs"],
        "the build script is built with any target"
    );
    assert_eq!(
        files(&["--tests"]),
        vec!["build.rs", "src/bin/tool.rs", "src/lib.rs", "tests/it.rs"],
        "targets with `test = true`, test code included"
    );
    assert_eq!(
        files(&["--benches"]),
        vec!["benches/b.rs", "build.rs", "src/bin/tool.rs", "src/lib.rs"]
    );
    assert_eq!(files(&["--examples"]), vec!["build.rs", "examples/demo.rs"]);
    assert_eq!(
        files(&["--bin", "tool"]),
        vec!["build.rs", "src/bin/tool.rs"]
    );
    assert_eq!(files(&["--test", "it"]), vec!["build.rs", "tests/it.rs"]);
    assert_eq!(files(&["--bench", "b"]), vec!["benches/b.rs", "build.rs"]);
    assert_eq!(
        files(&["--example", "demo", "--bins"]),
        vec!["build.rs", "examples/demo.rs", "src/bin/tool.rs"]
    );
    let missing = fx.run(&["--bin", "nope"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("no bin target named `nope` in the selected packages"),
        "{}",
        missing.stderr
    );
    let with_paths = fx.run(&["--lib", "src/lib.rs"]);
    assert_eq!(with_paths.code, 2);
    assert!(with_paths.stderr.contains("cannot be combined with PATHS"));
    assert_eq!(
        fx.run(&["--tests", "tests"]).finding_lines(),
        vec!["TLS101 tests/it.rs:1:48"],
        "`--tests` in paths mode lints test code"
    );
}

#[test]
fn policy_levels_from_workspace_package_and_tlslint_toml() {
    let ws =
        one_package("[workspace.metadata.tlslint.lints]\ncert_verification_disabled = \"warn\"\n");
    let out = ws.run(&["--color", "never"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("warning[TLS101]"));
    assert!(
        out.stderr.contains("is set to `warn` in `"),
        "{}",
        out.stderr
    );

    let pkg = one_package(
        "[workspace.metadata.tlslint.lints]\nTLS101 = \"warn\"\n\n[package.metadata.tlslint.lints]\nTLS101 = \"allow\"\n",
    );
    let out = pkg.run(&[]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (0, "tlslint: 0 findings in 2 files (1 package)\n"),
        "package overrides workspace"
    );

    let file = one_package("").file(
        "tlslint.toml",
        "[lints]\ncert-verification-disabled = { level = \"warn\" }\n",
    );
    let out = file.run(&["--color", "never"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("warning[TLS101]"));
}

#[test]
fn policy_excludes_and_include_tests() {
    let fx = one_package("[package.metadata.tlslint]\nexclude = [\"src/generated/**\"]\n")
        .file("src/lib.rs", "mod generated;\n#[cfg(test)]\nmod tests { fn t() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); } }\n")
        .file("src/generated/mod.rs", INSECURE_LIB);
    assert_eq!(fx.run(&[]).findings().len(), 0);
    let fx = one_package("[workspace.metadata.tlslint]\ninclude-tests = true\n").file("src/lib.rs", "#[cfg(test)]\nmod tests { fn t() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); } }\n");
    assert_eq!(fx.run(&[]).finding_lines(), vec!["TLS101 src/lib.rs:2:57"]);
}

#[test]
fn bad_policy_is_an_error_at_file_line_and_key() {
    let fx =
        one_package("[workspace.metadata.tlslint]\nmin-tls-version = \"1.2\"\nno-such-key = 1\n");
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("error: unknown key `no-such-key` in the tlslint policy"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Cargo.toml:10:1"), "{}", out.stderr);

    let fx = one_package("[workspace.metadata.tlslint.lints]\nno_such_rule = \"deny\"\n");
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("error: unknown rule `no_such_rule`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Cargo.toml:9:1"), "{}", out.stderr);

    let fx = one_package("[workspace.metadata.tlslint.lints]\nTLS101 = \"loud\"\n");
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("invalid level for `TLS101`"),
        "{}",
        out.stderr
    );

    let fx = one_package("[workspace.metadata.tlslint]\nmin-tls-version = \"1.0\"\n");
    assert_eq!(fx.run(&[]).code, 2);
}

#[test]
fn a_bad_cleartext_host_glob_is_an_error_at_the_entry() {
    let fx = one_package(
        "[workspace.metadata.tlslint]\nallowed-cleartext-hosts = [\"10.0.0.0/8\", \"api[.corp\"]\n",
    );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "error: `allowed-cleartext-hosts` entry is neither an address, a CIDR nor a host glob: unclosed character class"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Cargo.toml:9:42"), "{}", out.stderr);
}

#[test]
fn paths_mode_lints_named_files_and_walks_directories() {
    let fx = one_package(
        "[package.metadata.tlslint.lints]\nhostname_verification_disabled = \"warn\"\n",
    )
    .file(
        "src/other.rs",
        "fn f() { let _ = reqwest::Client::builder().danger_accept_invalid_hostnames(true); }\n",
    )
    .file("loose/x.rs", INSECURE_LIB)
    .file("loose/ignored/y.rs", INSECURE_LIB)
    .file("loose/.gitignore", "ignored/\n");
    let out = fx.run(&["src/other.rs", "--color", "never"]);
    assert_eq!(
        out.code, 0,
        "the package policy applies to a named file:\n{}",
        out.stderr
    );
    assert_eq!(out.finding_lines(), vec!["TLS201 src/other.rs:1:45"]);
    let dir = fx.run(&["loose"]);
    assert_eq!(
        dir.finding_lines(),
        vec!["TLS101 loose/x.rs:2:32"],
        ".gitignore is honoured"
    );
    let twice = fx.run(&["src/lib.rs", "src/lib.rs", "./src/lib.rs"]);
    assert_eq!(
        twice.finding_lines(),
        vec!["TLS101 src/lib.rs:2:32"],
        "a file named twice is linted once"
    );
}

#[test]
fn named_files_are_linted_whole_unless_force_exclude() {
    let fx = one_package("[package.metadata.tlslint]\nexclude = [\"src/generated.rs\"]\n")
        .file("tests/it.rs", INSECURE_LIB)
        .file("src/generated.rs", INSECURE_LIB)
        .file(
            "src/util.rs",
            "#[cfg(test)]\nmod tests {\n    fn t() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n}\n",
        );
    let named = fx.run(&["tests/it.rs", "src/generated.rs", "src/util.rs"]);
    assert_eq!(named.code, 1, "{}", named.stderr);
    assert_eq!(
        named.finding_lines(),
        vec![
            "TLS101 src/generated.rs:2:32",
            "TLS101 src/util.rs:3:49",
            "TLS101 tests/it.rs:2:32"
        ],
        "a named file is linted whole: a test file, test code, an excluded file"
    );
    let forced = fx.run(&[
        "tests/it.rs",
        "src/generated.rs",
        "src/util.rs",
        "--force-exclude",
    ]);
    assert_eq!(
        (forced.code, forced.finding_lines()),
        (0, Vec::<String>::new()),
        "{}",
        forced.stderr
    );
    let walked = fx.run(&["tests", "src"]);
    assert_eq!(
        walked.finding_lines(),
        vec!["TLS101 src/lib.rs:2:32"],
        "files found by walking a directory keep the excludes and the test filter"
    );
    assert_eq!(
        fx.run(&["tests/it.rs", "--force-exclude", "--include-tests"])
            .finding_lines(),
        vec!["TLS101 tests/it.rs:2:32"]
    );
}

#[test]
fn cross_file_constant_in_paths_mode() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod consts;\npub fn c() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(consts::SKIP); }\n")
        .file("src/consts.rs", "pub const SKIP: bool = true;\n");
    let out = fx.run(&["src/lib.rs", "--color", "never"]);
    assert_eq!(out.finding_lines(), vec!["TLS101 src/lib.rs:2:49"]);
    assert!(
        out.stderr.contains("::: src/consts.rs:1:11"),
        "{}",
        out.stderr
    );
}

#[test]
fn modules_declared_under_cfg_test_are_test_code() {
    let bad =
        "pub fn t() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n";
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod net;\n#[cfg(test)]\nmod tests;\n")
        .file("src/net/mod.rs", "#[cfg(all(test, unix))]\nmod test_util;\nmod real;\n#[cfg(test)]\nmod helpers {\n    mod deep;\n}\n")
        .file("src/net/test_util.rs", bad)
        .file("src/net/real.rs", bad)
        .file("src/net/helpers/deep.rs", bad)
        .file("src/tests/mod.rs", "mod util;\n")
        .file("src/tests/util.rs", bad);
    let files = |args: &[&str]| {
        let mut f: Vec<String> = fx
            .run(args)
            .findings()
            .into_iter()
            .map(|(_, l)| l.split(':').next().unwrap_or("").to_string())
            .collect();
        f.sort();
        f
    };
    assert_eq!(files(&[]), vec!["src/net/real.rs"], "workspace mode");
    assert_eq!(
        files(&["src"]),
        vec!["src/net/real.rs"],
        "paths mode looks up the declaring module"
    );
    assert_eq!(
        files(&[
            "src/tests/util.rs",
            "src/net/helpers/deep.rs",
            "--force-exclude"
        ]),
        Vec::<String>::new(),
        "named files too, under `--force-exclude`"
    );
    assert_eq!(
        files(&["src/tests/util.rs", "src/net/helpers/deep.rs"]).len(),
        2,
        "named files are linted whole"
    );
    assert_eq!(files(&["--include-tests"]).len(), 4);
}

#[test]
fn grpc_endpoint_and_authorization_metadata_in_different_files() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod auth;\npub async fn channel() -> Result<tonic::transport::Channel, tonic::transport::Error> {\n    tonic::transport::Channel::from_static(\"http://grpc.internal.example.net:50051\").connect().await\n}\n")
        .file("src/auth.rs", "pub fn intercept(mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {\n    req.metadata_mut().insert(\"authorization\", \"Bearer t\".parse().unwrap());\n    Ok(req)\n}\n");
    let out = fx.run(&["--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS513 src/lib.rs:3:44"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("::: src/auth.rs:2:"),
        "the metadata is labelled in its file:\n{}",
        out.stderr
    );
    let alone = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "pub async fn channel() -> Result<tonic::transport::Channel, tonic::transport::Error> {\n    tonic::transport::Channel::from_static(\"http://grpc.internal.example.net:50051\").connect().await\n}\n");
    assert_eq!(
        alone.run(&[]).findings().len(),
        0,
        "no credentials in the package, no finding"
    );
}

/// Runs `cargo-tlslint tlslint ARGS` from `dir` with `input` on standard input.
fn run_with_stdin(dir: &std::path::Path, args: &[&str], input: Vec<u8>) -> support::Run {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = tlslint()
        .current_dir(dir)
        .arg("tlslint")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cargo-tlslint");
    let mut stdin = child.stdin.take().expect("stdin");
    // The binary may refuse before reading everything: a broken pipe is not the test's concern.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    support::Run::from(out)
}

/// A package whose `src/lib.rs` on disk is clean (standard input holds the insecure version).
fn clean_package(extra_manifest: &str) -> Fixture {
    Fixture::new()
        .file("Cargo.toml", &package_manifest("app", extra_manifest))
        .file("src/lib.rs", "pub fn client() {}\n")
}

#[test]
fn stdin_is_linted_under_its_name() {
    let fx = clean_package("");
    let out = run_with_stdin(
        fx.root(),
        &["--color", "never", "--stdin-filename", "src/lib.rs"],
        INSECURE_LIB.into(),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 src/lib.rs:2:32"],
        "the text of standard input, not the file on disk, under the given name:\n{}",
        out.stderr
    );
    let dash = run_with_stdin(
        fx.root(),
        &["-", "--color", "never", "--stdin-filename", "src/lib.rs"],
        INSECURE_LIB.into(),
    );
    assert_eq!(dash.code, 1);
    assert_eq!(dash.stderr, out.stderr, "`-` with a name reads the same");
}

#[test]
fn stdin_without_a_name_is_shown_as_stdin() {
    let fx = clean_package("");
    let out = run_with_stdin(fx.root(), &["-", "--color", "never"], INSECURE_LIB.into());
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.finding_lines(), vec!["TLS101 <stdin>:2:32"]);
    let json = run_with_stdin(
        fx.root(),
        &["-", "--message-format", "json"],
        INSECURE_LIB.into(),
    );
    assert_eq!(json.code, 1);
    let first: serde_json::Value =
        serde_json::from_str(json.stdout.lines().next().expect("a message")).expect("JSON");
    assert_eq!(first["message"]["spans"][0]["file_name"], "<stdin>");
    assert_eq!(first["message"]["spans"][0]["line_start"], 2);
    assert_eq!(first["message"]["spans"][0]["column_start"], 32);
    let sarif = run_with_stdin(
        fx.root(),
        &["-", "--message-format", "sarif"],
        INSECURE_LIB.into(),
    );
    assert_eq!(sarif.code, 1);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF");
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%3Cstdin%3E",
        "a valid URI reference"
    );
    let clean = run_with_stdin(fx.root(), &["-"], b"pub fn f() {}\n".to_vec());
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert_eq!(clean.stderr, "tlslint: 0 findings in 1 file (1 package)\n");
}

#[test]
fn stdin_gets_the_policy_test_classification_and_suppressions_of_its_name() {
    let allowed = clean_package("[package.metadata.tlslint.lints]\nTLS101 = \"warn\"\n");
    let out = run_with_stdin(
        allowed.root(),
        &["--stdin-filename", "src/lib.rs", "--color", "never"],
        INSECURE_LIB.into(),
    );
    assert_eq!(out.code, 0, "the package's policy makes it a warning");
    assert!(out.stderr.starts_with("warning[TLS101]"), "{}", out.stderr);
    let fx = clean_package("");
    let test_file = run_with_stdin(
        fx.root(),
        &["--stdin-filename", "tests/it.rs", "--force-exclude"],
        INSECURE_LIB.into(),
    );
    assert_eq!(
        test_file.code, 0,
        "under `--force-exclude` a file named `tests/…` is test code, not linted by default: {}",
        test_file.stderr
    );
    let named = run_with_stdin(
        fx.root(),
        &["--stdin-filename", "tests/it.rs", "--color", "never"],
        INSECURE_LIB.into(),
    );
    assert_eq!(
        named.finding_lines(),
        vec!["TLS101 tests/it.rs:2:32"],
        "a named file is linted whole, as on disk"
    );
    let suppressed = INSECURE_LIB.replace(
        "    reqwest",
        "    // tlslint: allow(TLS101, reason = \"test server\")\n    reqwest",
    );
    let out = run_with_stdin(fx.root(), &["-"], suppressed.into_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn stdin_with_other_paths_or_fixes_is_refused() {
    let fx = clean_package("");
    for args in [
        &["-", "src/lib.rs"][..],
        &["--stdin-filename", "src/lib.rs", "src/lib.rs"],
        &["-", "--fix"],
        &["-", "--show-fixes"],
    ] {
        let out = run_with_stdin(fx.root(), args, INSECURE_LIB.into());
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("error: ") && out.stderr.contains("standard input (`-`)")
                || out.stderr.contains("`-` (standard input) is linted alone"),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
}

#[test]
fn stdin_is_bounded_as_files_are() {
    let fx = clean_package("");
    let out = run_with_stdin(fx.root(), &["-"], vec![b' '; (64 << 20) + 1]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: cannot read standard input: the file is 64.0 MiB, over the 64 MiB read limit; not read\n"
    );
}

/// A package with a library, a binary, an integration test and a build script, each with a
/// finding, and a manifest with one.
fn four_targets() -> Fixture {
    let insecure = |prefix: &str| format!("{prefix}{INSECURE_LIB}");
    Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest(
                "app",
                "[dependencies]\nrustls = { version = \"0.21\", features = [\"dangerous_configuration\"] }\n",
            )
            .replace("[workspace]\n\n[dependencies]", "[dependencies]")
            .replace("edition = \"2021\"\n", "edition = \"2021\"\n[workspace]\n"),
        )
        .file("src/lib.rs", &insecure(""))
        .file("src/main.rs", &insecure("fn main() {}\n"))
        .file("tests/it.rs", &insecure(""))
        .file("build.rs", &insecure("fn main() {}\n"))
}

/// (file, package id, target kinds, target name, target src_path) of every `compiler-message`,
/// read by cargo's own message parser.
fn message_targets(stdout: &str) -> Vec<(String, String, Vec<String>, String, String)> {
    cargo_metadata::Message::parse_stream(stdout.as_bytes())
        .filter_map(|m| match m.expect("a cargo message") {
            cargo_metadata::Message::CompilerMessage(m) => Some((
                m.message.spans[0].file_name.clone(),
                m.package_id.repr,
                m.target.kind.iter().map(ToString::to_string).collect(),
                m.target.name,
                m.target.src_path.to_string(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn json_messages_name_the_package_and_target_of_each_file() {
    let fx = four_targets();
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(fx.path("Cargo.toml"))
        .no_deps()
        .other_options(vec!["--offline".to_string()])
        .exec()
        .expect("cargo metadata");
    let package = &metadata.packages[0];
    let root = metadata.workspace_root.as_std_path();
    let abs = |rel: &str| root.join(rel).display().to_string();
    let manifest = abs("Cargo.toml");
    let expected: Vec<(String, String, Vec<String>, String, String)> = [
        ("Cargo.toml", "lib", "app", "src/lib.rs"),
        ("build.rs", "custom-build", "build-script-build", "build.rs"),
        ("src/lib.rs", "lib", "app", "src/lib.rs"),
        ("src/main.rs", "bin", "app", "src/main.rs"),
        ("tests/it.rs", "test", "it", "tests/it.rs"),
    ]
    .iter()
    .map(|(file, kind, name, src)| {
        (
            file.to_string(),
            package.id.repr.clone(),
            vec![kind.to_string()],
            name.to_string(),
            abs(src),
        )
    })
    .collect();
    assert!(
        package.id.repr.starts_with("path+file://"),
        "{}",
        package.id
    );
    let out = fx.run(&["--message-format", "json", "--all-targets"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(message_targets(&out.stdout), expected, "workspace mode");
    for line in out.stdout.lines() {
        let message: serde_json::Value = serde_json::from_str(line).expect("JSON");
        if message["reason"] == "compiler-message" {
            assert_eq!(message["manifest_path"], manifest.as_str());
            assert_eq!(message["target"]["edition"], "2021");
        }
    }
    let named = fx.run(&[
        "--message-format",
        "json",
        "Cargo.toml",
        "build.rs",
        "src/lib.rs",
        "src/main.rs",
        "tests/it.rs",
    ]);
    assert_eq!(named.code, 1, "{}", named.stderr);
    assert_eq!(
        message_targets(&named.stdout),
        expected,
        "named files get the same targets"
    );
}

/// A virtual workspace with members `a` and `b`, each with the insecure library; `b` has its own
/// `tlslint.toml` that allows TLS101, the root's makes it a warning.
fn members_with_own_policy() -> Fixture {
    let member = |name: &str| {
        format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
    };
    Fixture::new()
        .file(
            "Cargo.toml",
            "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"2\"\n",
        )
        .file("tlslint.toml", "[lints]\nTLS101 = \"warn\"\n")
        .file("a/Cargo.toml", &member("a"))
        .file("a/src/lib.rs", INSECURE_LIB)
        .file("b/Cargo.toml", &member("b"))
        .file("b/src/lib.rs", INSECURE_LIB)
        .file(
            "b/tlslint.toml",
            "[lints]\ncert_verification_disabled = \"allow\"\n",
        )
}

#[test]
fn a_members_own_policy_file_applies_to_its_files() {
    let fx = members_with_own_policy();
    for args in [
        &["--workspace"][..],
        &["a/src/lib.rs", "b/src/lib.rs"],
        &["a", "b"],
    ] {
        let out = fx.run(&[&["--color", "never"][..], args].concat());
        assert_eq!(
            out.finding_lines(),
            vec!["TLS101 a/src/lib.rs:2:32"],
            "{args:?}: b's own file allows it:\n{}",
            out.stderr
        );
        assert!(
            out.stderr.starts_with("warning[TLS101]"),
            "{args:?}: a falls back to the root's file:\n{}",
            out.stderr
        );
        assert_eq!(out.code, 0, "{args:?}");
    }
    let stdin = run_with_stdin(
        fx.root(),
        &["--stdin-filename", "b/src/lib.rs"],
        INSECURE_LIB.into(),
    );
    assert_eq!(stdin.code, 0, "{}", stdin.stderr);
    assert!(stdin.finding_lines().is_empty(), "{}", stdin.stderr);
    fx.write("policy.toml", b"");
    let pinned = fx.run(&["--workspace", "--color", "never", "--config", "policy.toml"]);
    assert_eq!(
        pinned.finding_lines(),
        vec!["TLS101 a/src/lib.rs:2:32", "TLS101 b/src/lib.rs:2:32"],
        "`--config` replaces every file of the tree:\n{}",
        pinned.stderr
    );
    assert_eq!(pinned.code, 1);
    fx.write("b/tlslint.toml", b"[lints]\nno_such_rule = \"allow\"\n");
    let bad = fx.run(&["--workspace", "--color", "never"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.starts_with("error: unknown rule `no_such_rule`")
            && bad.stderr.contains("b/tlslint.toml:2:1"),
        "a member's file is checked as the root's is:\n{}",
        bad.stderr
    );
}

/// `text` with its commented settings (`#key = …`, `#[lints]`) uncommented.
fn uncommented(text: &str) -> String {
    text.lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase() || c == '[') => rest,
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn init_writes_a_starter_policy_that_lints_and_never_replaces_one() {
    let fx = one_package("");
    let out = fx.run(&["init"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written = std::fs::read_to_string(fx.path("tlslint.toml")).expect("written");
    assert!(
        written.starts_with(&format!(
            "#:schema https://raw.githubusercontent.com/cargo-tlslint/cargo-tlslint/v{}/schema/tlslint.schema.json\n",
            env!("CARGO_PKG_VERSION")
        )),
        "{written}"
    );
    for key in cargo_tlslint::policy::config::KEYS
        .iter()
        .filter(|k| k.name != "lints")
    {
        assert!(
            written.contains(&format!("\n#{} = {}\n", key.name, key.default)),
            "{} at its default:\n{written}",
            key.name
        );
    }
    assert!(written.contains("\n#cert_verification_disabled = \"deny\"  # TLS101: "));
    let lint = fx.run(&["--color", "never"]);
    assert_eq!(
        lint.finding_lines(),
        vec!["TLS101 src/lib.rs:2:32"],
        "{}",
        lint.stderr
    );
    assert_eq!(lint.code, 1, "the written policy parses");
    std::fs::write(fx.path("tlslint.toml"), uncommented(&written)).expect("write");
    let all_set = fx.run(&["--color", "never"]);
    assert_eq!(
        (all_set.code, all_set.finding_lines()),
        (1, vec!["TLS101 src/lib.rs:2:32".to_string()]),
        "every setting uncommented is the default policy:\n{}",
        all_set.stderr
    );
    let again = fx.run(&["init"]);
    assert_eq!(again.code, 2);
    assert_eq!(
        again.stderr,
        format!(
            "error: `{}` already exists; `cargo tlslint init` does not replace a policy (remove it first)\n",
            std::fs::canonicalize(fx.root())
                .expect("canonical")
                .join("tlslint.toml")
                .display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(fx.path("tlslint.toml")).expect("kept"),
        uncommented(&written),
        "the existing file is left alone"
    );
}

#[test]
fn init_writes_at_the_workspace_root_from_a_member() {
    let fx = members_with_own_policy();
    std::fs::remove_file(fx.path("tlslint.toml")).expect("rm");
    let out = fx.run_in("a/src", &["init"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(fx.path("tlslint.toml").is_file());
    assert!(!fx.path("a/tlslint.toml").exists());
    let outside = tempfile::tempdir().expect("temp dir");
    let none = support::run_bounded({
        let mut cmd = tlslint();
        cmd.current_dir(outside.path()).args(["tlslint", "init"]);
        cmd
    });
    assert_eq!(none.code, 2);
    assert!(
        none.stderr
            .starts_with("error: could not find `Cargo.toml`"),
        "{}",
        none.stderr
    );
    std::fs::remove_file(fx.path("tlslint.toml")).expect("rm");
    let manifest = fx.path("b/Cargo.toml").display().to_string();
    let named = support::run_bounded({
        let mut cmd = tlslint();
        cmd.current_dir(outside.path())
            .args(["tlslint", "init", "--manifest-path", &manifest]);
        cmd
    });
    assert_eq!(named.code, 0, "{}", named.stderr);
    assert!(
        fx.path("tlslint.toml").is_file(),
        "`--manifest-path` of a member names its workspace"
    );
}

/// A helper's parameter is judged by its callers in other files, including files with no trigger
/// word (read in the package phase), through a caller that passes its own parameter on.
#[test]
fn a_parameter_is_judged_by_callers_in_other_files() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/net.rs",
            "pub(crate) fn make_client(insecure: bool) -> reqwest::ClientBuilder {\n    reqwest::Client::builder().danger_accept_invalid_certs(insecure)\n}\n\npub(crate) fn quiet(insecure: bool) -> reqwest::ClientBuilder {\n    reqwest::Client::builder().danger_accept_invalid_hostnames(insecure)\n}\n",
        )
        .file(
            "src/main.rs",
            "mod net;\nmod setup;\n\nfn main() {\n    let _ = setup::client(true);\n    let _ = net::quiet(false);\n}\n",
        )
        .file(
            "src/setup.rs",
            "pub(crate) fn client(debug: bool) -> reqwest::ClientBuilder {\n    crate::net::make_client(debug)\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.finding_lines(), vec!["TLS101 src/net.rs:2:32"]);
    assert!(
        out.stderr.contains(
            " ::: src/main.rs:5:27\n  |\n5 |     let _ = setup::client(true);\n  |                           ---- `true` is passed to `debug` here"
        ) && out.stderr.contains(
            " ::: src/setup.rs:2:29\n  |\n2 |     crate::net::make_client(debug)\n  |                             ----- `debug` is passed on to `make_client` here"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "= note: `insecure` is a parameter of `make_client`, and `true` reaches it from 1 call"
        ),
        "{}",
        out.stderr
    );
}

/// The envy or `config` call that loads a deserialized struct names its fields' origins when it
/// is in another file than the struct and the setting that reads the field.
#[test]
fn a_loader_in_another_file_names_the_field_origin() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/settings.rs",
            "#[derive(serde::Deserialize)]\npub struct Settings {\n    pub insecure: bool,\n}\n\n#[derive(serde::Deserialize)]\npub struct FileSettings {\n    pub skip_hostname_check: bool,\n}\n",
        )
        .file(
            "src/net.rs",
            "use crate::settings::{FileSettings, Settings};\n\npub fn client(s: &Settings) -> reqwest::ClientBuilder {\n    reqwest::Client::builder().danger_accept_invalid_certs(s.insecure)\n}\n\npub fn quiet(s: &FileSettings) -> reqwest::ClientBuilder {\n    reqwest::Client::builder().danger_accept_invalid_hostnames(s.skip_hostname_check)\n}\n",
        )
        .file(
            "src/main.rs",
            "mod net;\nmod settings;\n\nfn main() {\n    let s = envy::prefixed(\"APP_\").from_env::<settings::Settings>().unwrap();\n    let f: settings::FileSettings = config::Config::builder()\n        .add_source(config::File::with_name(\"app\"))\n        .build()\n        .unwrap()\n        .try_deserialize()\n        .unwrap();\n    let _ = net::client(&s);\n    let _ = net::quiet(&f);\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS104 src/net.rs:4:32", "TLS104 src/net.rs:8:32"],
        "{}",
        out.stderr
    );
    for note in [
        "= note: `Settings.insecure` gets its value at run time: it is the environment variable `APP_INSECURE` (`Settings` is read by `envy`)",
        "= note: `FileSettings.skip_hostname_check` gets its value at run time: it is the configuration key `skip_hostname_check` (`FileSettings` is read by the `config` crate from `app`)",
    ] {
        assert!(out.stderr.contains(note), "{note}\n{}", out.stderr);
    }
}

/// An example calls the library as its users do: the `true` it passes to a public setter does
/// not make the library's own setting constant (the library's is a run-time switch), while a
/// helper of the example is still judged by the example's own calls.
#[test]
fn an_example_does_not_decide_the_library_settings() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/lib.rs",
            "pub struct Settings {\n    skip_verify: bool,\n}\n\nimpl Settings {\n    pub fn new() -> Self {\n        Settings { skip_verify: false }\n    }\n\n    pub fn skip_verify(mut self, skip_verify: bool) -> Self {\n        self.skip_verify = skip_verify;\n        self\n    }\n\n    pub fn client(&self) -> reqwest::ClientBuilder {\n        reqwest::Client::builder().danger_accept_invalid_certs(self.skip_verify)\n    }\n}\n",
        )
        .file(
            "examples/demo.rs",
            "fn builder(insecure: bool) -> reqwest::ClientBuilder {\n    reqwest::Client::builder().danger_accept_invalid_hostnames(insecure)\n}\n\nfn main() {\n    let _ = app::Settings::new().skip_verify(true).client();\n    let _ = builder(true);\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS201 examples/demo.rs:2:32", "TLS104 src/lib.rs:16:36"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("its setter `skip_verify` takes it from callers"),
        "{}",
        out.stderr
    );
}

#[test]
fn versions_and_listener_addresses_are_followed_across_files() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/main.rs",
            "mod limits;\nmod net;\nmod server;\n\n#[tokio::main]\nasync fn main() {\n    let _ = net::client(reqwest::tls::Version::TLS_1_1);\n    let _ = net::modern(reqwest::tls::Version::TLS_1_3);\n    let _ = net::pinned();\n    let _ = server::serve(axum::Router::new(), \"0.0.0.0:8080\").await;\n}\n",
        )
        .file(
            "src/limits.rs",
            "pub(crate) const FLOOR: reqwest::tls::Version = reqwest::tls::Version::TLS_1_0;\n",
        )
        .file(
            "src/net.rs",
            "pub(crate) fn client(min: reqwest::tls::Version) -> reqwest::ClientBuilder {\n    reqwest::Client::builder().min_tls_version(min)\n}\n\npub(crate) fn modern(min: reqwest::tls::Version) -> reqwest::ClientBuilder {\n    reqwest::Client::builder().min_tls_version(min)\n}\n\npub(crate) fn pinned() -> reqwest::ClientBuilder {\n    reqwest::Client::builder().min_tls_version(crate::limits::FLOOR)\n}\n",
        )
        .file(
            "src/server.rs",
            "pub(crate) async fn serve(app: axum::Router, addr: &str) -> std::io::Result<()> {\n    let listener = tokio::net::TcpListener::bind(addr).await?;\n    axum::serve(listener, app).await\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec![
            "TLS301 src/net.rs:2:32",
            "TLS301 src/net.rs:10:32",
            "TLS603 src/server.rs:2:50",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("TLS 1.1 is passed to `min` here")
            && out.stderr.contains("`FLOOR` is defined here")
            && out
                .stderr
                .contains("`\"0.0.0.0:8080\"` is passed to `addr` here"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_plaintext_connection_host_is_judged_by_callers_in_other_files() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/main.rs",
            "mod db;\n\n#[tokio::main]\nasync fn main() {\n    let _ = db::connect(\"db.prod.example.com\").await;\n    let _ = db::local(\"localhost:5432\").await;\n}\n",
        )
        .file(
            "src/db.rs",
            "use tokio_postgres::NoTls;\n\npub(crate) async fn connect(host: &str) -> Result<(), tokio_postgres::Error> {\n    let mut config = tokio_postgres::Config::new();\n    config.host(host);\n    let _ = config.connect(NoTls).await?;\n    Ok(())\n}\n\npub(crate) async fn local(host: &str) -> Result<(), tokio_postgres::Error> {\n    let mut config = tokio_postgres::Config::new();\n    config.host(host);\n    let _ = config.connect(NoTls).await?;\n    Ok(())\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS501 src/db.rs:6:28"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("`\"db.prod.example.com\"` is passed to `host` here"),
        "{}",
        out.stderr
    );
}

/// A URL that reaches a credential through a parameter, a field or a constant of another file
/// is judged by what the package passes or gives it: `http://` to a remote host is the finding,
/// labelled there; `https://`, loopback and run-time URLs make none.
#[test]
fn credential_urls_are_followed_across_files() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/main.rs",
            "mod api;\nmod urls;\n\n#[tokio::main]\nasync fn main() {\n    let c = reqwest::Client::new();\n    let _ = api::fetch(&c, \"http://api.example.com/v1\", \"t\").await;\n    let _ = api::secure(&c, \"https://api.example.com/v1\", \"t\").await;\n    let _ = api::secure(&c, \"http://localhost:8080/v1\", \"t\").await;\n    let _ = api::chosen(&c, &std::env::var(\"API\").unwrap(), \"t\").await;\n    let _ = api::Api { client: c, base: \"http://api.example.com\".into() };\n}\n",
        )
        .file(
            "src/urls.rs",
            "pub(crate) const BASE: &str = \"http://api.example.com/v1\";\n",
        )
        .file(
            "src/api.rs",
            "pub(crate) async fn fetch(c: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<()> {\n    c.get(base).bearer_auth(token).send().await?;\n    Ok(())\n}\n\npub(crate) async fn secure(c: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<()> {\n    c.get(base).bearer_auth(token).send().await?;\n    Ok(())\n}\n\npub(crate) async fn chosen(c: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<()> {\n    c.get(base).bearer_auth(token).send().await?;\n    Ok(())\n}\n\npub(crate) async fn pinned(c: &reqwest::Client, token: &str) -> reqwest::Result<()> {\n    c.get(crate::urls::BASE).bearer_auth(token).send().await?;\n    Ok(())\n}\n\npub(crate) struct Api {\n    pub(crate) client: reqwest::Client,\n    pub(crate) base: String,\n}\n\nimpl Api {\n    pub(crate) async fn users(&self, token: &str) -> reqwest::Result<()> {\n        self.client.get(format!(\"{}/users\", self.base)).bearer_auth(token).send().await?;\n        Ok(())\n    }\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec![
            "TLS510 src/api.rs:2:11",
            "TLS510 src/api.rs:17:11",
            "TLS510 src/api.rs:28:25",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("`\"http://api.example.com/v1\"` is passed to `base` here")
            && out.stderr.contains("`BASE` is defined here")
            && out
                .stderr
                .contains("`Api.base` is set to `\"http://api.example.com\"` here"),
        "{}",
        out.stderr
    );
}

#[test]
fn another_crates_include_is_not_an_included_file() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod styles;\nmod generated;\nmod local;\n")
        .file(
            "src/local.rs",
            "macro_rules! include {\n    ($path:literal) => { $path };\n}\npub const CSS: &str = include!(\"local.scss\");\n",
        )
        .file(
            "src/styles.rs",
            "use grass::include;\npub const CSS: &str = include!(\"styles/app.scss\");\npub const MORE: &str = grass::include!(\"more.scss\");\n",
        )
        .file(
            "src/generated.rs",
            "use grass::include;\nstd::include!(\"missing.rs\");\n",
        );
    let out = fx.run(&["--color", "never"]);
    let lines = out.finding_lines();
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("TLS001")).count(),
        1,
        "only std::include! names a file:\n{}",
        out.stderr
    );
    assert!(
        lines.iter().all(|l| !l.contains("styles.rs")),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("missing.rs"), "{}", out.stderr);
}

const SINK_POLICY: &str = "[[sink]]\npath = \"acme_http::Builder::insecure\"\narg = 0\ndangerous = true\nrule = \"TLS101\"\n";

/// A package whose files call a wrapper crate's `insecure(…)`: a constant `true`, a value from
/// the environment and `false`. No built-in rule has a trigger word in them.
fn wrapper_calls() -> Fixture {
    Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/lib.rs",
            "mod from_env;\nmod safe;\n\npub fn client() -> acme_http::Client {\n    acme_http::Builder::new().insecure(true).build()\n}\n",
        )
        .file(
            "src/from_env.rs",
            "use acme_http::Builder;\n\npub fn client() -> Builder {\n    let flag = std::env::var(\"INSECURE\").is_ok();\n    Builder::new().insecure(flag)\n}\n",
        )
        .file(
            "src/safe.rs",
            "pub fn client() -> acme_http::Builder {\n    acme_http::Builder::new().insecure(false)\n}\n",
        )
}

#[test]
fn a_sink_declared_in_the_policy_reports_under_its_rule() {
    let fx = wrapper_calls().file("tlslint.toml", SINK_POLICY);
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS104 src/from_env.rs:5:20", "TLS101 src/lib.rs:5:31"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "error[TLS101]: certificate chain validation switched off by a literal or constant"
        ),
        "the message is the rule's summary:\n{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("is declared as a sink in the policy (`")
            && out.stderr.contains("tlslint.toml`, line 1)"),
        "the help says where the sink is declared:\n{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("warning[TLS104]: certificate or hostname verification that can be switched off at run or build time"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_call_matching_two_sinks_of_one_method_name_is_reported_once_under_the_one_its_receiver_names()
{
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "tlslint.toml",
            "[[sink]]\npath = \"vault_api::VaultSettingsBuilder::verify\"\narg = 0\ndangerous = false\nrule = \"TLS101\"\n\n[[sink]]\npath = \"consul_api::ConsulSettingsBuilder::verify\"\narg = 0\ndangerous = false\nrule = \"TLS201\"\n",
        )
        .file(
            "src/lib.rs",
            "use consul_api::ConsulSettingsBuilder;\nuse vault_api::VaultSettingsBuilder;\n\npub fn vault() {\n    let _ = VaultSettingsBuilder::default().verify(false).build();\n}\n\npub fn consul() {\n    let _ = ConsulSettingsBuilder::default().verify(false).build();\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 src/lib.rs:5:45", "TLS201 src/lib.rs:9:46"],
        "{}",
        out.stderr
    );
}

#[test]
fn a_verifier_type_declared_in_the_policy_is_reported_where_it_is_installed() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "tlslint.toml",
            "[[sink]]\npath = \"acme_tls::TrustAll\"\nrule = \"TLS110\"\n",
        )
        .file(
            "src/lib.rs",
            "use std::sync::Arc;\nuse acme_tls::TrustAll;\n\npub fn config() -> rustls::ClientConfig {\n    rustls::ClientConfig::builder()\n        .dangerous()\n        .with_custom_certificate_verifier(Arc::new(TrustAll::new()))\n        .with_no_client_auth()\n}\n\npub fn other() -> rustls::ClientConfig {\n    rustls::ClientConfig::builder()\n        .dangerous()\n        .with_custom_certificate_verifier(Arc::new(other_tls::TrustAll::new()))\n        .with_no_client_auth()\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS110 src/lib.rs:7:10"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("= note: `acme_tls::TrustAll` is declared in the policy (`")
            && out
                .stderr
                .contains("tlslint.toml`, line 1) as a verifier that does not verify"),
        "{}",
        out.stderr
    );
    let bad = fx.file(
        "tlslint.toml",
        "[[sink]]\npath = \"acme_tls::TrustAll\"\ndangerous = true\nrule = \"TLS110\"\n",
    );
    let out = bad.run(&["--color", "never"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "a `[[sink]]` entry under TLS110 names a verifier type: it takes no `dangerous`"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("tlslint.toml:3:13"), "{}", out.stderr);
}

#[test]
fn a_file_whose_only_trigger_word_is_a_declared_sink_passes_the_prefilter() {
    let fx = Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest(
                "app",
                &SINK_POLICY.replace("[[sink]]", "[[package.metadata.tlslint.sink]]"),
            ),
        )
        .file(
            "src/lib.rs",
            "pub fn c(b: acme_http::Builder) -> acme_http::Builder {\n    b.insecure(true)\n}\n",
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.finding_lines(), vec!["TLS101 src/lib.rs:2:7"]);
    let named = fx.run(&["--color", "never", "src/lib.rs"]);
    assert_eq!(
        named.finding_lines(),
        vec!["TLS101 src/lib.rs:2:7"],
        "paths mode too:\n{}",
        named.stderr
    );
}

#[test]
fn without_the_sink_the_same_files_give_nothing() {
    let out = wrapper_calls().run(&["--color", "never"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.findings().is_empty(), "{}", out.stderr);
    let other_crate = wrapper_calls().file(
        "tlslint.toml",
        &SINK_POLICY.replace(
            "acme_http::Builder::insecure",
            "other_http::Session::insecure",
        ),
    );
    let out = other_crate.run(&["--color", "never"]);
    assert!(
        out.findings().is_empty(),
        "neither the crate nor the type is mentioned:\n{}",
        out.stderr
    );
}

#[test]
fn a_sink_under_a_rule_without_a_runtime_variant_reports_only_constants() {
    let fx = wrapper_calls().file(
        "tlslint.toml",
        &SINK_POLICY.replace("TLS101", "tls_key_logging"),
    );
    let out = fx.run(&["--color", "never"]);
    let codes: Vec<String> = out.findings().into_iter().map(|(c, _)| c).collect();
    assert_eq!(codes.len(), 1, "{}", out.stderr);
    assert_ne!(codes[0], "TLS104", "{}", out.stderr);
}

#[test]
fn a_bad_sink_is_a_policy_error_at_its_key() {
    let fx = wrapper_calls().file("tlslint.toml", &SINK_POLICY.replace("TLS101", "TLS999"));
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "error: `rule` must name a rule of Rust sources by code or name, not `TLS999`"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("tlslint.toml:5:8"), "{}", out.stderr);
}

/// An internal wrapper crate's version floor, listener and database connection, declared as
/// sinks with ranges of values.
const RANGE_SINKS: &str = "\
[[sink]]
path = \"acme_net::Client::min_version\"
dangerous = \"1.1\"
rule = \"TLS301\"

[[sink]]
path = \"acme_net::serve\"
arg = 1
dangerous = \"all-interfaces\"
rule = \"TLS603\"

[[sink]]
path = \"acme_net::connect_plain\"
dangerous = \"remote-host\"
rule = \"plaintext-connection\"
";

/// Calls of the declared sinks: lines 4, 6 and 8 pass a dangerous value of the range, lines 5,
/// 7 and 9 a safe one.
const RANGE_CALLS: &str = "\
use acme_net::Version;

pub async fn run(app: acme_net::App) {
    let _ = acme_net::Client::new().min_version(Version::TLS_1_0);
    let _ = acme_net::Client::new().min_version(Version::TLS_1_2);
    let _ = acme_net::serve(app.clone(), \"0.0.0.0:8080\").await;
    let _ = acme_net::serve(app, \"127.0.0.1:8080\").await;
    let _ = acme_net::connect_plain(\"db.prod.example.com\").await;
    let _ = acme_net::connect_plain(\"localhost:5432\").await;
}
";

#[test]
fn sinks_declared_with_ranges_of_values_report_the_values_in_the_range() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", RANGE_CALLS)
        .file("tlslint.toml", RANGE_SINKS);
    let out = fx.run(&["--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        [
            "TLS301 src/lib.rs:4:37",
            "TLS603 src/lib.rs:6:23",
            "TLS501 src/lib.rs:8:23",
        ],
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("`Version::TLS_1_0`"), "{}", out.stderr);
    let strict = fx.file(
        "tlslint.toml",
        &format!("allowed-cleartext-hosts = [\"*.example.com\"]\n\n{RANGE_SINKS}")
            .replace("\"1.1\"", "\"1.2\""),
    );
    let out = strict.run(&["--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        [
            "TLS301 src/lib.rs:4:37",
            "TLS301 src/lib.rs:5:37",
            "TLS603 src/lib.rs:6:23",
        ],
        "`1.2` takes TLS 1.2 and older; an allowed host is exempt: {}",
        out.stderr
    );
}

/// Run-time values at the declared range sinks get the run-time variants the built-in setters
/// get: a version chosen at run time among options that include a legacy one (TLS304), an address
/// whose default is on every interface (TLS603), a host decided at run time (TLS501). Lines 8, 9
/// and 10 are run-time values whose options are all safe (a version, an address) or that show no
/// option (an address): nothing. A legacy version written under a run-time condition (line 11)
/// is TLS301's, as at the built-in setters.
const RUNTIME_RANGE_CALLS: &str = "\
use acme_net::Version;

pub async fn run(app: acme_net::App, legacy: bool) {
    let min = if legacy { Version::TLS_1_0 } else { Version::TLS_1_2 };
    let _ = acme_net::Client::new().tls_floor(min);
    let _ = acme_net::serve(app.clone(), std::env::var(\"BIND\").unwrap_or(\"0.0.0.0:8080\".into())).await;
    let _ = acme_net::connect_plain(&std::env::var(\"DB_HOST\").unwrap_or_default()).await;
    let _ = acme_net::Client::new().tls_floor(if legacy { Version::TLS_1_3 } else { Version::TLS_1_2 });
    let _ = acme_net::serve(app.clone(), std::env::var(\"BIND\").unwrap_or(\"127.0.0.1:8080\".into())).await;
    let _ = acme_net::serve(app, std::env::var(\"ADDR\").unwrap()).await;
    if legacy { let _ = acme_net::Client::new().tls_floor(Version::TLS_1_1); }
}
";

#[test]
fn run_time_values_at_declared_range_sinks_get_the_run_time_variants() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", RUNTIME_RANGE_CALLS)
        .file(
            "tlslint.toml",
            &RANGE_SINKS.replace("Client::min_version", "Client::tls_floor"),
        );
    let out = fx.run(&["--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        [
            "TLS304 src/lib.rs:5:37",
            "TLS603 src/lib.rs:6:23",
            "TLS501 src/lib.rs:7:23",
            "TLS301 src/lib.rs:11:49",
        ],
        "{}",
        out.stderr
    );
    for text in [
        "TLS 1.0 is one of the values it can take",
        "`\"0.0.0.0:8080\"` is one of the values it can take",
        "the value comes from the environment variable `DB_HOST`",
    ] {
        assert!(out.stderr.contains(text), "{text}\n{}", out.stderr);
    }
}

#[test]
fn a_range_under_the_wrong_rule_is_a_policy_error_at_its_value() {
    for (policy, message, at) in [
        (
            RANGE_SINKS.replace("\"1.1\"", "\"TLSv1\""),
            "error: under TLS301 a string `dangerous` is a TLS version, dangerous with every older one: \"1.0\", \"1.1\", \"1.2\"",
            "tlslint.toml:3:13",
        ),
        (
            RANGE_SINKS.replace("\"all-interfaces\"", "\"remote-host\""),
            "error: `dangerous = \"remote-host\"` is a range of values of TLS501 only, not of TLS603",
            "tlslint.toml:9:13",
        ),
    ] {
        let fx = Fixture::new()
            .file("Cargo.toml", &package_manifest("app", ""))
            .file("src/lib.rs", RANGE_CALLS)
            .file("tlslint.toml", &policy);
        let out = fx.run(&["--color", "never"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains(message), "{message}\n{}", out.stderr);
        assert!(out.stderr.contains(at), "{at}\n{}", out.stderr);
    }
}
