//! The per-file phase: prefilter hits → outline → parse → index ([`Cx`]) → every rule →
//! suppression comments.

use std::ops::Range;

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::CheckFn;
use crate::nesting;
use crate::outline;
use crate::parse;
use crate::prefilter::Triggers;
use crate::rule::Rule;
use crate::sink::Sink;
use crate::source::{LineIndex, prelude_len};
use crate::suppress::{self, CommentSyntax};
use crate::toggle;

use super::SourceFile;

/// What the engine hands over for one file: the rules' checks, and the rules it reports itself.
pub(super) struct Checks<'r, I> {
    /// The per-file checks of the rules, in registry order.
    pub file: I,
    /// `(rule, runtime rule)` of the setting rules, for the sinks the policy declares.
    pub runtime_rules: &'r [(&'static Rule, &'static Rule)],
    /// The rule an unparsable file is reported under.
    pub unparsable: &'static Rule,
    /// The rules suppression comments are read against.
    pub suppress: suppress::Rules<'r>,
}
use crate::report::FileReport;

/// Lints one file that passed the prefilter with every rule, parsing only the items its
/// trigger words need ([`outline::focus`]). Never fails: unparsable input becomes a TLS001
/// finding.
pub(super) fn check_file(
    file: &SourceFile<'_>,
    triggers: &Triggers,
    checks: Checks<'_, impl Iterator<Item = CheckFn>>,
) -> FileReport {
    let mut report = FileReport {
        path: file.path.to_string(),
        ..FileReport::default()
    };
    nesting::with_stack(|| lint_parsed(file, triggers, checks, &mut report));
    proc_macro2::extra::invalidate_current_thread_spans();
    report
}

fn lint_parsed(
    file: &SourceFile<'_>,
    triggers: &Triggers,
    checks: Checks<'_, impl Iterator<Item = CheckFn>>,
    report: &mut FileReport,
) {
    let offset = prelude_len(file.text);
    let body = &file.text[offset..];
    let focused = match &triggers.lexemes {
        Some(lexemes) if !triggers.whole_file => {
            let local: Vec<usize> = triggers
                .offsets
                .iter()
                .filter_map(|t| t.checked_sub(offset))
                .collect();
            outline::focus(body, lexemes, &local)
        }
        _ => None,
    };
    let parsed_text = focused.as_deref().unwrap_or(body);
    let size = code_size(parsed_text, file.policy.max_parse_size);
    if size > file.policy.max_parse_size {
        let mut d = Diagnostic::new(
            checks.unparsable,
            format!(
                "cannot lint `{}`: the items that may hold a finding are {}, over the `max-parse-size` of {}",
                file.path,
                bytes(size),
                bytes(file.policy.max_parse_size)
            ),
            first_trigger(triggers, offset),
        )
        .label("the first trigger word, which makes the file need parsing")
        .note("very large files are usually generated; the rest of the workspace is still linted")
        .help("raise `max-parse-size` in the policy to lint this file");
        d.in_test_code = file.is_test_target;
        report.diagnostics.push(d);
        return;
    }
    let parsed = match parse::parse(parsed_text, triggers.lexemes.as_ref()) {
        Ok(parsed) => parsed,
        Err(failure) => {
            let range = failure.range.map_or(offset..offset, |r| {
                (r.start + offset).min(file.text.len())..(r.end + offset).min(file.text.len())
            });
            let mut d = Diagnostic::new(
                checks.unparsable,
                format!("cannot parse `{}`: {}", file.path, failure.reason),
                range,
            )
            .label("the file is not linted because of this error")
            .note("the rest of the workspace is still linted");
            d.in_test_code = file.is_test_target;
            report.diagnostics.push(d);
            return;
        }
    };
    let cx = Cx::new(
        file.path,
        file.text,
        offset,
        file.is_test_target,
        &parsed,
        file.policy,
    )
    .with_lexemes(triggers.lexemes.as_ref())
    .with_parsed_text(parsed_text);
    let mut sink = Sink::default();
    for check in checks.file {
        check(&cx, &mut sink);
    }
    toggle::check_declared(&cx, &mut sink, &file.policy.sinks, checks.runtime_rules);
    for d in &mut sink.diagnostics {
        d.in_test_code = cx.in_test_code(d.primary.range.start);
    }
    for d in &mut sink.deferred {
        d.set_in_test_code(cx.in_test_code(d.finding.primary.range.start));
    }
    let lines = LineIndex::new(file.text);
    let strings: Vec<Range<usize>> = cx.strings.iter().map(|s| cx.range(*s)).collect();
    let statements = if file.text.contains(suppress::MARKER) {
        cx.statement_ranges()
    } else {
        &[]
    };
    let (mut directives, mut errors) = suppress::scan(
        file.text,
        &lines,
        &strings,
        statements,
        CommentSyntax::Rust,
        &checks.suppress,
    );
    for d in &mut directives {
        d.in_test_code = cx.in_test_code(d.range.start);
    }
    for e in &mut errors {
        e.in_test_code = cx.in_test_code(e.primary.range.start);
    }
    report.diagnostics.extend(sink.diagnostics);
    report.diagnostics.extend(errors);
    report.deferred = sink.deferred;
    report.facts = sink.facts;
    report.verifier_facts = sink.verifier_facts;
    report.directives = directives;
}

/// The bytes of `text` other than ASCII whitespace (blanked items are spaces), counted only when
/// the whole text is over `cap` (below it, its length is enough to know it fits).
fn code_size(text: &str, cap: usize) -> usize {
    if text.len() <= cap {
        return text.len();
    }
    text.bytes().filter(|b| !b.is_ascii_whitespace()).count()
}

/// A size for a message: bytes, KiB or MiB.
fn bytes(n: usize) -> String {
    match n {
        0..1024 => format!("{n} bytes"),
        1024..1_048_576 => format!("{:.1} KiB", n as f64 / 1024.0),
        _ => format!("{:.1} MiB", n as f64 / 1_048_576.0),
    }
}

/// The token holding the first trigger word (file offsets), or the start of the file.
fn first_trigger(triggers: &Triggers, offset: usize) -> Range<usize> {
    let Some(&at) = triggers.offsets.first() else {
        return 0..0;
    };
    let local = at.saturating_sub(offset);
    triggers
        .lexemes
        .as_ref()
        .and_then(|l| l.tokens().iter().find(|(_, r)| r.contains(&local)))
        .map_or(at..at, |(_, r)| r.start + offset..r.end + offset)
}
