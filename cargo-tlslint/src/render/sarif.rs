//! SARIF 2.1.0 for GitHub code scanning: one `rules[]` entry per registry rule (metadata,
//! docs at the released version, CWE tags and `security-severity` all derived from `RULES`), one
//! result per finding with its physical location, every secondary label as a `relatedLocations`
//! entry (in its own file or another), our fingerprint and GitHub's `primaryLocationLineHash`
//! (`line_hash.rs`), and `suppressions` for findings lifted by an inline `// tlslint: allow(…)`.
//! The run's `invocations` (`sarif_invocation.rs`) say how it ended; a run stopped by an error
//! still writes a valid log ([`failure`]), so an upload job shows why.

use std::path::Path;
use std::sync::Arc;

use serde_json::{Value, json};
use tlslint_lints::{Diagnostic, Level, RULES, Rule};

use super::sarif_invocation::{Invocation, rule_index, sarif_level};
use super::{FileFindings, SourceStore, Text, ci, suggestion};
use crate::integrations::Quieted;
use crate::{render::fingerprint, render::line_hash, render::rule_meta};

/// The SARIF schema address GitHub and the validator accept.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The whole SARIF log for a run. Paths are made relative to `GITHUB_WORKSPACE` when it is set.
/// Suppressions that a change adds (`--diff`) have the status `underReview` instead of
/// `accepted`, and the excludes it adds are the run's tool configuration notifications. Labels
/// in other files are placed with their texts from `sources`.
pub fn render(
    files: &[FileFindings],
    sources: &SourceStore,
    root: &Path,
    quieted: &Quieted,
    invocation: &Invocation,
) -> String {
    let mut results = Vec::new();
    let mut located = Vec::new();
    for file in files {
        let uri = uri_of(&ci::relative_to_env(
            root,
            &file.display,
            "GITHUB_WORKSPACE",
        ));
        let hashes = file
            .text
            .as_ref()
            .map(|t| line_hash::line_hashes(t.as_str()));
        for (d, fp) in file
            .diagnostics
            .iter()
            .zip(fingerprint::unique_fingerprints(file))
        {
            let mut result = result(d, file, &uri, &fp);
            add_line_hash(&mut result, d, file, hashes.as_deref());
            let related = related_locations(d, file, &uri, sources, root);
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if quieted.suppresses(&file.display, d) {
                result["suppressions"][0]["status"] = json!("underReview");
            }
            results.push(result);
        }
        located.push((uri, file));
    }
    let invocation = invocation.to_json(&located, quieted);
    log(results, invocation)
}

/// The log of a run stopped by an error before it could lint: the rules, no results, and the
/// error as the invocation's notification.
pub fn failure(invocation: &Invocation) -> String {
    log(Vec::new(), invocation.to_json(&[], &Quieted::default()))
}

/// The log of one run.
fn log(results: Vec<Value>, invocation: Value) -> String {
    let rules: Vec<Value> = RULES.iter().map(|r| rule(r)).collect();
    let log = json!({
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
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&log).unwrap_or_default()
    )
}

/// Sets `partialFingerprints.primaryLocationLineHash` of `result` to GitHub's hash of the
/// finding's line (`hashes`, of the file's text as shown: private-key bodies masked).
pub fn add_line_hash(
    result: &mut Value,
    d: &Diagnostic,
    file: &FileFindings,
    hashes: Option<&[String]>,
) {
    let (Some(text), Some(hashes)) = (&file.text, hashes) else {
        return;
    };
    let line = text.positions(&d.primary.range).0.line;
    if let Some(hash) = line.checked_sub(1).and_then(|i| hashes.get(i)) {
        result["partialFingerprints"]["primaryLocationLineHash"] = json!(hash);
    }
}

/// Every secondary label of `d` as a SARIF related location: in the finding's file (`uri`) or
/// in another file, read through `sources`; a label whose file cannot be read is left out.
fn related_locations(
    d: &Diagnostic,
    file: &FileFindings,
    uri: &str,
    sources: &SourceStore,
    root: &Path,
) -> Vec<Value> {
    let mut related = Vec::new();
    for label in &d.secondary {
        let (text, label_uri): (Arc<Text>, String) = match &label.file {
            None => match &file.text {
                Some(text) => (text.clone(), uri.to_string()),
                None => continue,
            },
            Some(other) => match sources.shown(other) {
                Some(text) => (
                    text,
                    uri_of(&ci::relative_to_env(root, other, "GITHUB_WORKSPACE")),
                ),
                None => continue,
            },
        };
        let mut location = json!({
            "id": related.len(),
            "physicalLocation": {
                "artifactLocation": { "uri": label_uri },
                "region": region(&text, &label.range),
            },
        });
        if !label.text.is_empty() {
            location["message"] = json!({ "text": label.text });
        }
        related.push(location);
    }
    related
}

/// A `/`-separated path as a SARIF URI reference: each byte other than RFC 3986's unreserved
/// characters, sub-delimiters, `:`, `@` and `/` is percent-encoded (a space, the `<` of
/// `<stdin>`, the `\` of an escaped control character), as SARIF requires and GitHub decodes.
pub fn uri_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SARIF region of `range` in `text`.
fn region(text: &Text, range: &std::ops::Range<usize>) -> Value {
    let (start, end) = text.positions(range);
    json!({ "startLine": start.line, "startColumn": start.col, "endLine": end.line, "endColumn": end.col })
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
        Some(text) => region(text, &d.primary.range),
        None => json!({ "startLine": 1 }),
    };
    let mut text = d.message.clone();
    for h in &d.help {
        text.push_str(&format!("\nhelp: {h}"));
    }
    let rule_index = rule_index(d.rule.code);
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

#[cfg(test)]
mod tests {
    use super::uri_of;

    #[test]
    fn uris_encode_what_rfc_3986_does_not_allow() {
        assert_eq!(uri_of("src/net/tls.rs"), "src/net/tls.rs");
        assert_eq!(uri_of("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri_of("a b/100%.rs"), "a%20b/100%25.rs");
        assert_eq!(uri_of("é.rs"), "%C3%A9.rs");
        assert_eq!(uri_of("a\\u{a}b.rs"), "a%5Cu%7Ba%7Db.rs");
    }
}
