//! Output formats. Each takes the finished findings (owned data from `lints`) plus the file texts
//! and writes one format; none of them decides anything about levels or suppressions.

pub mod ci;
pub mod docs;
pub mod explain;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod line_hash;
pub mod rule_meta;
pub mod sarif;
pub mod sarif_invocation;
pub mod suggestion;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use tlslint_lints::Diagnostic;

pub use crate::store::{SourceStore, Text, redacted_message};

/// One file's findings, ready to render. Its text comes from the [`SourceStore`] (redacted
/// there), and [`FileFindings::new`] redacts the strings of its findings.
#[derive(Debug)]
pub struct FileFindings {
    /// The display path.
    pub display: String,
    /// The path it was read from (empty for text that was never a file).
    pub path: PathBuf,
    /// The text as outputs show it, with its lines, when the file could be read.
    pub text: Option<Arc<Text>>,
    /// Findings, ordered by position, suppressed ones included (their strings redacted too).
    pub diagnostics: Vec<Diagnostic>,
}

impl FileFindings {
    /// The findings of one file, with private-key bodies masked in every message, label, note
    /// and help of its findings (a key can travel into a message, e.g. as a `#[path]` value);
    /// `text` is the store's shown text of the file.
    pub fn new(
        display: String,
        path: PathBuf,
        text: Option<Arc<Text>>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> FileFindings {
        for d in &mut diagnostics {
            crate::store::redact_diagnostic(d);
        }
        FileFindings {
            display,
            path,
            text,
            diagnostics,
        }
    }
}

/// The display paths that the findings' labels point into, other than their own files.
pub fn label_files(files: &[FileFindings]) -> HashSet<&str> {
    files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .flat_map(|d| &d.secondary)
        .filter_map(|l| l.file.as_deref())
        .collect()
}

/// Counts of reported findings by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Findings at `deny`/`forbid`.
    pub errors: usize,
    /// Findings at `warn`.
    pub warnings: usize,
}

impl Counts {
    /// Counts the unsuppressed findings.
    pub fn of(files: &[FileFindings]) -> Counts {
        let mut c = Counts::default();
        for d in files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.suppressed.is_none())
        {
            if d.level.is_error() {
                c.errors += 1;
            } else {
                c.warnings += 1;
            }
        }
        c
    }
}

/// `n` and the noun for it: `1 file`, `12 files`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Renders findings exactly as the CLI's human format does, without colour; `store` holds the
/// texts of the files and of the files labels may point into.
pub fn render_plain(
    files: &[FileFindings],
    store: &SourceStore,
    anonymize_line_numbers: bool,
) -> String {
    let style = human::Style {
        color: false,
        short: false,
        anonymize_line_numbers,
    };
    let mut out = human::render_all(files, store, style);
    if let Some(line) = human::summary(Counts::of(files), style) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
