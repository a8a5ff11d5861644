//! GitHub Actions workflow commands: one `::error`/`::warning` line per finding, escaped as
//! actions/toolkit does, with columns only when the finding is on one line. The human report is
//! printed separately for the log.

use std::path::Path;

use tlslint_lints::Diagnostic;

use super::{FileFindings, ci, span_positions};

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
        let (start, end) = span_positions(text, &d.primary.range);
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

/// Escapes a command's message as actions/toolkit does.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
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
            &tlslint_lints::rules::PARSE_ERROR,
            "msg, with: 100%",
            13..26,
        );
        let file = FileFindings {
            display: "src/a,b.rs".into(),
            text: Some(text.into()),
            diagnostics: vec![d],
        };
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
}
