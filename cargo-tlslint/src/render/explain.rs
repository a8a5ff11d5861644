//! `--list` and `--explain`, straight from the rule registry.

use tlslint_lints::{RULES, find_rule};

/// The rule table: code, name, default level, summary.
pub fn list() -> String {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in RULES {
        out.push_str(&format!(
            "{}  {:width$}  {:6}  {}\n",
            r.code,
            r.name,
            r.default_level.as_str(),
            r.summary
        ));
    }
    out
}

/// Every rule's prefilter needles, deduplicated, one per line (for the benchmark's `rg` baseline).
pub fn needles() -> String {
    let mut all: Vec<&str> = RULES
        .iter()
        .flat_map(|r| r.needles.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all.iter().map(|n| format!("{n}\n")).collect()
}

/// A rule's documentation, by code or name.
pub fn explain(key: &str) -> Option<String> {
    let r = find_rule(key)?;
    let cwe = super::rule_meta::cwe_suffix(r, |c| format!("CWE-{c}"));
    Some(format!(
        "# {} `{}`\n\nDefault level: `{}`{cwe}\n\n{}\n\n{}",
        r.code,
        r.name,
        r.default_level.as_str(),
        r.summary,
        r.docs
    ))
}
