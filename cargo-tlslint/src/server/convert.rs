//! Findings in the protocol's terms: byte offsets to LSP positions (UTF-16 code units unless the
//! client accepts UTF-8), a finding to an LSP diagnostic (rule code with a link to its docs,
//! source `tlslint`, secondary labels as related information), its fixes to quick-fix code
//! actions, and the rule's `--explain` text to a hover.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeDescription, Diagnostic as LspDiagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    OptionalVersionedTextDocumentIdentifier, Position, PositionEncodingKind, Range,
    TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};
use tlslint_lints::LineIndex;
use tlslint_lints::{Applicability, Diagnostic};

use crate::render::rule_meta;

/// How positions count columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units, the protocol's default.
    Utf16,
    /// Bytes, when the client offers `utf-8` (LSP 3.17 `positionEncodings`).
    Utf8,
}

impl Encoding {
    /// The encoding to use given the client's `general.positionEncodings`.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    /// The protocol's name for it.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf8 => PositionEncodingKind::UTF8,
        }
    }
}

/// A text with its line index, turning byte ranges into LSP ranges.
pub struct Positions<'t> {
    text: &'t str,
    lines: LineIndex,
    encoding: Encoding,
}

impl<'t> Positions<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str, encoding: Encoding) -> Positions<'t> {
        Positions {
            text,
            lines: LineIndex::new(text),
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.line_of(offset);
        let start = self.lines.line_range(self.text, line).start.min(offset);
        let before = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf16 => before.encode_utf16().count(),
            Encoding::Utf8 => before.len(),
        };
        Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(character).unwrap_or(u32::MAX),
        )
    }

    /// The range of a byte range.
    pub fn range(&self, bytes: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(bytes.start), self.position(bytes.end))
    }
}

/// Whether two ranges share a position (touching counts: a cursor at the end of a finding is on
/// it).
pub fn touches(a: &Range, b: &Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The LSP diagnostic for a finding of the document at `uri`. `elsewhere` locates a label in
/// another file (by display path and byte range).
pub fn diagnostic(
    d: &Diagnostic,
    uri: &Url,
    positions: &Positions<'_>,
    elsewhere: &mut dyn FnMut(&str, &std::ops::Range<usize>) -> Option<Location>,
) -> LspDiagnostic {
    let mut message = d.message.clone();
    if !d.primary.text.is_empty() {
        message.push_str(&format!("\n{}", d.primary.text));
    }
    for help in &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter(|l| !l.text.is_empty())
        .filter_map(|l| {
            let location = match &l.file {
                None => Location::new(uri.clone(), positions.range(&l.range)),
                Some(path) => elsewhere(path, &l.range)?,
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: l.text.clone(),
            })
        })
        .collect();
    LspDiagnostic {
        range: positions.range(&d.primary.range),
        severity: Some(if d.level.is_error() {
            DiagnosticSeverity::ERROR
        } else {
            DiagnosticSeverity::WARNING
        }),
        code: Some(NumberOrString::String(d.rule.code.to_string())),
        code_description: Url::parse(&rule_meta::help_uri(d.rule))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("tlslint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The quick fixes of a finding (published as `published`) in the document at `uri`, at
/// `version`: one code action per fix, the first machine-applicable one preferred. With
/// `versioned`, the edit names the document version it applies to (clients refuse it on a newer
/// text).
pub fn code_actions(
    d: &Diagnostic,
    published: &LspDiagnostic,
    uri: &Url,
    version: i32,
    versioned: bool,
    positions: &Positions<'_>,
) -> Vec<CodeAction> {
    d.fixes
        .iter()
        .enumerate()
        .map(|(i, fix)| {
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(positions.range(&e.range), e.replacement.clone()))
                .collect();
            let edit = if versioned {
                WorkspaceEdit {
                    document_changes: Some(lsp_types::DocumentChanges::Edits(vec![
                        TextDocumentEdit {
                            text_document: OptionalVersionedTextDocumentIdentifier {
                                uri: uri.clone(),
                                version: Some(version),
                            },
                            edits: edits.into_iter().map(lsp_types::OneOf::Left).collect(),
                        },
                    ])),
                    ..WorkspaceEdit::default()
                }
            } else {
                WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }
            };
            CodeAction {
                title: format!("{} ({})", fix.message, d.rule.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![published.clone()]),
                edit: Some(edit),
                is_preferred: Some(i == 0 && fix.applicability == Applicability::MachineApplicable),
                ..CodeAction::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_or_bytes() {
        let text = "a\n\u{e9}\u{1F512}x\n";
        let x = text.find('x').expect("x");
        let utf16 = Positions::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(x), Position::new(1, 3));
        assert_eq!(utf16.position(1), Position::new(0, 1));
        assert_eq!(utf16.position(text.len()), Position::new(2, 0));
        let utf8 = Positions::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(x), Position::new(1, 6));
        assert_eq!(
            utf8.position(x - 1),
            Position::new(1, 2),
            "inside a character"
        );
    }

    #[test]
    fn touching_ranges() {
        let r = |a, b, c, d| Range::new(Position::new(a, b), Position::new(c, d));
        assert!(touches(&r(1, 4, 1, 9), &r(1, 9, 1, 9)));
        assert!(touches(&r(1, 4, 1, 9), &r(0, 0, 3, 0)));
        assert!(!touches(&r(1, 4, 1, 9), &r(1, 10, 1, 12)));
    }
}
