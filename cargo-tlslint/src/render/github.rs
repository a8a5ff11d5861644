//! GitHub Actions workflow commands: one `::error`/`::warning` line per finding, escaped as
//! actions/toolkit does, with columns only when the finding is on one line. The human report is
//! printed separately for the log.

use std::path::Path;

use tlslint_lints::Diagnostic;

use super::{FileFindings, ci};

/// The annotation lines for all unsuppressed findings. Paths are relative to `GITHUB_WORKSPACE`
/// when it is set.
pub fn render(files: &[FileFindings], root: &Path) -> String {
    let mut out = String::new();
    for file in files {
        let path = ci::relative_to_env(root, &file.display, "GITHUB_WORKSPACE");
        for d in file.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            out.push_str(&annotation(d, file, &path));
            out.push('\n');
        }
    }
    out
}

fn annotation(d: &Diagnostic, file: &FileFindings, path: &str) -> String {
    let command = if d.level.is_error() {
        "error"
    } else {
        "warning"
    };
    let mut props = vec![format!("file={}", escape_property(path))];
    if let Some(text) = &file.text {
        let (start, end) = text.positions(&d.primary.range);
        props.push(format!("line={}", start.line));
        props.push(format!("endLine={}", end.line));
        if start.line == end.line {
            props.push(format!("col={}", start.col));
            props.push(format!("endColumn={}", end.col));
        }
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("{} {}", d.rule.code, d.rule.name))
    ));
    let mut message = d.message.clone();
    if !d.primary.text.is_empty() {
        message.push_str(&format!(": {}", d.primary.text));
    }
    for n in &d.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    for h in &d.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    format!("::{command} {}::{}", props.join(","), escape_data(&message))
}

/// Escapes a command's message as actions/toolkit does (`%`, `\r`, `\n`), and writes every other
/// control character and bidi control as `\u{..}`: an escape, a NUL or a right-to-left override
/// in an annotation would reach the checks page raw.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => crate::plan::push_shown_char(&mut out, c),
        }
    }
    out
}

/// The human report for the job log, between `::stop-commands::TOKEN` and `::TOKEN::`: no line
/// of it — a source line holding `::add-mask::` or `##[error]`, a file name with a newline — is
/// taken as a workflow command. The token is random, so the scanned code cannot end the quote.
pub fn quoted_log(report: &str) -> String {
    if report.is_empty() {
        return String::new();
    }
    let token = random_token();
    let mut out = format!("::stop-commands::{token}\n{report}");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&format!("::{token}::\n"));
    out
}

/// 128 random bits as hex, from the keys the standard library draws from the operating system
/// for each `RandomState`.
fn random_token() -> String {
    use std::hash::BuildHasher;
    let a = std::collections::hash_map::RandomState::new().hash_one(std::process::id());
    let b = std::collections::hash_map::RandomState::new().hash_one(a);
    format!("tlslint-{a:016x}{b:016x}")
}

/// Escapes a property value (`file`, `title`) as actions/toolkit does.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_findings_have_no_columns() {
        let text = "fn f() {\n    a(\n        b)\n}\n";
        let d = Diagnostic::new(
            tlslint_lints::Engine::unparsable_rule(),
            "msg, with: 100%",
            13..26,
        );
        let store = crate::store::SourceStore::default();
        store.add_text("src/a,b.rs", text.into());
        let file = FileFindings::new(
            "src/a,b.rs".into(),
            std::path::PathBuf::new(),
            store.shown("src/a,b.rs"),
            vec![d],
        );
        let line = render(std::slice::from_ref(&file), Path::new("/ws"));
        assert_eq!(
            line,
            "::warning file=src/a%2Cb.rs,line=2,endLine=3,title=TLS001 parse_error::msg, with: 100%25\n"
        );
        let mut one = file;
        one.diagnostics[0].primary.range = 13..14;
        let line = render(std::slice::from_ref(&one), Path::new("/ws"));
        assert!(
            line.contains("line=2,endLine=2,col=5,endColumn=6,"),
            "{line}"
        );
    }

    #[test]
    fn escapes_like_actions_toolkit() {
        assert_eq!(escape_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn control_and_bidi_characters_are_shown_escaped() {
        assert_eq!(
            escape_data("a\u{1b}[31mb\0c\u{202e}d\u{2066}"),
            "a\\u{1b}[31mb\\u{0}c\\u{202e}d\\u{2066}"
        );
    }

    #[test]
    fn the_report_is_quoted_with_a_fresh_token() {
        let report = "error[TLS101]: x\n  |     // ::add-mask::secret\n";
        let quoted = quoted_log(report);
        let lines: Vec<&str> = quoted.lines().collect();
        let token = lines[0]
            .strip_prefix("::stop-commands::")
            .expect("starts by stopping commands");
        assert!(token.len() >= 32, "{token}");
        assert_eq!(lines.last(), Some(&format!("::{token}::").as_str()));
        assert!(quoted.contains(report));
        assert_ne!(quoted_log(report), quoted, "a new token every time");
        assert_eq!(quoted_log(""), "");
    }
}
