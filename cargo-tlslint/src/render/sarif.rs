//! SARIF 2.1.0 for GitHub code scanning: one `rules[]` entry per registry rule (metadata,
//! docs, CWE tags and `security-severity` all derived from `RULES`), one result per finding
//! with one physical location, a `partialFingerprints` entry, and `suppressions` for findings
//! lifted by an inline `// tlslint: allow(…)`.

use std::path::Path;

use serde_json::{Value, json};
use tlslint_lints::{Diagnostic, Level, RULES, Rule};

use super::{FileFindings, ci, suggestion};
use crate::integrations::Quieted;
use crate::{fingerprint, rule_meta};

/// The SARIF schema address GitHub and the validator accept.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The whole SARIF log for a run. Paths are made relative to `GITHUB_WORKSPACE` when it is set.
/// Suppressions that a change adds (`--diff`) have the status `underReview` instead of
/// `accepted`, and the excludes it adds are the run's tool configuration notifications.
pub fn render(files: &[FileFindings], root: &Path, quieted: &Quieted) -> String {
    let rules: Vec<Value> = RULES.iter().map(|r| rule(r)).collect();
    let mut results = Vec::new();
    for file in files {
        let uri = ci::relative_to_env(root, &file.display, "GITHUB_WORKSPACE");
        for (d, fp) in file
            .diagnostics
            .iter()
            .zip(fingerprint::unique_fingerprints(file))
        {
            let mut result = result(d, file, &uri, &fp);
            if quieted.suppresses(&file.display, d) {
                result["suppressions"][0]["status"] = json!("underReview");
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = quieted
        .excludes
        .iter()
        .map(|(file, glob)| {
            json!({
                "level": "warning",
                "message": { "text": format!("the changes since `{}` add `exclude` `{glob}` in `{file}`", quieted.rev) },
            })
        })
        .collect();
    let mut log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": env!("CARGO_PKG_NAME"),
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": rule_meta::REPOSITORY,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    if !notifications.is_empty() {
        log["runs"][0]["invocations"] = json!([{
            "executionSuccessful": true,
            "toolConfigurationNotifications": notifications,
        }]);
    }
    format!(
        "{}\n",
        serde_json::to_string_pretty(&log).unwrap_or_default()
    )
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Forbid | Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "note",
    }
}

fn rule(r: &Rule) -> Value {
    let mut properties = json!({ "precision": "high" });
    let mut tags: Vec<String> = Vec::new();
    if let Some(severity) = rule_meta::security_severity(r) {
        tags.push("security".into());
        properties["security-severity"] = json!(format!("{severity:.1}"));
    }
    tags.extend(r.cwe.iter().map(|c| format!("external/cwe/cwe-{c}")));
    properties["tags"] = json!(tags);
    json!({
        "id": r.code,
        "name": r.name,
        "shortDescription": { "text": r.summary },
        "fullDescription": { "text": rule_meta::what_it_does(r) },
        "help": { "text": r.docs, "markdown": r.docs },
        "helpUri": rule_meta::help_uri(r),
        "defaultConfiguration": { "level": sarif_level(r.default_level), "enabled": r.default_level != Level::Allow },
        "properties": properties,
    })
}

/// One SARIF result for a finding of `file`, located at `uri`, with fingerprint `fp`.
pub fn result(d: &Diagnostic, file: &FileFindings, uri: &str, fp: &str) -> Value {
    let region = match &file.text {
        Some(text) => {
            let (start, end) = text.positions(&d.primary.range);
            json!({ "startLine": start.line, "startColumn": start.col, "endLine": end.line, "endColumn": end.col })
        }
        None => json!({ "startLine": 1 }),
    };
    let mut text = d.message.clone();
    for h in &d.help {
        text.push_str(&format!("\nhelp: {h}"));
    }
    let rule_index = RULES
        .iter()
        .position(|r| r.code == d.rule.code)
        .unwrap_or(0);
    let mut result = json!({
        "ruleId": d.rule.code,
        "ruleIndex": rule_index,
        "level": sarif_level(d.level),
        "message": { "text": text },
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": region,
        }}],
        "partialFingerprints": { "tlslint/v1": fp },
    });
    if let Some(text) = file
        .text
        .as_ref()
        .filter(|_| !d.fixes.is_empty() && d.suppressed.is_none())
    {
        result["fixes"] = suggestion::sarif_fixes(d, text, uri);
    }
    if let Some(suppression) = &d.suppressed {
        let mut s = json!({ "kind": "inSource", "status": "accepted" });
        if !suppression.reason.is_empty() {
            s["justification"] = json!(suppression.reason);
        }
        result["suppressions"] = json!([s]);
    }
    result
}
