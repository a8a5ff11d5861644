//! Stable fingerprints of findings, shared by `--baseline`, SARIF `partialFingerprints` and
//! GitLab Code Quality: the rule, the file and the normalised source line of the finding, so
//! that moving code (other lines added or removed) keeps its fingerprint.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use tlslint_lints::Diagnostic;

use crate::render::{FileFindings, Text};

/// The primary line of `d` with runs of whitespace collapsed to one space and the ends trimmed.
pub fn normalised_line(text: Option<&Text>, d: &Diagnostic) -> String {
    let Some(text) = text else {
        return String::new();
    };
    let start = d.primary.range.start;
    text.line(text.positions(&(start..start)).0.line)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A hex SHA-256 prefix over the parts, each terminated by a NUL byte.
pub fn hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    hex::encode(&h.finalize()[..16])
}

/// The fingerprint of a finding without position: rule code and normalised line (the file is
/// matched separately). Two identical lines with the same rule share it.
pub fn line_fingerprint(file: &FileFindings, d: &Diagnostic) -> String {
    hash(&[d.rule.code, &normalised_line(file.text.as_deref(), d)])
}

/// Fingerprints unique within a run: the line fingerprint, the file, and the occurrence index
/// among findings of the file that share the line fingerprint. One per diagnostic, in order.
pub fn unique_fingerprints(file: &FileFindings) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    file.diagnostics
        .iter()
        .map(|d| {
            let fp = line_fingerprint(file, d);
            let count = seen.entry(fp.clone()).or_default();
            let n = *count;
            *count += 1;
            hash(&[&fp, &file.display, &n.to_string()])
        })
        .collect()
}
