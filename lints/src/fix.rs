//! Fixes as data: the edits that resolve a finding, with rustc's applicability. A rule whose fix
//! is mechanical attaches it to its [`crate::Diagnostic`]; the binary renders it (rustc's `help:`
//! suggestion, JSON `suggested_replacement`, SARIF `fixes`), applies it (`--fix`) and offers it
//! to editors (code actions). Edits are byte ranges of the file the finding belongs to.

use std::ops::Range;

/// How sure a fix is, in rustc's vocabulary (`rustc_errors::Applicability`), which `cargo fix`,
/// rust-analyzer and rustfix read from the JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// The edit keeps the code compiling and does what the user meant: `--fix` applies it.
    MachineApplicable,
    /// The edit may change what the code was meant to do (a listener no other host can reach, a
    /// cipher list some old peer cannot speak): applied only with `--unsafe-fixes`.
    MaybeIncorrect,
}

impl Applicability {
    /// rustc's spelling, as in `"suggestion_applicability": "MachineApplicable"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::MachineApplicable => "MachineApplicable",
            Applicability::MaybeIncorrect => "MaybeIncorrect",
        }
    }
}

/// One replacement of a byte range of the file (an empty range inserts, an empty replacement
/// deletes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    /// The bytes replaced.
    pub range: Range<usize>,
    /// What replaces them.
    pub replacement: String,
}

impl Edit {
    /// Replaces `range` with `replacement`.
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    /// Deletes `range`.
    pub fn delete(range: Range<usize>) -> Edit {
        Edit::replace(range, "")
    }

    /// Whether two edits touch the same bytes (or insert at the same place), so that applying
    /// both would be ambiguous.
    pub fn overlaps(&self, other: &Edit) -> bool {
        let (a, b) = (&self.range, &other.range);
        (a.start < b.end && b.start < a.end) || a.start == b.start
    }
}

/// A fix for one finding: what it does, how sure it is, and its edits (in the finding's file,
/// sorted, not overlapping).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    /// rustc's suggestion message, lowercase, without a trailing period: "raise the minimum to
    /// TLS 1.2".
    pub message: String,
    /// How sure the fix is.
    pub applicability: Applicability,
    /// The edits.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of one edit.
    pub fn new(message: impl Into<String>, applicability: Applicability, edit: Edit) -> Fix {
        Fix {
            message: message.into(),
            applicability,
            edits: vec![edit],
        }
    }

    /// Whether the fix applies to `text` ([`apply_edits`] succeeds: no edit outside `text`, off a
    /// character boundary or overlapping another), found without building the patched text (a
    /// file with thousands of fixes is not copied once per fix).
    pub fn fits(&self, text: &str) -> bool {
        let mut sorted: Vec<&Edit> = self.edits.iter().collect();
        sorted.sort_by_key(|e| (e.range.start, e.range.end));
        let mut at = 0;
        for edit in sorted {
            if edit.range.start < at || text.get(edit.range.clone()).is_none() {
                return false;
            }
            at = edit.range.end;
        }
        true
    }
}

/// `text` with `edits` applied (they must not overlap); `None` when one lies outside `text` or
/// off a character boundary.
pub fn apply_edits<'e>(text: &str, edits: impl IntoIterator<Item = &'e Edit>) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.into_iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in sorted {
        if edit.range.start < at || edit.range.end < edit.range.start {
            return None;
        }
        out.push_str(text.get(at..edit.range.start)?);
        text.get(edit.range.clone())?;
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// The edit that deletes a line comment starting at `comment.start` and running to the end of
/// its line: the whole line with its terminator when the comment is alone on it, otherwise the
/// comment and the blanks before it.
pub(crate) fn remove_line_comment(text: &str, comment: Range<usize>) -> Edit {
    let (Some(head), Some(tail)) = (text.get(..comment.start), text.get(comment.end..)) else {
        return Edit::delete(comment);
    };
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let before = &head[line_start..];
    if before.trim().is_empty() {
        let end = tail.find('\n').map_or(text.len(), |i| comment.end + i + 1);
        Edit::delete(line_start..end)
    } else {
        Edit::delete(line_start + before.trim_end().len()..comment.end)
    }
}

/// Where the text of a plain string literal (`"…"` without escapes) lies in the file, when the
/// literal's source at `range` is exactly `value` in quotes: edits inside the value can then be
/// made by offset. `None` for raw strings, escapes and byte strings.
pub(crate) fn plain_string_body(text: &str, range: &Range<usize>, value: &str) -> Option<usize> {
    let source = text.get(range.clone())?;
    let body = source.strip_prefix('"')?.strip_suffix('"')?;
    (body == value && !body.contains('\\')).then_some(range.start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_sorted_edits_and_refuses_overlaps() {
        let text = "let a = b.c(true).d();";
        let flip = Edit::replace(12..16, "false");
        let drop = Edit::delete(9..17);
        assert_eq!(
            apply_edits(text, [&flip]).as_deref(),
            Some("let a = b.c(false).d();")
        );
        assert_eq!(
            apply_edits(text, [&drop]).as_deref(),
            Some("let a = b.d();")
        );
        assert!(flip.overlaps(&drop));
        assert_eq!(apply_edits(text, [&flip, &drop]), None);
        let insert = Edit::replace(0..0, "x");
        assert!(insert.overlaps(&Edit::replace(0..0, "y")));
        assert!(!insert.overlaps(&Edit::replace(1..2, "y")));
        assert_eq!(apply_edits(text, [&Edit::delete(20..40)]), None);
    }

    #[test]
    fn fits_exactly_when_the_edits_apply() {
        let text = "let é = b.c(true).d();";
        let cases = [
            vec![Edit::replace(13..17, "false")],
            vec![Edit::delete(10..18)],
            vec![Edit::replace(13..17, "false"), Edit::delete(10..18)],
            vec![Edit::delete(std::ops::Range { start: 18, end: 10 })],
            vec![Edit::delete(21..40)],
            vec![Edit::delete(5..6)],
            vec![Edit::replace(0..0, "x"), Edit::replace(0..0, "y")],
            vec![Edit::delete(18..23), Edit::replace(0..3, "const")],
        ];
        for edits in cases {
            let fix = Fix {
                message: String::new(),
                applicability: Applicability::MachineApplicable,
                edits: edits.clone(),
            };
            assert_eq!(
                fix.fits(text),
                apply_edits(text, edits.iter()).is_some(),
                "{edits:?}"
            );
        }
    }

    #[test]
    fn removes_a_comment_with_its_line_or_after_code() {
        let text = "fn f() {\n    // tlslint: allow(x)\n    g(); // tlslint: allow(y)\n}\n";
        let own = text.find("// tlslint: allow(x)").unwrap_or(0);
        let own_end = own + "// tlslint: allow(x)".len();
        let edit = remove_line_comment(text, own..own_end);
        assert_eq!(
            apply_edits(text, [&edit]).as_deref(),
            Some("fn f() {\n    g(); // tlslint: allow(y)\n}\n")
        );
        let trailing = text.find("// tlslint: allow(y)").unwrap_or(0);
        let edit = remove_line_comment(text, trailing..trailing + 20);
        assert_eq!(
            apply_edits(text, [&edit]).as_deref(),
            Some("fn f() {\n    // tlslint: allow(x)\n    g();\n}\n")
        );
    }

    #[test]
    fn finds_the_body_of_plain_strings_only() {
        let text = r#"f("max-age=1", r"x", "a\"b")"#;
        assert_eq!(plain_string_body(text, &(2..13), "max-age=1"), Some(3));
        assert_eq!(plain_string_body(text, &(15..19), "x"), None);
        assert_eq!(plain_string_body(text, &(21..27), "a\"b"), None);
    }
}
