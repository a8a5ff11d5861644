//! Dependency findings in SARIF: appended to the workspace's log as results of the same run,
//! located relative to the `CARGO_HOME` `uriBaseId` when the source is under `$CARGO_HOME` (the
//! run's `originalUriBaseIds` says where that is), with the crate, version and condition in the
//! result's `properties.tlslintDependency`.

use std::path::Path;

use serde_json::{Value, json};

use super::Audit;
use crate::render::sarif;
use crate::{render::fingerprint, render::line_hash};

/// Adds the audit's findings to the SARIF log `log` (as rendered for the workspace).
pub fn extend(log: &str, audit: &Audit, cargo_home: &Path) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(log) else {
        return log.to_string();
    };
    let mut results = Vec::new();
    let paths: std::collections::HashMap<&str, &Path> = audit
        .sources
        .iter()
        .map(|(d, p, _)| (d.as_str(), p.as_path()))
        .collect();
    for (pkg, file) in &audit.files_with_findings {
        let Some(report) = audit.reports.iter().find(|r| r.dir == audit.dirs[*pkg]) else {
            continue;
        };
        let path = paths.get(file.display.as_str()).copied();
        let under_home = path.and_then(|p| p.strip_prefix(cargo_home).ok());
        let uri = sarif::uri_of(&under_home.map_or_else(
            || file.display.clone(),
            |rel| rel.to_string_lossy().replace('\\', "/"),
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
            let mut result = sarif::result(d, file, &uri, &fp);
            sarif::add_line_hash(&mut result, d, file, hashes.as_deref());
            if under_home.is_some() {
                result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] =
                    json!("CARGO_HOME");
            }
            result["properties"] =
                json!({ "tlslintDependency": super::json::dependency_properties(report, d) });
            results.push(result);
        }
    }
    if let Some(run) = value["runs"].get_mut(0) {
        if let Some(existing) = run["results"].as_array_mut() {
            existing.extend(results);
        }
        let home = format!(
            "file://{}/",
            cargo_home.to_string_lossy().trim_end_matches('/')
        );
        run["originalUriBaseIds"] = json!({ "CARGO_HOME": { "uri": home } });
    }
    format!(
        "{}\n",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    )
}
