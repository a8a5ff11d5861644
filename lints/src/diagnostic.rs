//! Owned, render-agnostic findings. Nothing here refers to syn or proc-macro2: positions are
//! byte ranges into the original file text.

use std::ops::Range;

use crate::fix::Fix;
use crate::rule::{Level, Rule};

/// A labelled range, in the diagnostic's own file or in another file of the same crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// `None` for the file the diagnostic belongs to; otherwise the display path of another file.
    pub file: Option<String>,
    /// Byte range in that file's text.
    pub range: Range<usize>,
    /// The label text (may be empty).
    pub text: String,
}

impl Label {
    /// A label at `range` of the file shown as `file`, for a finding of the file shown as
    /// `finding_path`: in the finding's own file when they are the same.
    pub fn seen_from(finding_path: &str, file: &str, range: Range<usize>, text: String) -> Label {
        Label {
            file: (file != finding_path).then(|| file.to_string()),
            range,
            text,
        }
    }
}

/// One finding.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The rule it belongs to.
    pub rule: &'static Rule,
    /// The level it is reported at: the rule's default until the policy is applied.
    pub level: Level,
    /// The headline, lowercase, no trailing period.
    pub message: String,
    /// Where it is.
    pub primary: Label,
    /// Ranges that explain it (the `const` that holds `true`, the builder it belongs to).
    pub secondary: Vec<Label>,
    /// `= note:` lines.
    pub notes: Vec<String>,
    /// `= help:` lines.
    pub help: Vec<String>,
    /// Fixes, the preferred first (`help:` suggestions).
    pub fixes: Vec<Fix>,
    /// Whether it lies in test code (`#[cfg(test)]`, `#[test]`, a test target).
    pub in_test_code: bool,
    /// For a setting whose value is decided at run time, the range of that value (the argument
    /// or field value), in the diagnostic's file.
    pub runtime_value: Option<Range<usize>>,
    /// Set when the finding is lifted by an inline suppression (kept for SARIF and for the list
    /// of suppressions a change adds).
    pub suppressed: Option<Suppression>,
}

/// The inline suppression that lifted a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The reason it gives (empty when none).
    pub reason: String,
    /// The byte range of its comment in the finding's file.
    pub at: Range<usize>,
}

impl Diagnostic {
    /// A new diagnostic at `range` with the rule's default level.
    pub fn new(rule: &'static Rule, message: impl Into<String>, range: Range<usize>) -> Diagnostic {
        Diagnostic {
            rule,
            level: rule.default_level,
            message: message.into(),
            primary: Label {
                file: None,
                range,
                text: String::new(),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
            fixes: Vec::new(),
            in_test_code: false,
            runtime_value: None,
            suppressed: None,
        }
    }

    /// Sets the primary label's text.
    pub fn label(mut self, text: impl Into<String>) -> Diagnostic {
        self.primary.text = text.into();
        self
    }

    /// Adds a secondary label in the same file.
    pub fn secondary(mut self, range: Range<usize>, text: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            file: None,
            range,
            text: text.into(),
        });
        self
    }

    /// Adds a `= note:` line.
    pub fn note(mut self, text: impl Into<String>) -> Diagnostic {
        self.notes.push(text.into());
        self
    }

    /// Adds a `= help:` line.
    pub fn help(mut self, text: impl Into<String>) -> Diagnostic {
        self.help.push(text.into());
        self
    }

    /// Offers a fix (after those already offered, which are preferred).
    pub fn fix(mut self, fix: Fix) -> Diagnostic {
        self.fixes.push(fix);
        self
    }

    /// Overrides the level (for findings of a rule reported at a lower level in one shape).
    pub fn with_level(mut self, level: Level) -> Diagnostic {
        self.level = level;
        self
    }
}
