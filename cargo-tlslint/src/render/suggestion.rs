//! A finding's fixes in each output format, as rustc and SARIF consumers expect them: rustc's
//! `help:` suggestion blocks with `-`/`+`/`~` diff lines (annotate-snippets patches), the JSON
//! `help` children whose spans carry `suggested_replacement` and `suggestion_applicability`
//! (what rustfix, `cargo fix` and rust-analyzer apply), and SARIF `fixes`.

use annotate_snippets::{Group, Level as SnippetLevel, Patch, Snippet};
use serde_json::{Value, json};
use tlslint_lints::Diagnostic;

use super::Text;

/// One `help:` group per fix of `d`, showing the patched lines of `text` (the file shown as
/// `path`).
pub fn human_groups<'a>(d: &'a Diagnostic, text: &'a Text, path: &'a str) -> Vec<Group<'a>> {
    d.fixes
        .iter()
        .filter(|fix| fix.fits(text))
        .map(|fix| {
            // The lines the edits touch, so that a file with many fixes is not handed to the
            // renderer whole for each one.
            let (window, line_start) = text.window(fix.edits.iter().map(|e| &e.range));
            let patches = fix.edits.iter().map(move |e| {
                Patch::new(
                    e.range.start - window.start..e.range.end - window.start,
                    e.replacement.as_str(),
                )
            });
            Group::with_title(SnippetLevel::HELP.secondary_title(fix.message.as_str())).element(
                Snippet::source(&text[window.clone()])
                    .line_start(line_start)
                    .path(path)
                    .patches(patches),
            )
        })
        .collect()
}

/// SARIF `fixes` for `d` in the file at `uri`: one per fix, each one `artifactChange` whose
/// replacements delete a region (columns in code points, as the run's `columnKind` says) and
/// insert the replacement; the applicability is kept as a property.
pub fn sarif_fixes(d: &Diagnostic, text: &Text, uri: &str) -> Value {
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .map(|fix| {
            let replacements: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    let (start, end) = text.positions(&e.range);
                    json!({
                        "deletedRegion": { "startLine": start.line, "startColumn": start.col, "endLine": end.line, "endColumn": end.col },
                        "insertedContent": { "text": e.replacement },
                    })
                })
                .collect();
            json!({
                "description": { "text": fix.message },
                "artifactChanges": [{ "artifactLocation": { "uri": uri }, "replacements": replacements }],
                "properties": { "applicability": fix.applicability.as_str() },
            })
        })
        .collect();
    json!(fixes)
}
