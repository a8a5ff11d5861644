//! `--write-baseline FILE` records the current findings; `--baseline FILE` reports only the
//! findings not recorded. Findings are matched by rule, file and the fingerprint of their
//! normalised source line (as a multiset), so moving code does not bring old findings back.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::render::FileFindings;
use crate::render::fingerprint;

/// The current format version.
const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version.
    pub version: u32,
    /// The recorded findings.
    pub findings: Vec<Entry>,
}

/// One recorded finding.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    /// Rule code.
    pub rule: String,
    /// Display path.
    pub file: String,
    /// Fingerprint of the rule and the normalised source line.
    pub fingerprint: String,
    /// The line when recorded (informational: not used for matching).
    #[serde(default)]
    pub line: usize,
    /// The message when recorded (informational).
    #[serde(default)]
    pub message: String,
}

/// The baseline of the unsuppressed findings.
pub fn of(files: &[FileFindings]) -> Baseline {
    let mut findings = Vec::new();
    for file in files {
        for d in file.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            let line = file
                .text
                .as_ref()
                .map_or(1, |t| t.positions(&d.primary.range).0.line);
            findings.push(Entry {
                rule: d.rule.code.to_string(),
                file: file.display.clone(),
                fingerprint: fingerprint::line_fingerprint(file, d),
                line,
                message: d.message.clone(),
            });
        }
    }
    Baseline {
        version: VERSION,
        findings,
    }
}

/// Writes the baseline of `files` to `path` and returns how many entries it holds.
///
/// The file is replaced, never written through: a symlink at `path` (which a pull request could
/// commit to aim the write at a file outside the tree) is replaced by the baseline itself.
pub fn write(path: &Path, files: &[FileFindings]) -> Result<usize, BaselineError> {
    let baseline = of(files);
    let text = serde_json::to_string_pretty(&baseline).map_err(BaselineError::Serialize)?;
    crate::plan::confine::replace_file(path, format!("{text}\n").as_bytes()).map_err(|source| {
        BaselineError::Write {
            path: path.to_path_buf(),
            source,
        }
    })?;
    Ok(baseline.findings.len())
}

/// Reads a baseline (see [`crate::plan::confine::Tree::read_named`]).
pub fn read(path: &Path, tree: &crate::plan::confine::Tree) -> Result<Baseline, BaselineError> {
    let text = tree.read_named(path).map_err(|e| BaselineError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let b: Baseline =
        serde_json::from_str(&text).map_err(|source| BaselineError::NotABaseline {
            path: path.to_path_buf(),
            source,
        })?;
    if b.version != VERSION {
        return Err(BaselineError::Version {
            path: path.to_path_buf(),
            found: b.version,
        });
    }
    Ok(b)
}

/// Why a baseline could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The baseline could not be serialised.
    #[error("{0}")]
    Serialize(serde_json::Error),
    /// The file could not be written.
    #[error("cannot write the baseline `{}`: {source}", path.display())]
    Write {
        /// The baseline's path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file could not be read from the tree.
    #[error("cannot read the baseline `{}`: {reason}", path.display())]
    Read {
        /// The baseline's path.
        path: PathBuf,
        /// Why (the tree's refusal).
        reason: String,
    },
    /// The file is not a baseline.
    #[error("`{}` is not a tlslint baseline: {source}", path.display())]
    NotABaseline {
        /// The file's path.
        path: PathBuf,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// The baseline has another format version.
    #[error("`{}` has baseline version {found}, this tlslint reads version {VERSION}", path.display())]
    Version {
        /// The baseline's path.
        path: PathBuf,
        /// Its version.
        found: u32,
    },
}

/// Drops the unsuppressed findings recorded in `baseline` (each entry absorbs one finding).
pub fn filter(files: &mut Vec<FileFindings>, baseline: &Baseline) {
    let mut budget: HashMap<(String, String, String), usize> = HashMap::new();
    for e in &baseline.findings {
        *budget
            .entry((e.rule.clone(), e.file.clone(), e.fingerprint.clone()))
            .or_default() += 1;
    }
    for file in files.iter_mut() {
        let fps: Vec<String> = file
            .diagnostics
            .iter()
            .map(|d| fingerprint::line_fingerprint(file, d))
            .collect();
        let mut keep = Vec::with_capacity(fps.len());
        for (d, fp) in file.diagnostics.iter().zip(&fps) {
            let known = d.suppressed.is_none()
                && budget
                    .get_mut(&(d.rule.code.to_string(), file.display.clone(), fp.clone()))
                    .is_some_and(|n| {
                        let hit = *n > 0;
                        *n = n.saturating_sub(1);
                        hit
                    });
            keep.push(!known);
        }
        let mut k = keep.into_iter();
        file.diagnostics.retain(|_| k.next().unwrap_or(true));
    }
    files.retain(|f| !f.diagnostics.is_empty());
}
