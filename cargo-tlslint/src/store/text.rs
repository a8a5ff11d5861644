//! A file's redacted text with its line table, built once per file: every position, line and
//! snippet window a renderer asks for is a lookup, so rendering stays linear in the findings
//! however many of them one file has.

use std::ops::{Deref, Range};

use tlslint_lints::{LineCol, LineIndex};

/// A redacted text and the starts of its lines.
#[derive(Clone, Debug)]
pub struct Text {
    text: String,
    lines: LineIndex,
}

impl Text {
    /// Indexes a text the store has redacted: only the store builds one from file text.
    pub(super) fn new(text: String) -> Text {
        let lines = LineIndex::new(&text);
        Text { text, lines }
    }

    /// The text of no file (a finding without a readable file).
    pub fn empty() -> Text {
        Text::new(String::new())
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// rustc's line and column of the start and end of `range`.
    pub fn positions(&self, range: &Range<usize>) -> (LineCol, LineCol) {
        (
            self.lines.line_col(&self.text, range.start),
            self.lines.line_col(&self.text, range.end),
        )
    }

    /// The text of 1-based `line` as `str::lines` yields it (without `\n` or `\r\n`), or `None`
    /// past the last line that `str::lines` yields.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = *self.lines.starts().get(line.checked_sub(1)?)?;
        if start >= self.text.len() {
            return None;
        }
        let end = self
            .lines
            .starts()
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let l = &self.text[start..end];
        Some(match l.strip_suffix('\n') {
            Some(l) => l.strip_suffix('\r').unwrap_or(l),
            None => l,
        })
    }

    /// The whole lines that hold every one of `ranges`: their byte range and the 1-based number of
    /// the first. A snippet cut from this window renders as the whole file would.
    pub fn window<'r>(
        &self,
        ranges: impl IntoIterator<Item = &'r Range<usize>>,
    ) -> (Range<usize>, usize) {
        let mut low = usize::MAX;
        let mut high = 0;
        for r in ranges {
            low = low.min(r.start.min(self.text.len()));
            high = high.max(r.end.min(self.text.len()));
        }
        if low == usize::MAX {
            return (0..self.text.len(), 1);
        }
        let first = self.lines.line_of(low);
        let last = self.lines.line_of(high);
        let start = self.lines.starts()[first];
        let end = self
            .lines
            .starts()
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        (start..end, first + 1)
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_str_lines_yields() {
        for s in ["", "a", "a\n", "a\r\nb", "a\n\nb\n", "x\ry\r\n\r\n", "é\nü"] {
            let text = Text::new(s.to_string());
            let ours: Vec<&str> = (1..).map_while(|n| text.line(n)).collect();
            assert_eq!(ours, s.lines().collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn a_window_is_the_whole_lines_of_its_ranges() {
        let text = Text::new("one\ntwo\nthree\nfour".to_string());
        assert_eq!(text.window([&(5..6)]), (4..8, 2));
        assert_eq!(text.window([&(9..10), &(0..1)]), (0..14, 1));
        assert_eq!(text.window([&(15..99)]), (14..18, 4));
        assert_eq!(text.window([]), (0..18, 1));
    }
}
