//! Positions in the original file text: the BOM/shebang correction for syn's spans, and a line
//! index that turns byte offsets into rustc's 1-based line and character column.

use std::ops::Range;

/// Splits off what `syn` would not see: a UTF-8 BOM and a `#!` shebang line (but not a `#![attr]`).
/// Returns the byte offset at which the Rust text starts.
pub fn prelude_len(text: &str) -> usize {
    let mut offset = 0;
    if text.starts_with('\u{feff}') {
        offset = '\u{feff}'.len_utf8();
    }
    let rest = &text[offset..];
    if let Some(after) = rest.strip_prefix("#!")
        && !after.trim_start().starts_with('[')
    {
        offset += rest.find('\n').unwrap_or(rest.len());
    }
    offset
}

/// A table of line starts over one file's text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A 1-based line and 1-based character column, as rustc prints them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 0-based line containing byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The byte range of 0-based `line`, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(text.len());
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The byte offset of each line's start, the first being 0.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// rustc's position of byte `offset` (clamped to the text and to a character boundary).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        LineCol {
            line: line + 1,
            col: text[start..offset].chars().count() + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prelude_handles_bom_and_shebang() {
        assert_eq!(prelude_len("fn main() {}"), 0);
        assert_eq!(prelude_len("\u{feff}fn main() {}"), 3);
        assert_eq!(prelude_len("#!/usr/bin/env run\nfn main() {}"), 18);
        assert_eq!(prelude_len("#![allow(x)]\nfn main() {}"), 0);
        assert_eq!(prelude_len("\u{feff}#!x\nfn f(){}"), 6);
    }

    #[test]
    fn line_col_counts_chars() {
        let text = "ab\nçd e\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, col: 1 });
        assert_eq!(idx.line_col(text, 6), LineCol { line: 2, col: 3 });
        assert_eq!(idx.line_range(text, 1), 3..8);
    }
}
