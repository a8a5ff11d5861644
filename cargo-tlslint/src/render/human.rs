//! rustc's layout, rendered with annotate-snippets: `error[TLS101]: …`, `--> path:line:col`, the
//! labelled source, `= note:` and `= help:` lines; and rustc's one-line `short` form.

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Origin, Renderer, Snippet};
use std::ops::Range;

use tlslint_lints::{Diagnostic, Label};

use super::{Counts, FileFindings, SourceStore, suggestion};

/// How to render.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// One line per finding.
    pub short: bool,
    /// `LL` instead of line numbers in the gutter (ui tests).
    pub anonymize_line_numbers: bool,
}

/// Renders one finding.
pub fn render(d: &Diagnostic, file: &FileFindings, sources: &SourceStore, style: Style) -> String {
    let level = if d.level.is_error() {
        SnippetLevel::ERROR
    } else {
        SnippetLevel::WARNING
    };
    let title = level.primary_title(d.message.as_str()).id(d.rule.code);
    let mut group = match &file.text {
        Some(text) => {
            let own: Vec<&Label> = std::iter::once(&d.primary)
                .chain(d.secondary.iter().filter(|l| l.file.is_none()))
                .collect();
            let (window, line_start) = text.window(own.iter().map(|l| &l.range));
            let mut snippet = Snippet::source(&text[window.clone()])
                .line_start(line_start)
                .path(file.display.as_str());
            for (i, label) in own.iter().enumerate() {
                let kind = if i == 0 {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                };
                snippet = snippet.annotation(
                    kind.span(shifted(text, &label.range, &window))
                        .label(non_empty(&label.text)),
                );
            }
            title.element(snippet)
        }
        None => title.element(Origin::path(file.display.as_str())),
    };
    let mut others: Vec<&str> = Vec::new();
    for path in d.secondary.iter().filter_map(|l| l.file.as_deref()) {
        if !others.contains(&path) {
            others.push(path);
        }
    }
    let mut other_windows = Vec::new();
    for path in others {
        let Some(text) = sources.shown(path) else {
            continue;
        };
        let labels: Vec<&Label> = d
            .secondary
            .iter()
            .filter(|l| l.file.as_deref() == Some(path))
            .collect();
        let (window, line_start) = text.window(labels.iter().map(|l| &l.range));
        let spans: Vec<_> = labels
            .iter()
            .map(|l| (shifted(&text, &l.range, &window), l.text.as_str()))
            .collect();
        other_windows.push((path, text[window].to_string(), line_start, spans));
    }
    for (path, window, line_start, spans) in &other_windows {
        let mut snippet = Snippet::source(window.as_str())
            .line_start(*line_start)
            .path(*path);
        for (range, label) in spans {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(range.clone())
                    .label(non_empty(label)),
            );
        }
        group = group.element(snippet);
    }
    for note in &d.notes {
        group = group.element(SnippetLevel::NOTE.message(note.as_str()));
    }
    for help in &d.help {
        group = group.element(SnippetLevel::HELP.message(help.as_str()));
    }
    let mut groups = vec![group];
    if let Some(text) = &file.text {
        groups.extend(suggestion::human_groups(d, text, &file.display));
    }
    renderer(style).render(&groups)
}

fn renderer(style: Style) -> Renderer {
    let r = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    r.short_message(style.short)
        .anonymized_snippet_line_numbers(style.anonymize_line_numbers)
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// `range` clamped to `text` and to character boundaries, relative to `window` (which holds it).
fn shifted(text: &str, range: &Range<usize>, window: &Range<usize>) -> Range<usize> {
    let r = clamp(text, range);
    r.start - window.start..r.end - window.start
}

fn clamp(text: &str, range: &Range<usize>) -> Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Renders every unsuppressed finding of every file, each followed by a blank line (rustc's
/// spacing) in the long form.
pub fn render_all<'f>(
    files: impl IntoIterator<Item = &'f FileFindings>,
    sources: &SourceStore,
    style: Style,
) -> String {
    let mut out = String::new();
    for file in files {
        for d in file.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            out.push_str(&render(d, file, sources, style));
            out.push('\n');
            if !style.short {
                out.push('\n');
            }
        }
    }
    out
}

/// The closing line: `error: tlslint found 2 errors and 1 warning`.
pub fn summary(counts: Counts, style: Style) -> Option<String> {
    if counts.errors == 0 && counts.warnings == 0 {
        return None;
    }
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let (level, text) = match (counts.errors, counts.warnings) {
        (0, w) => (
            SnippetLevel::WARNING,
            format!("tlslint found {}", plural(w, "warning")),
        ),
        (e, 0) => (
            SnippetLevel::ERROR,
            format!("tlslint found {}", plural(e, "error")),
        ),
        (e, w) => (
            SnippetLevel::ERROR,
            format!(
                "tlslint found {} and {}",
                plural(e, "error"),
                plural(w, "warning")
            ),
        ),
    };
    Some(renderer(style).render(&[Group::with_title(level.primary_title(text))]))
}
