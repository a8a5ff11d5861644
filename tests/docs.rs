//! The generated documentation and the rules' own examples:
//! - the README's rule table (between `<!-- rules:begin -->` and `<!-- rules:end -->`) and
//!   `docs/rules.md` are rendered from `RULES` and must match (`TLSLINT_BLESS=1` rewrites them);
//! - each rule's `### Example` fires that rule and its `Use instead:` does not.

use std::collections::HashMap;
use std::path::Path;

use cargo_tlslint::{docs, run::lint_source};
use tlslint_lints::{Level, LevelSource, Policy, RULES, Rule};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn blessing() -> bool {
    std::env::var_os("TLSLINT_BLESS").is_some()
}

fn compare(path: &Path, expected: &str) {
    if blessing() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(path, expected).expect("bless");
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is out of date with the rule registry: run `TLSLINT_BLESS=1 cargo test --test docs`",
        path.display()
    );
}

#[test]
fn readme_rule_table_is_generated_from_the_registry() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let spliced = docs::splice_readme(&readme)
        .expect("README.md has the <!-- rules:begin --> and <!-- rules:end --> markers");
    compare(&path, &spliced);
    for r in RULES {
        assert!(
            spliced.contains(&format!("[{}](docs/rules.md#", r.code)),
            "{} is not in the README table",
            r.code
        );
    }
}

#[test]
fn rules_md_is_generated_from_the_registry() {
    let expected = docs::rules_md();
    for r in RULES {
        let heading = format!("\n## {}\n", cargo_tlslint::rule_meta::heading(r));
        assert!(expected.contains(&heading), "{} has no section", r.code);
    }
    compare(&root().join("docs/rules.md"), &expected);
}

/// The first ```rust block after `marker` in the rule's docs (other fences, e.g. ```toml, are
/// skipped).
fn rust_block_after(rule: &Rule, marker: &str) -> Option<String> {
    let (_, rest) = rule.docs.split_once(marker)?;
    let mut lines = rest.lines();
    while let Some(line) = lines.next() {
        let fence = line.trim();
        if let Some(lang) = fence.strip_prefix("```") {
            let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
            if lang.trim() == "rust" {
                return Some(block.join("\n") + "\n");
            }
        }
    }
    None
}

fn deny_policy(rule: &'static Rule) -> Policy {
    let mut levels = HashMap::new();
    levels.insert(
        rule.code,
        LevelSource {
            level: Level::Deny,
            origin: "tests/docs.rs".into(),
        },
    );
    Policy {
        levels,
        include_tests: true,
        ..Policy::default()
    }
}

fn findings_of(rule: &'static Rule, source: &str) -> usize {
    let file = lint_source("src/lib.rs", source, false, &deny_policy(rule));
    file.diagnostics
        .iter()
        .filter(|d| d.rule.code == rule.code && d.suppressed.is_none())
        .count()
}

#[test]
fn every_example_fires_and_every_use_instead_does_not() {
    let mut failures = Vec::new();
    for rule in RULES {
        match rust_block_after(rule, "### Example") {
            Some(example) if findings_of(rule, &example) == 0 => failures.push(format!(
                "{}: the Example produces no {} finding:\n{example}",
                rule.name, rule.code
            )),
            None => failures.push(format!(
                "{}: no ```rust block after `### Example`",
                rule.name
            )),
            Some(_) => {}
        }
        match rust_block_after(rule, "Use instead:") {
            Some(fixed) if findings_of(rule, &fixed) != 0 => failures.push(format!(
                "{}: the `Use instead` code produces a {} finding:\n{fixed}",
                rule.name, rule.code
            )),
            None => failures.push(format!(
                "{}: no ```rust block after `Use instead:`",
                rule.name
            )),
            Some(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
