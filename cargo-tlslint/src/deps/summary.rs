//! The dependency summary printed after the workspace's findings: one block per dependency
//! that weakens TLS, strongest first (its strongest finding, where, and its condition), then
//! the packages that could not be audited.

use std::fmt::Write;

use super::condition::Class;
use super::{Audit, DepReport};

/// How many packages not downloaded are named without `-v`.
const SHOWN_NOT_DOWNLOADED: usize = 5;

/// The summary's text (no colour); `verbose` names every package not downloaded.
pub fn render(audit: &Audit, verbose: bool) -> String {
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
        let shown = if verbose || names.len() <= SHOWN_NOT_DOWNLOADED {
            names.join(", ")
        } else {
            format!(
                "{}, and {} more (`-v` lists them)",
                names[..SHOWN_NOT_DOWNLOADED].join(", "),
                names.len() - SHOWN_NOT_DOWNLOADED
            )
        };
        let _ = writeln!(
            out,
            "warning: {} not downloaded, not audited: {shown}",
            crate::render::count(names.len(), "package", "packages")
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

#[cfg(test)]
mod tests {
    use super::*;
    use tlslint_lints::LockedPackage;

    fn missing(n: usize) -> Audit {
        Audit {
            not_downloaded: (0..n)
                .map(|i| LockedPackage {
                    name: format!("dep{i}"),
                    version: semver::Version::new(1, 0, 0),
                    source: Some("registry+https://github.com/rust-lang/crates.io-index".into()),
                    dependencies: Vec::new(),
                    checksum: None,
                })
                .collect(),
            ..Audit::default()
        }
    }

    fn warning(text: &str) -> &str {
        text.lines()
            .find(|l| l.contains("not downloaded, not audited"))
            .unwrap_or_default()
    }

    #[test]
    fn packages_not_downloaded_are_counted_and_named_up_to_five() {
        assert_eq!(
            warning(&render(&missing(1), false)),
            "warning: 1 package not downloaded, not audited: dep0 1.0.0"
        );
        let many = render(&missing(400), false);
        assert_eq!(
            warning(&many),
            "warning: 400 packages not downloaded, not audited: dep0 1.0.0, dep1 1.0.0, dep2 1.0.0, dep3 1.0.0, dep4 1.0.0, and 395 more (`-v` lists them)"
        );
        assert!(many.contains("= help: run `cargo fetch`"), "{many}");
        assert!(warning(&render(&missing(400), true)).ends_with("dep398 1.0.0, dep399 1.0.0"));
    }
}
