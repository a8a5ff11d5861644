//! The manifest checks through the engine: each manifest rule's documented example, TOML errors,
//! positions and suppression comments.

use super::Engine;
use crate::rules::RULES;
use crate::source::LineIndex;

/// Each manifest rule's documented example fires, and its "Use instead" is silent.
#[test]
fn docs_examples_fire_and_fixes_are_silent() {
    for rule in RULES.iter().filter(|r| r.code.starts_with("TLS8")) {
        let blocks: Vec<&str> = rule
            .docs
            .split("```toml\n")
            .skip(1)
            .filter_map(|b| b.split("```").next())
            .collect();
        assert_eq!(
            blocks.len(),
            2,
            "{} docs need two ```toml blocks",
            rule.name
        );
        let run = |text: &str| {
            let report = if text.contains("[[package]]") {
                Engine::new().check_lockfile("Cargo.lock", text, &mut || true)
            } else {
                Engine::new().check_manifest("Cargo.toml", text, None)
            };
            report
                .diagnostics
                .iter()
                .filter(|d| d.rule.code == rule.code)
                .count()
        };
        assert_eq!(
            run(blocks[0]),
            1,
            "{}: the example must fire once",
            rule.name
        );
        assert_eq!(run(blocks[1]), 0, "{}: the fix must be silent", rule.name);
    }
}

#[test]
fn broken_toml_is_tls001_at_the_error() {
    let text = "[dependencies]\nrustls = { version = \"0.21\"\n";
    let report = Engine::new().check_manifest("Cargo.toml", text, None);
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(d.rule.code, "TLS001");
    assert!(
        d.message.starts_with("cannot parse `Cargo.toml`: "),
        "{}",
        d.message
    );
    assert_eq!(LineIndex::new(text).line_of(d.primary.range.start), 1);
}

#[test]
fn lockfile_asks_about_sources_only_for_old_mongodb() {
    let mut asked = 0;
    let lock = "[[package]]\nname = \"mongodb\"\nversion = \"3.2.5\"\n";
    let report = Engine::new().check_lockfile("Cargo.lock", lock, &mut || {
        asked += 1;
        true
    });
    assert!(report.diagnostics.is_empty());
    assert_eq!(asked, 0);
    let lock = "[[package]]\nname = \"mongodb\"\nversion = \"3.2.4\"\n";
    assert!(
        Engine::new()
            .check_lockfile("Cargo.lock", lock, &mut || false)
            .diagnostics
            .is_empty()
    );
    assert_eq!(
        Engine::new()
            .check_lockfile("Cargo.lock", lock, &mut || true)
            .diagnostics
            .len(),
        1
    );
}

#[test]
fn crlf_and_bom_keep_positions() {
    let text = "\u{feff}[dependencies]\r\nrustls = { version = \"0.21\", features = [\"dangerous_configuration\"] }\r\n";
    let report = Engine::new().check_manifest("Cargo.toml", text, None);
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.code).collect();
    assert_eq!(codes, vec!["TLS801"]);
    let range = report.diagnostics[0].primary.range.clone();
    assert_eq!(&text[range], "\"dangerous_configuration\"");
}

#[test]
fn a_marker_inside_a_string_is_not_a_directive() {
    let text = "[package]\ndescription = \"use # tlslint: allow(bogus) in comments\"\n";
    let report = Engine::new().check_manifest("Cargo.toml", text, None);
    assert!(
        report.diagnostics.is_empty() && report.directives.is_empty(),
        "{:?}",
        report.diagnostics
    );
}
