//! Dependency findings in cargo's JSON message format: the workspace format's
//! `compiler-message`, with `package_id` naming the dependency (`<source>#<name>@<version>`, as
//! cargo spells package ids), `manifest_path` its manifest, and a `tlslint_dependency` object
//! with the crate, version, condition class and condition.

use serde_json::{Value, json};
use tlslint_lints::Diagnostic;

use super::{Audit, DepReport};
use crate::render::{FileFindings, SourceStore, json};

/// One dependency finding as a JSON line.
pub fn message(
    audit: &Audit,
    pkg: usize,
    d: &Diagnostic,
    file: &FileFindings,
    sources: &SourceStore,
) -> String {
    let report = audit.reports.iter().find(|r| r.dir == audit.dirs[pkg]);
    let manifest = audit.dirs[pkg].join("Cargo.toml").display().to_string();
    let line = json::message(d, file, sources, json::Origin::Manifest(&manifest));
    let Ok(mut value) = serde_json::from_str::<Value>(&line) else {
        return line;
    };
    if let Some(r) = report {
        let p = &r.package;
        value["package_id"] = json!(format!(
            "{}#{}@{}",
            p.source.as_deref().unwrap_or("path+file://"),
            p.name,
            p.version
        ));
        value["tlslint_dependency"] = dependency_properties(r, d);
    }
    value.to_string()
}

/// The dependency a finding belongs to and its condition, as JSON (the `tlslint_dependency`
/// object here, the `tlslintDependency` result property in SARIF).
pub fn dependency_properties(report: &DepReport, d: &Diagnostic) -> Value {
    let condition = report
        .findings
        .iter()
        .find(|f| f.diagnostic.primary == d.primary && f.diagnostic.rule.code == d.rule.code)
        .map(|f| &f.condition);
    let p = &report.package;
    json!({
        "name": p.name,
        "version": p.version.to_string(),
        "class": condition.map(|c| c.class.label()),
        "effective": condition.map(|c| c.class.is_effective()),
        "condition": condition.map(|c| c.text.clone()),
        "features": condition.map(|c| c.features.clone()),
        "allowed": report.allowed,
    })
}
