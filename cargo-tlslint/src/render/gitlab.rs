//! GitLab Code Quality: a JSON array of issues with stable fingerprints (GitLab deduplicates
//! and compares branches by them), paths relative to `CI_PROJECT_DIR` when it is set.

use std::path::Path;

use serde_json::{Value, json};
use tlslint_lints::Level;

use super::{FileFindings, ci};
use crate::render::fingerprint;

/// The report for all unsuppressed findings.
pub fn render(files: &[FileFindings], root: &Path) -> String {
    let mut issues: Vec<Value> = Vec::new();
    for file in files {
        let path = ci::relative_to_env(root, &file.display, "CI_PROJECT_DIR");
        for (d, fp) in file
            .diagnostics
            .iter()
            .zip(fingerprint::unique_fingerprints(file))
        {
            if d.suppressed.is_some() {
                continue;
            }
            let (begin, end) = match &file.text {
                Some(text) => {
                    let (s, e) = text.positions(&d.primary.range);
                    (s.line, e.line)
                }
                None => (1, 1),
            };
            issues.push(json!({
                "type": "issue",
                "check_name": format!("{} {}", d.rule.code, d.rule.name),
                "description": format!("{}: {}", d.rule.code, d.message),
                "categories": ["Security"],
                "severity": severity(d.level),
                "fingerprint": fp,
                "location": { "path": path, "lines": { "begin": begin, "end": end } },
            }));
        }
    }
    format!(
        "{}\n",
        serde_json::to_string_pretty(&Value::Array(issues)).unwrap_or_default()
    )
}

fn severity(level: Level) -> &'static str {
    match level {
        Level::Forbid => "blocker",
        Level::Deny => "critical",
        Level::Warn => "major",
        Level::Allow => "info",
    }
}
