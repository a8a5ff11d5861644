//! The generated documentation and the rules' own examples:
//! - the README's rule table (between `<!-- rules:begin -->` and `<!-- rules:end -->`) and
//!   `docs/rules.md` are rendered from `RULES` and must match (`TLSLINT_BLESS=1` rewrites them);
//! - each rule's `### Example` fires that rule and its `Use instead:` does not.

mod support;

use std::collections::HashMap;
use std::path::Path;

use cargo_tlslint::{pipeline::lint_source, render::docs};
use tlslint_lints::{Level, LevelSource, Policy, RULES, Rule};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn compare(path: &Path, expected: &str) {
    if let Err(e) = support::golden(path, expected, str::to_string) {
        panic!("{e}\n(the file is generated from the rule registry)");
    }
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
        let heading = format!("\n## {}\n", cargo_tlslint::render::rule_meta::heading(r));
        assert!(expected.contains(&heading), "{} has no section", r.code);
    }
    compare(&root().join("docs/rules.md"), &expected);
}

/// The first fenced block after a marker in a rule's docs.
enum Block {
    /// A ```rust block: its code.
    Rust(String),
    /// Another language (e.g. ```toml for the manifest rules, tested in `tests/manifest.rs`).
    Other,
    /// No fenced block at all.
    Missing,
}

fn block_after(rule: &Rule, marker: &str) -> Block {
    let Some((_, rest)) = rule.docs.split_once(marker) else {
        return Block::Missing;
    };
    let mut lines = rest.lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.trim().strip_prefix("```") {
            let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
            return if lang.trim() == "rust" {
                Block::Rust(block.join("\n") + "\n")
            } else {
                Block::Other
            };
        }
    }
    Block::Missing
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
    let store = cargo_tlslint::store::SourceStore::default();
    let file = lint_source(&store, "src/lib.rs", source, false, &deny_policy(rule));
    file.diagnostics
        .iter()
        .filter(|d| d.rule.code == rule.code && d.suppressed.is_none())
        .count()
}

#[test]
fn every_example_fires_and_every_use_instead_does_not() {
    let mut failures = Vec::new();
    for rule in RULES {
        match block_after(rule, "### Example") {
            Block::Rust(example) if findings_of(rule, &example) == 0 => failures.push(format!(
                "{}: the Example produces no {} finding:\n{example}",
                rule.name, rule.code
            )),
            Block::Missing => {
                failures.push(format!("{}: no code block after `### Example`", rule.name))
            }
            Block::Rust(_) | Block::Other => {}
        }
        match block_after(rule, "Use instead:") {
            Block::Rust(fixed) if findings_of(rule, &fixed) != 0 => failures.push(format!(
                "{}: the `Use instead` code produces a {} finding:\n{fixed}",
                rule.name, rule.code
            )),
            Block::Missing => {
                failures.push(format!("{}: no code block after `Use instead:`", rule.name))
            }
            Block::Rust(_) | Block::Other => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A rule documents its fix (`### Fix`) exactly when its Example's finding carries one, so
/// `--explain` and `docs/rules.md` say when a fix is offered.
#[test]
fn a_fix_section_exactly_when_the_example_gets_a_fix() {
    let mut failures = Vec::new();
    for rule in RULES {
        let Block::Rust(example) = block_after(rule, "### Example") else {
            continue;
        };
        let store = cargo_tlslint::store::SourceStore::default();
        let file = lint_source(&store, "src/lib.rs", &example, false, &deny_policy(rule));
        let fixed = file
            .diagnostics
            .iter()
            .any(|d| d.rule.code == rule.code && !d.fixes.is_empty());
        let documented = rule.docs.contains("### Fix");
        if fixed != documented {
            failures.push(format!(
                "{}: the Example's finding {} a fix, the docs {} a `### Fix` section",
                rule.name,
                if fixed { "has" } else { "has no" },
                if documented { "have" } else { "have no" }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The `.rs` files under `dir`, as paths relative to it.
fn module_files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read the source directory")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 file name");
        if path.is_dir() {
            module_files(&path, &format!("{prefix}{name}/"), out);
        } else if name.ends_with(".rs") {
            out.push(format!("{prefix}{name}"));
        }
    }
}

#[test]
fn architecture_names_every_module() {
    let architecture =
        std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut unnamed = Vec::new();
    for src in ["lints/src", "cargo-tlslint/src"] {
        let mut files = Vec::new();
        module_files(&root().join(src), "", &mut files);
        for file in files {
            let name = file.rsplit('/').next().unwrap_or(&file);
            let one_rule_each = file.starts_with("rules/");
            if one_rule_each || name == "mod.rs" {
                continue;
            }
            if !architecture.contains(name) {
                unnamed.push(format!("{src}/{file}"));
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "ARCHITECTURE.md does not name these modules: {unnamed:?}"
    );
}

/// The module file a path names: the longest prefix of `segments` that is a module file of
/// `src` (`a/b.rs` or `a/b/mod.rs`), else the crate root.
fn module_file(src: &Path, segments: &[&str]) -> String {
    for n in (1..=segments.len()).rev() {
        let prefix = segments[..n].join("/");
        for candidate in [format!("{prefix}.rs"), format!("{prefix}/mod.rs")] {
            if src.join(&candidate).is_file() {
                return candidate;
            }
        }
    }
    "lib.rs".to_string()
}

/// The paths an import names, `use` groups expanded: `a::{b, c::{d, self}}` → `a::b`, `a::c::d`,
/// `a::c`.
fn expand(path: &str) -> Vec<String> {
    let path = path.split(" as ").next().unwrap_or(path).trim();
    let Some(open) = path.find('{') else {
        return vec![path.trim_end_matches("::self").to_string()];
    };
    let (prefix, group) = (&path[..open], &path[open + 1..path.len() - 1]);
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items
        .into_iter()
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .flat_map(|item| match item {
            "self" => vec![prefix.trim_end_matches("::").to_string()],
            _ => expand(&format!("{prefix}{item}")),
        })
        .collect()
}

/// The module files of `src` that `file` imports through `crate::…` and `super::…` paths, in
/// its code before its inline `#[cfg(test)] mod … { … }`.
fn imports(src: &Path, file: &str, text: &str) -> Vec<String> {
    let test_module = text.match_indices("#[cfg(test)]").find_map(|(at, marker)| {
        let after = text[at + marker.len()..].trim_start();
        let header = after.split('{').next().unwrap_or("");
        (after.starts_with("mod ") && !header.contains(';')).then_some(at)
    });
    let code: String = text[..test_module.unwrap_or(text.len())]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let module: Vec<&str> = file
        .trim_end_matches(".rs")
        .split('/')
        .filter(|s| *s != "mod" && *s != "lib")
        .collect();
    let mut found = Vec::new();
    for root in ["crate::", "super::"] {
        for (at, _) in code.match_indices(root) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + root.len()..];
            let (mut end, mut depth) = (0, 0);
            for (i, c) in rest.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth > 0 => depth -= 1,
                    c if depth > 0 || c.is_alphanumeric() || c == '_' || c == ':' => {}
                    _ if depth > 0 => {}
                    _ => {
                        end = i;
                        break;
                    }
                }
                end = i + c.len_utf8();
            }
            let base: Vec<&str> = if root == "super::" {
                module[..module.len().saturating_sub(1)].to_vec()
            } else {
                Vec::new()
            };
            for path in expand(&rest[..end].replace(char::is_whitespace, "")) {
                let mut segments = base.clone();
                segments.extend(path.split("::").filter(|s| !s.is_empty()));
                found.push(module_file(src, &segments));
            }
        }
    }
    found.sort();
    found.dedup();
    found.retain(|f| f != file);
    found
}

/// The engine has no import circle: its modules form layers, so each can be read, tested and
/// changed from the bottom up (`crate::…`/`super::…` imports between module files, test modules
/// excluded; an import through the crate root's re-exports counts as one of `lib.rs`).
#[test]
fn lints_has_no_import_circle() {
    assert_no_import_circle("lints/src", ("engine/check.rs", "prefilter.rs"));
}

/// Nor has the binary: planning, policy, pipeline, output formats, integrations, the audit, the
/// fixer and the server import downwards only.
#[test]
fn the_binary_has_no_import_circle() {
    assert_no_import_circle("cargo-tlslint/src", ("run.rs", "pipeline/mod.rs"));
}

/// Fails on an import circle among the module files of `src`; `seen` is one import the reader
/// must see (so that a reader that sees nothing cannot pass).
fn assert_no_import_circle(src: &str, seen: (&str, &str)) {
    let src = root().join(src);
    let mut files = Vec::new();
    module_files(&src, "", &mut files);
    let graph: HashMap<String, Vec<String>> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(src.join(f)).expect("read a module");
            (f.clone(), imports(&src, f, &text))
        })
        .collect();
    assert!(
        graph[seen.0].contains(&seen.1.to_string()),
        "the import reader must see {} import {}: {:?}",
        seen.0,
        seen.1,
        graph[seen.0]
    );
    let mut state: HashMap<&str, u8> = HashMap::new();
    fn visit<'g>(
        node: &'g str,
        graph: &'g HashMap<String, Vec<String>>,
        state: &mut HashMap<&'g str, u8>,
        stack: &mut Vec<&'g str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(_) => {
                let from = stack.iter().position(|n| *n == node).unwrap_or(0);
                let mut circle: Vec<String> = stack[from..].iter().map(|s| s.to_string()).collect();
                circle.push(node.to_string());
                return Some(circle);
            }
            None => {}
        }
        state.insert(node, 1);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, state, stack) {
                return Some(circle);
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let mut names: Vec<&String> = graph.keys().collect();
    names.sort();
    for name in names {
        let circle = visit(name, &graph, &mut state, &mut Vec::new());
        assert!(
            circle.is_none(),
            "import circle in {}: {circle:?}",
            src.display()
        );
    }
}
