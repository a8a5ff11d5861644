//! Bad input gets a clear diagnostic, never a crash, and never stops the rest: each case is
//! reported once (TLS001 naming the file and the reason, or an error naming the manifest) while
//! the good file beside it is still linted.

mod support;

use support::{Fixture, package_manifest};

const GOOD: &str =
    "pub fn c() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n";
const TRIGGER: &str =
    "fn f() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n";

/// A package whose `src/lib.rs` declares `mod bad;` beside an insecure `mod good;`.
fn with_bad_module(bad: &[u8]) -> Fixture {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod good;\nmod bad;\n")
        .file("src/good.rs", GOOD);
    fx.write("src/bad.rs", bad);
    fx
}

fn assert_reported_once_and_rest_linted(out: &support::Run, reason: &str) {
    let findings = out.finding_lines();
    assert!(
        findings.contains(&"TLS101 src/good.rs:1:49".to_string()),
        "the good file is still linted:\n{}",
        out.stderr
    );
    let tls001: Vec<&String> = findings
        .iter()
        .filter(|f| f.starts_with("TLS001"))
        .collect();
    assert_eq!(tls001.len(), 1, "reported once:\n{}", out.stderr);
    assert!(
        out.stderr.contains(reason),
        "reason `{reason}` in:\n{}",
        out.stderr
    );
}

#[test]
fn not_utf8() {
    let mut bytes = TRIGGER.as_bytes().to_vec();
    bytes.extend([0xff, 0xfe, b'\n']);
    let out = with_bad_module(&bytes).run(&["--color", "never"]);
    assert_eq!(out.code, 1);
    let reason = format!(
        "cannot lint `src/bad.rs`: the file is not valid UTF-8 (invalid byte at offset {})",
        TRIGGER.len()
    );
    assert_reported_once_and_rest_linted(&out, &reason);
}

/// The first function of [`TRIGGER`] with `extra` appended to its body.
fn trigger_with(extra: &str) -> String {
    TRIGGER.replacen("); }", &format!("); {extra} }}"), 1)
}

#[test]
fn syntax_error() {
    let out = with_bad_module(format!("fn g() {{}}\n{}", trigger_with("let x = ;")).as_bytes())
        .run(&["--color", "never"]);
    assert_reported_once_and_rest_linted(
        &out,
        "warning[TLS001]: cannot parse `src/bad.rs`: expected an expression",
    );
    assert!(out.stderr.contains("--> src/bad.rs:2:88"), "{}", out.stderr);
}

/// Only the items that hold a trigger word (and what they name) are parsed: a syntax error in
/// an unrelated item is rustc's to report, and the file's findings still stand.
#[test]
fn syntax_error_in_an_item_without_trigger_words_does_not_hide_findings() {
    let out = with_bad_module(format!("{TRIGGER}fn g() {{ let x = ; }}\n").as_bytes())
        .run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 src/bad.rs:1:45", "TLS101 src/good.rs:1:49"],
        "{}",
        out.stderr
    );
}

/// Comments are never findings, so a file whose trigger words all lie in comments is not
/// parsed at all: its syntax error is rustc's to report.
#[test]
fn trigger_words_only_in_comments_do_not_parse_the_file() {
    let out = with_bad_module(
        b"// we used to call danger_accept_invalid_certs(true) here\nfn g() { let x = ; }\n",
    )
    .run(&["--color", "never", "-v"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 src/good.rs:1:49"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("4 files in 1 package, 2 parsed;"),
        "only the manifest and src/good.rs are parsed:\n{}",
        out.stderr
    );
}

#[test]
fn edition_2015_only_syntax() {
    let out = with_bad_module(format!("{TRIGGER}trait T {{ fn f(u8); }}\n").as_bytes())
        .run(&["--color", "never"]);
    assert_reported_once_and_rest_linted(&out, "cannot parse `src/bad.rs`");
}

#[test]
fn deeply_nested_expression() {
    let depth = 100_000;
    let text = trigger_with(&format!("{}1{};", "(".repeat(depth), ")".repeat(depth)));
    let out = with_bad_module(text.as_bytes()).run(&["--color", "never"]);
    assert_reported_once_and_rest_linted(
        &out,
        "too deeply nested: more than 256 levels of `()`, `[]` and `{}`; the file is not linted",
    );
}

/// Inputs long rather than deep in brackets once overflowed the stack and ended the whole run
/// (exit status 134): each is now TLS001 "too deeply nested" at the token past the bound, on
/// the line it is on, and the file beside it is still linted.
fn assert_too_deep(statement: &str, what: &str) {
    let text = format!("fn g() {{}}\n{}\n", trigger_with(statement));
    let out = with_bad_module(text.as_bytes()).run(&["--color", "never"]);
    assert_eq!(
        out.code, 1,
        "no crash, the good file's error stands:\n{}",
        out.stderr
    );
    let findings = out.finding_lines();
    assert!(
        findings.contains(&"TLS101 src/good.rs:1:49".to_string()),
        "the good file is still linted:\n{}",
        out.stderr
    );
    let tls001: Vec<&String> = findings
        .iter()
        .filter(|f| f.starts_with("TLS001"))
        .collect();
    assert_eq!(tls001.len(), 1, "{}", out.stderr);
    assert!(
        tls001[0].starts_with("TLS001 src/bad.rs:2:"),
        "reported on the hostile line: {tls001:?}"
    );
    assert!(
        out.stderr.contains(&format!(
            "warning[TLS001]: cannot parse `src/bad.rs`: too deeply nested: {what}; the file is not linted"
        )),
        "{}",
        &out.stderr[..out.stderr.len().min(2000)]
    );
}

const NESTED: &str = "more than 1024 levels of nested expressions, types or patterns";
const CHAINED: &str = "a chain of more than 50000 operators, calls or fields";

macro_rules! too_deep {
    ($($name:ident: $statement:expr => $what:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_too_deep(&$statement, $what);
        }
    )*};
}

too_deep! {
    turbofish_44k: format!("let _ = {}b{};", "a::<".repeat(44_000), ">".repeat(44_000)) => NESTED;
    break_85k: format!("loop {{ {}; }}", "break ".repeat(85_000)) => NESTED;
    assignment_170k: format!("let mut a = 0; {}1;", "a = ".repeat(170_000)) => NESTED;
    closures_100k: format!("let _ = {}x;", "|x| ".repeat(100_000)) => NESTED;
    closures_without_parameters_100k: format!("let _ = {}x;", "|| ".repeat(100_000)) => NESTED;
    closures_written_without_spaces_100k: format!("let _ = {}x;", "|x|".repeat(100_000)) => NESTED;
    return_100k: format!("{};", "return ".repeat(100_000)) => NESTED;
    not_100k: format!("let _ = {}a;", "!".repeat(100_000)) => NESTED;
    deref_100k: format!("let _ = {}a;", "*".repeat(100_000)) => NESTED;
    ref_mut_100k: format!("let _ = {}a;", "&mut ".repeat(100_000)) => NESTED;
    reference_types_100k: format!("let _: {}u8 = todo!();", "&".repeat(100_000)) => NESTED;
    generic_types_44k: format!("let _: {}u8{} = todo!();", "A<".repeat(44_000), ">".repeat(44_000)) => NESTED;
    or_chain_100k: format!("let _ = a{};", " || a".repeat(100_000)) => CHAINED;
    binary_chain_100k: format!("let _ = a{};", " + a".repeat(100_000)) => CHAINED;
    method_chain_100k: format!("let _ = a{};", ".f()".repeat(100_000)) => CHAINED;
    else_if_chain_100k: format!("if a {{}}{}", " else if a {}".repeat(100_000)) => CHAINED;
}

#[test]
fn very_long_method_chain_does_not_overflow() {
    let chain = ".clone()".repeat(20_000);
    let text = format!(
        "fn f() {{ let _ = reqwest::Client::builder(){chain}.danger_accept_invalid_certs(true); }}\n"
    );
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", &text);
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.findings().len(), 1);
}

/// A 20 MiB string in an item of its own: the file is over `max-parse-size`, the item that may
/// hold a finding is not.
#[test]
fn twenty_megabyte_file_is_scanned_and_its_small_items_parsed() {
    let mut text = String::from(TRIGGER);
    text.push_str("pub static DATA: &str = \"");
    text.push_str(&"a".repeat(20 * 1024 * 1024));
    text.push_str("\";\n");
    let out = with_bad_module(text.as_bytes()).run(&["--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 src/bad.rs:1:45", "TLS101 src/good.rs:1:49"],
        "{}",
        out.stderr
    );
}

#[test]
fn twenty_megabyte_item_is_over_the_parse_size() {
    let padding = format!("let _pad = \"{}\";", "a".repeat(20 * 1024 * 1024));
    let out = with_bad_module(trigger_with(&padding).as_bytes()).run(&["--color", "never"]);
    assert_reported_once_and_rest_linted(
        &out,
        "cannot lint `src/bad.rs`: the items that may hold a finding are 20.0 MiB, over the `max-parse-size` of 8.0 MiB",
    );
    assert!(
        out.finding_lines()
            .contains(&"TLS001 src/bad.rs:1:45".to_string()),
        "the warning points at the trigger word:\n{}",
        out.stderr
    );
}

#[test]
fn max_parse_size_is_a_policy_key() {
    let fx = with_bad_module(TRIGGER.as_bytes()).file("tlslint.toml", "max-parse-size = 40\n");
    let out = fx.run(&["--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS001 src/bad.rs:1:45", "TLS001 src/good.rs:1:49"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "the items that may hold a finding are 73 bytes, over the `max-parse-size` of 40 bytes"
        ),
        "{}",
        out.stderr
    );
    let out = with_bad_module(TRIGGER.as_bytes())
        .file("tlslint.toml", "max-parse-size = 0\n")
        .run(&["--color", "never"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("error: `max-parse-size` must be a positive integer (bytes)")
            && out.stderr.contains("tlslint.toml:1:18"),
        "{}",
        out.stderr
    );
}

#[test]
fn twenty_megabyte_file_without_trigger_words_is_skipped_silently() {
    let text = "// nothing to see\n".repeat(20 * 1024 * 1024 / 18 + 1);
    let out = with_bad_module(text.as_bytes()).run(&["--color", "never"]);
    assert_eq!(out.finding_lines(), vec!["TLS101 src/good.rs:1:49"]);
}

#[test]
fn module_pointing_at_missing_file() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file("src/lib.rs", "mod good;\nmod gone;\n")
        .file("src/good.rs", GOOD);
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 1);
    assert!(
        out.finding_lines()
            .contains(&"TLS001 src/lib.rs:2:5".to_string()),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("module `gone` points at a missing file: `src/gone.rs` or `src/gone/mod.rs`"),
        "{}",
        out.stderr
    );
    assert!(
        out.finding_lines()
            .contains(&"TLS101 src/good.rs:1:49".to_string())
    );
}

/// A crate as published: its `lib.rs` declares test modules whose files were left out.
fn published_without_tests() -> Fixture {
    Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/lib.rs",
            "mod good;\n#[cfg(test)]\nmod tests;\n#[cfg(test)]\nmod support {\n    mod fixtures;\n}\n#[cfg(test)]\nmod present;\n",
        )
        .file("src/good.rs", GOOD)
        .file("src/present.rs", GOOD)
}

#[test]
fn a_test_only_module_is_not_followed_without_tests() {
    let out = published_without_tests().run(&["--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 src/good.rs:1:49"],
        "{}",
        out.stderr
    );
}

#[test]
fn a_test_only_module_is_followed_with_tests() {
    let out = published_without_tests().run(&["--include-tests", "--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.finding_lines(),
        vec![
            "TLS101 src/good.rs:1:49",
            "TLS001 src/lib.rs:3:5",
            "TLS001 src/lib.rs:6:9",
            "TLS101 src/present.rs:1:49",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "module `fixtures` points at a missing file: `src/support/fixtures.rs` or `src/support/fixtures/mod.rs`"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn missing_file_in_paths() {
    let fx = Fixture::new().file("good.rs", GOOD);
    let out = fx.run(&["missing.rs", "good.rs", "--color", "never"]);
    assert_eq!(out.code, 2, "an unreadable input is exit status 2");
    assert!(
        out.stderr
            .contains("cannot read `missing.rs`: no such file"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 good.rs:1:49", "TLS001 missing.rs"]
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_walked_directory() {
    let fx = Fixture::new().file("dir/good.rs", GOOD);
    std::os::unix::fs::symlink(fx.path("dir"), fx.path("dir/loop")).expect("symlink");
    std::os::unix::fs::symlink(fx.path("dir/self.rs"), fx.path("dir/self.rs")).ok();
    let out = fx.run(&["dir", "--color", "never"]);
    assert_eq!(
        out.finding_lines(),
        vec!["TLS101 dir/good.rs:1:49"],
        "links are not followed:\n{}",
        out.stderr
    );
    assert_eq!(out.code, 1);
}

#[test]
fn broken_manifest_in_workspace_mode() {
    let fx = Fixture::new()
        .file("Cargo.toml", "[package\nname = \"app\"\n")
        .file("src/lib.rs", GOOD);
    let out = fx.run(&["--color", "never"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("error: `cargo metadata` failed"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("Cargo.toml"),
        "the manifest is named:\n{}",
        out.stderr
    );
}

#[test]
fn broken_manifest_in_paths_mode() {
    let fx = Fixture::new()
        .file(
            "Cargo.toml",
            "[package]\nname = \"app\"\n[package.metadata.tlslint\n",
        )
        .file("src/lib.rs", GOOD);
    let out = fx.run(&["src/lib.rs", "--color", "never"]);
    assert_eq!(out.code, 2, "a broken manifest is a tool error");
    assert_eq!(
        out.finding_lines(),
        vec!["TLS001 Cargo.toml:3:26", "TLS101 src/lib.rs:1:49"],
        "reported once, the rest still linted:\n{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("warning[TLS001]: cannot parse `Cargo.toml`: unclosed table, expected `]`"),
        "{}",
        out.stderr
    );
}
