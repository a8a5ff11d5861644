//! The one redaction of text on its way to an output: private-key bodies masked (through
//! `tlslint_lints::redact_private_keys`, which finds a key across comments, `;`, any distance and
//! any format), and in a finding's strings control and bidi characters written as `\u{..}`.

use tlslint_lints::{Diagnostic, TextKind, redact_private_keys};

/// How a file's text is redacted: Rust sources by their literals and comments, other files
/// (manifests, lockfiles) everywhere.
fn text_kind(display: &str) -> TextKind {
    if display.ends_with(".rs") {
        TextKind::Rust
    } else {
        TextKind::Other
    }
}

/// The text of the file shown as `display`, with its private-key bodies masked.
pub(super) fn file_text(display: &str, text: String) -> String {
    redact_private_keys(&text, text_kind(display)).unwrap_or(text)
}

/// A message or other text from the run (an error of cargo or git, a finding's message) with
/// private-key bodies masked.
pub fn message(text: &str) -> String {
    redact_private_keys(text, TextKind::Other).unwrap_or_else(|| text.to_string())
}

/// Masks key bodies in a finding's strings, and writes control and bidi characters (which a
/// string from the scanned code, such as a `#[path]` value, can carry into a message) as
/// `\u{..}`; notes and help may span lines.
pub fn diagnostic(d: &mut Diagnostic) {
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
