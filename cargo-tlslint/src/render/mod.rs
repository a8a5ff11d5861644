//! Output formats. Each takes the finished findings (owned data from `lints`) plus the file texts
//! and writes one format; none of them decides anything about levels or suppressions.

pub mod ci;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;
pub mod suggestion;

use std::collections::HashMap;
use std::path::PathBuf;

use tlslint_lints::Diagnostic;
use tlslint_lints::source::{LineCol, LineIndex};

/// One file's findings, ready to render.
#[derive(Debug)]
pub struct FileFindings {
    /// The display path.
    pub display: String,
    /// The text, when the file could be read.
    pub text: Option<String>,
    /// Findings, ordered by position, suppressed ones included.
    pub diagnostics: Vec<Diagnostic>,
}

/// File texts by display path, for labels that point into other files.
#[derive(Default)]
pub struct Sources {
    texts: HashMap<String, String>,
    paths: HashMap<String, PathBuf>,
    root: PathBuf,
}

impl Sources {
    /// Sources whose display paths are relative to `root` unless registered otherwise.
    pub fn new(root: PathBuf) -> Sources {
        Sources {
            root,
            ..Sources::default()
        }
    }

    /// Registers where a display path can be read from.
    pub fn add_path(&mut self, display: String, path: PathBuf) {
        self.paths.insert(display, path);
    }

    /// Registers a text already in memory.
    pub fn add_text(&mut self, display: String, text: String) {
        self.texts.insert(display, text);
    }

    /// The text of a display path, reading it on first use.
    pub fn text(&mut self, display: &str) -> Option<&str> {
        if !self.texts.contains_key(display) {
            let path = self
                .paths
                .get(display)
                .cloned()
                .unwrap_or_else(|| self.root.join(display));
            let text = std::fs::read_to_string(path).ok()?;
            self.texts.insert(display.to_string(), text);
        }
        self.texts.get(display).map(String::as_str)
    }
}

/// Line and column of the start and end of a byte range.
pub fn span_positions(text: &str, range: &std::ops::Range<usize>) -> (LineCol, LineCol) {
    let index = LineIndex::new(text);
    (
        index.line_col(text, range.start),
        index.line_col(text, range.end),
    )
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
