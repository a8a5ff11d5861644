//! cargo's JSON message format: one `compiler-message` object per line, then `build-finished`,
//! so `cargo_metadata::Message` readers (rust-analyzer, editors) understand it.

use serde_json::{Value, json};
use tlslint_lints::{Diagnostic, Fix, Label};

use super::{FileFindings, SourceStore, Text, human};
use crate::plan::CargoTarget;

/// The package and target a message is about: the file's cargo target, or, for a file of no
/// known package, its manifest alone (the message then has an empty `package_id` and a `lib`
/// target without a name whose `src_path` is the file).
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    /// The cargo target the file belongs to.
    Target(&'a CargoTarget),
    /// No package known: the manifest to name.
    Manifest(&'a str),
}

/// Renders one finding as a cargo `compiler-message` line.
pub fn message(
    d: &Diagnostic,
    file: &FileFindings,
    sources: &SourceStore,
    origin: Origin<'_>,
) -> String {
    let style = human::Style {
        color: false,
        short: false,
        anonymize_line_numbers: false,
    };
    message_styled(d, file, sources, origin, style)
}

/// Renders one finding as a cargo `compiler-message` line, its `rendered` text in `style`: ANSI
/// colours (`--message-format json-diagnostic-rendered-ansi`), the one-line form
/// (`json-diagnostic-short`).
pub fn message_styled(
    d: &Diagnostic,
    file: &FileFindings,
    sources: &SourceStore,
    origin: Origin<'_>,
    style: human::Style,
) -> String {
    let rendered = human::render(d, file, sources, style);
    let mut spans = Vec::new();
    if let Some(text) = &file.text {
        spans.push(span(text, &file.display, &d.primary, true));
        for l in d.secondary.iter().filter(|l| l.file.is_none()) {
            spans.push(span(text, &file.display, l, false));
        }
    }
    for l in &d.secondary {
        if let Some(path) = &l.file
            && let Some(text) = sources.shown(path)
        {
            spans.push(span(&text, path, l, false));
        }
    }
    let mut children: Vec<Value> = d
        .notes
        .iter()
        .map(|n| child("note", n))
        .chain(d.help.iter().map(|h| child("help", h)))
        .collect();
    if let Some(text) = &file.text {
        children.extend(
            d.fixes
                .iter()
                .map(|fix| json_child(fix, text, &file.display)),
        );
    }
    let level = if d.level.is_error() {
        "error"
    } else {
        "warning"
    };
    let (package_id, manifest_path, target) = match origin {
        Origin::Target(t) => (
            t.package_id.as_str(),
            t.manifest_path.display().to_string(),
            serde_json::to_value(&t.target).unwrap_or(Value::Null),
        ),
        Origin::Manifest(manifest) => {
            let src_path = if file.path.as_os_str().is_empty() {
                file.display.clone()
            } else {
                file.path.display().to_string()
            };
            let target = json!({ "kind": ["lib"], "crate_types": ["lib"], "name": "", "src_path": src_path, "edition": "2024", "doc": false, "doctest": false, "test": false });
            ("", manifest.to_string(), target)
        }
    };
    json!({
        "reason": "compiler-message",
        "package_id": package_id,
        "manifest_path": manifest_path,
        "target": target,
        "message": {
            "$message_type": "diagnostic",
            "message": d.message,
            "code": { "code": d.rule.code, "explanation": null },
            "level": level,
            "spans": spans,
            "children": children,
            "rendered": format!("{rendered}\n"),
        }
    })
    .to_string()
}

fn child(level: &str, text: &str) -> Value {
    json!({ "message": text, "code": null, "level": level, "spans": [], "children": [], "rendered": null })
}

/// rustc's JSON span of `label` in `text` (the file `file_name`), without a suggestion.
pub(super) fn span(text: &Text, file_name: &str, label: &Label, primary: bool) -> Value {
    let (start, end) = text.positions(&label.range);
    let line_text: Vec<Value> = (start.line..=end.line)
        .map_while(|line| text.line(line))
        .enumerate()
        .map(|(i, line)| {
            let hs = if i == 0 { start.col } else { 1 };
            let he = if start.line + i == end.line {
                end.col
            } else {
                line.chars().count() + 1
            };
            json!({ "text": line, "highlight_start": hs, "highlight_end": he })
        })
        .collect();
    json!({
        "file_name": file_name,
        "byte_start": label.range.start,
        "byte_end": label.range.end,
        "line_start": start.line,
        "line_end": end.line,
        "column_start": start.col,
        "column_end": end.col,
        "is_primary": primary,
        "label": if label.text.is_empty() { Value::Null } else { Value::String(label.text.clone()) },
        "suggested_replacement": null,
        "suggestion_applicability": null,
        "expansion": null,
        "text": line_text,
    })
}

/// The closing `build-finished` line.
pub fn finished(success: bool) -> String {
    json!({ "reason": "build-finished", "success": success }).to_string()
}

/// rustc's JSON child for one fix: a `help` message whose spans are the edits, each with its
/// replacement and the fix's applicability.
fn json_child(fix: &Fix, text: &Text, file_name: &str) -> Value {
    let spans: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            let label = Label {
                file: None,
                range: e.range.clone(),
                text: String::new(),
            };
            let mut span = span(text, file_name, &label, true);
            span["suggested_replacement"] = json!(e.replacement);
            span["suggestion_applicability"] = json!(fix.applicability.as_str());
            span
        })
        .collect();
    json!({ "message": fix.message, "code": null, "level": "help", "spans": spans, "children": [], "rendered": null })
}
