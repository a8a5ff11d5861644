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
mod text;

pub use text::Text;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use tlslint_lints::{Diagnostic, TextKind, redact_private_keys};

use crate::plan::confine::Tree;

/// One file's findings, ready to render. Built only by [`FileFindings::new`], which redacts:
/// this is the one way a file's text and the strings of its findings reach any output.
#[derive(Debug)]
pub struct FileFindings {
    /// The display path.
    pub display: String,
    /// The path it was read from (empty for text that was never a file).
    pub path: PathBuf,
    /// The text (private-key bodies masked) and its lines, when the file could be read.
    pub text: Option<Text>,
    /// Findings, ordered by position, suppressed ones included (their strings redacted too).
    pub diagnostics: Vec<Diagnostic>,
}

impl FileFindings {
    /// The findings of one file, with private-key bodies masked in its text and in every
    /// message, label, note and help of its findings (a key can travel into a message, e.g. as a
    /// `#[path]` value).
    pub fn new(
        display: String,
        path: PathBuf,
        text: Option<String>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> FileFindings {
        let text = text.map(|t| Text::new(redacted(&display, t)));
        for d in &mut diagnostics {
            redact_strings(d);
        }
        FileFindings {
            display,
            path,
            text,
            diagnostics,
        }
    }
}

/// How a file's text is redacted: Rust sources by their literals and comments, other files
/// (manifests, lockfiles) everywhere.
pub fn text_kind(display: &str) -> TextKind {
    if display.ends_with(".rs") {
        TextKind::Rust
    } else {
        TextKind::Other
    }
}

/// `text` with its private-key bodies masked.
pub fn redacted(display: &str, text: String) -> String {
    redact_private_keys(&text, text_kind(display)).unwrap_or(text)
}

/// A message or other text from the run (an error of cargo or git, a finding's message) with
/// private-key bodies masked.
pub fn redacted_message(text: &str) -> String {
    redact_private_keys(text, TextKind::Other).unwrap_or_else(|| text.to_string())
}

/// Masks key bodies in a finding's strings, and writes control and bidi characters (which a
/// string from the scanned code, such as a `#[path]` value, can carry into a message) as
/// `\u{..}`; notes and help may span lines.
fn redact_strings(d: &mut Diagnostic) {
    let fix = |s: &mut String, keep_newlines: bool| {
        if let Some(r) = redact_private_keys(s, TextKind::Other) {
            *s = r;
        }
        if s.chars().any(crate::plan::is_unsafe_char) {
            let mut shown = String::with_capacity(s.len());
            for c in s.chars() {
                if keep_newlines && c == '\n' {
                    shown.push(c);
                } else {
                    crate::plan::push_shown_char(&mut shown, c);
                }
            }
            *s = shown;
        }
    };
    fix(&mut d.message, false);
    fix(&mut d.primary.text, false);
    for l in &mut d.secondary {
        fix(&mut l.text, false);
    }
    d.notes.iter_mut().for_each(|n| fix(n, true));
    d.help.iter_mut().for_each(|h| fix(h, true));
}

/// The texts of the files that findings point into besides their own (a constant defined in
/// another file), by display path: read through each file's tree when first needed, redacted.
#[derive(Default)]
pub struct Sources {
    texts: HashMap<String, Option<Text>>,
    paths: HashMap<String, (PathBuf, usize)>,
    trees: Vec<Tree>,
}

impl Sources {
    /// Registers where a display path can be read from, and the tree it must stay in.
    pub fn add_path(&mut self, display: String, path: PathBuf, tree: &Tree) {
        let index = match self.trees.iter().position(|t| t == tree) {
            Some(i) => i,
            None => {
                self.trees.push(tree.clone());
                self.trees.len() - 1
            }
        };
        self.paths.insert(display, (path, index));
    }

    /// Registers where a display path can be read from, unless it is registered already (a
    /// constant found in a file the run did not name, read relative to the root).
    pub fn add_path_if_new(&mut self, display: &str, path: PathBuf, tree: &Tree) {
        if !self.paths.contains_key(display) && !self.texts.contains_key(display) {
            self.add_path(display.to_string(), path, tree);
        }
    }

    /// Registers a text already in memory (redacted here).
    pub fn add_text(&mut self, display: String, text: String) {
        let text = Text::new(redacted(&display, text));
        self.texts.insert(display, Some(text));
    }

    /// The text of a display path, reading it on first use.
    pub fn text(&mut self, display: &str) -> Option<&Text> {
        if !self.texts.contains_key(display) {
            let text = self.paths.get(display).and_then(|(path, tree)| {
                let text = self.trees[*tree].read_to_string(path).ok()?;
                Some(Text::new(redacted(display, text)))
            });
            self.texts.insert(display.to_string(), text);
        }
        self.texts.get(display).and_then(Option::as_ref)
    }

    /// The display paths that the findings' labels point into, other than their own files.
    pub fn wanted(files: &[FileFindings]) -> HashSet<&str> {
        files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .flat_map(|d| &d.secondary)
            .filter_map(|l| l.file.as_deref())
            .collect()
    }
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

/// Renders findings exactly as the CLI's human format does, without colour; `other_texts` are
/// the files (display path, text) that labels may point into.
pub fn render_plain(
    files: &[FileFindings],
    other_texts: &[(String, String)],
    anonymize_line_numbers: bool,
) -> String {
    let mut sources = Sources::default();
    for f in files {
        if let Some(t) = &f.text {
            sources.add_text(f.display.clone(), t.as_str().to_string());
        }
    }
    for (display, text) in other_texts {
        sources.add_text(display.clone(), text.clone());
    }
    let style = human::Style {
        color: false,
        short: false,
        anonymize_line_numbers,
    };
    let mut out = human::render_all(files, &mut sources, style);
    if let Some(line) = human::summary(Counts::of(files), style) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
