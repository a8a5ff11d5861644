//! The dependency summary printed after the workspace's findings: one block per dependency
//! that weakens TLS, strongest first (its strongest finding, where, and its condition), then
//! the packages that could not be audited.

use std::fmt::Write;

use super::condition::Class;
use super::{Audit, DepReport};

/// The summary's text (no colour), or `None` when there is nothing to say under `-q`.
pub fn render(audit: &Audit) -> String {
    let mut out = String::new();
    let weakening = audit.reports.len();
    let _ = writeln!(
        out,
        "tlslint: dependency audit: {} locked packages, {} linted ({} files), {} with TLS findings, {} not downloaded",
        audit.locked,
        audit.linted,
        audit.files,
        weakening,
        audit.not_downloaded.len()
    );
    for r in &audit.reports {
        block(&mut out, r);
    }
    if !audit.refused.is_empty() {
        let _ = writeln!(
            out,
            "warning: `Cargo.lock` entries not audited: {}",
            audit.refused.join(", ")
        );
    }
    if !audit.not_downloaded.is_empty() {
        let names: Vec<String> = audit
            .not_downloaded
            .iter()
            .map(|p| format!("{} {}", p.name, p.version))
            .collect();
        let _ = writeln!(
            out,
            "warning: not downloaded, not audited: {}",
            names.join(", ")
        );
        let _ = writeln!(
            out,
            "  = help: run `cargo fetch` (or `cargo vendor` into the `--vendor-dir`) and audit again; nothing is downloaded implicitly"
        );
    }
    out
}

fn block(out: &mut String, r: &DepReport) {
    let Some(f) = r.strongest() else { return };
    let class = f.condition.class;
    let level = if r.allowed.is_some() {
        "allowed"
    } else if !class.is_effective() {
        "note"
    } else if f.diagnostic.level.is_error() {
        "error"
    } else {
        "warning"
    };
    let label = match class {
        Class::Unconditional => "unconditional",
        Class::Reached => "runtime-controlled, reached",
        Class::Runtime => "runtime-controlled",
        Class::FeatureEnabled => "build-controlled, enabled",
        Class::FeatureDisabled => "build-controlled, not enabled",
    };
    let _ = writeln!(
        out,
        "{level}: {} {}: {label}: {} [{}]",
        r.package.name, r.package.version, f.diagnostic.message, f.diagnostic.rule.code
    );
    let _ = writeln!(out, "  --> {}", f.at);
    if !f.condition.text.is_empty() {
        let _ = writeln!(out, "  = condition: {}", f.condition.text);
    }
    if let Some(reason) = &r.allowed {
        let _ = writeln!(out, "  = allowed by the policy: {reason}");
    }
    if r.unparsed > 0 {
        let _ = writeln!(out, "  = {} file(s) could not be parsed", r.unparsed);
    }
    if r.findings.len() > 1 {
        let _ = writeln!(
            out,
            "  = {} more finding(s); `-v` lists them",
            r.findings.len() - 1
        );
    }
}
