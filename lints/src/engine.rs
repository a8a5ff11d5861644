//! The per-file pipeline (prefilter → parse → index → rules → suppressions), the crate-level
//! join for facts that cross files, and the final application of the policy.

use std::ops::Range;

use crate::cx::Cx;
use crate::diagnostic::{Diagnostic, Label, Suppression};
use crate::fix::{Applicability, Fix, remove_line_comment};
use crate::nesting;
use crate::outline;
use crate::parse;
use crate::policy::Policy;
use crate::prefilter::Triggers;
use crate::resolve::{Const, Value};
use crate::rule::Level;
use crate::rules::{PARSE_ERROR, RULES, UNUSED_SUPPRESSION};
use crate::sink::{PendingConst, Sink};
use crate::source::{LineIndex, prelude_len};
use crate::suppress::{self, CommentSyntax, Directive};
use crate::verifier::VerifierFacts;

/// One file to lint.
pub struct SourceFile<'a> {
    /// The path shown to the user (relative to the workspace root where possible).
    pub path: &'a str,
    /// The file's text.
    pub text: &'a str,
    /// Whether the file belongs to a test or bench target (all of it is test code).
    pub is_test_target: bool,
    /// The policy of the file's package (thresholds the rules read).
    pub policy: &'a Policy,
}

/// What linting one file produced.
#[derive(Clone, Debug, Default)]
pub struct FileReport {
    /// The file's display path.
    pub path: String,
    /// Findings, raw until [`finalize`] applies the policy.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings waiting for a constant defined in another file.
    pub pending: Vec<PendingConst>,
    /// The file's suppression comments.
    pub directives: Vec<Directive>,
    /// Whether the file sets up a TLS acceptor (settled per package by [`join_tls_acceptors`]).
    pub tls_acceptor: bool,
    /// Findings that stand only if no file of the package sets up a TLS acceptor.
    pub unless_tls_acceptor: Vec<Diagnostic>,
    /// Where the file puts `authorization` metadata on gRPC requests, if it does (settled per
    /// package by [`join_package_facts`]).
    pub grpc_authorization: Option<Range<usize>>,
    /// Findings that stand only if some file of the package puts `authorization` metadata on
    /// gRPC requests.
    pub if_grpc_authorization: Vec<Diagnostic>,
    /// Verifier impls, install sites and helpers, for [`crate::join_verifiers`].
    pub verifier_facts: VerifierFacts,
}

impl FileReport {
    /// Whether the file has, or may still get after the joins, something to show: findings,
    /// findings waiting on a package fact, or suppression comments (which can become TLS003).
    /// The binary keeps the file's text only then.
    pub fn may_report(&self) -> bool {
        !self.diagnostics.is_empty()
            || !self.pending.is_empty()
            || !self.directives.is_empty()
            || !self.unless_tls_acceptor.is_empty()
            || !self.if_grpc_authorization.is_empty()
            || !self.verifier_facts.installs.is_empty()
    }
}

/// A `const`/`static` with a literal value, as found by [`collect_consts`].
#[derive(Clone, Debug)]
pub struct ConstDef {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: Const,
    /// The display path of the file that defines it.
    pub path: String,
    /// The byte range of its name.
    pub range: Range<usize>,
}

/// Lints one file that passed the prefilter with every rule, parsing only the items its
/// trigger words need ([`outline::focus`]). Never fails: unparsable input becomes a TLS001
/// finding.
pub fn check_file(file: &SourceFile<'_>, triggers: &Triggers) -> FileReport {
    let mut report = FileReport {
        path: file.path.to_string(),
        ..FileReport::default()
    };
    nesting::with_stack(|| lint_parsed(file, triggers, &mut report));
    proc_macro2::extra::invalidate_current_thread_spans();
    report
}

fn lint_parsed(file: &SourceFile<'_>, triggers: &Triggers, report: &mut FileReport) {
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
    let parsed = match parse::parse(
        focused.as_deref().unwrap_or(body),
        triggers.lexemes.as_ref(),
    ) {
        Ok(parsed) => parsed,
        Err(failure) => {
            let range = failure.range.map_or(offset..offset, |r| {
                (r.start + offset).min(file.text.len())..(r.end + offset).min(file.text.len())
            });
            let mut d = Diagnostic::new(
                &PARSE_ERROR,
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
    .with_parsed_text(focused.as_deref().unwrap_or(body));
    let mut sink = Sink::default();
    for rule in RULES {
        if let Some(check) = rule.check {
            check(&cx, &mut sink);
        }
    }
    for d in sink
        .diagnostics
        .iter_mut()
        .chain(&mut sink.unless_tls_acceptor)
        .chain(&mut sink.if_grpc_authorization)
    {
        d.in_test_code = cx.in_test_code(d.primary.range.start);
    }
    for p in &mut sink.pending {
        p.finding.in_test_code = cx.in_test_code(p.finding.primary.range.start);
        if let Some(u) = &mut p.if_unresolved {
            u.in_test_code = p.finding.in_test_code;
        }
    }
    let lines = LineIndex::new(file.text);
    let strings: Vec<Range<usize>> = cx.strings.iter().map(|s| cx.range(*s)).collect();
    let statements = if file.text.contains(suppress::MARKER) {
        cx.statement_ranges()
    } else {
        &[]
    };
    let (mut directives, mut errors) =
        suppress::scan(file.text, &lines, &strings, statements, CommentSyntax::Rust);
    for d in &mut directives {
        d.in_test_code = cx.in_test_code(d.range.start);
    }
    for e in &mut errors {
        e.in_test_code = cx.in_test_code(e.primary.range.start);
    }
    report.diagnostics.extend(sink.diagnostics);
    report.diagnostics.extend(errors);
    report.pending = sink.pending;
    report.verifier_facts = sink.verifier_facts;
    report.directives = directives;
    report.tls_acceptor = sink.tls_acceptor;
    report.unless_tls_acceptor = sink.unless_tls_acceptor;
    report.grpc_authorization = sink.grpc_authorization;
    report.if_grpc_authorization = sink.if_grpc_authorization;
}

/// The `const`/`static` items with a literal value in one file (for cross-file resolution).
pub fn collect_consts(path: &str, text: &str) -> Vec<ConstDef> {
    let defs = nesting::with_stack(|| collect_consts_parsed(path, text));
    proc_macro2::extra::invalidate_current_thread_spans();
    defs
}

fn collect_consts_parsed(path: &str, text: &str) -> Vec<ConstDef> {
    let offset = prelude_len(text);
    let Ok(parsed) = parse::parse(&text[offset..], None) else {
        return Vec::new();
    };
    let policy = Policy::default();
    let cx = Cx::new(path, text, offset, false, &parsed, &policy);
    let mut defs = Vec::new();
    for items in cx.consts.values() {
        for item in items {
            if let Value::Const(value) = cx.resolve(item.expr).value {
                defs.push(ConstDef {
                    name: item.name.to_string(),
                    value,
                    path: path.to_string(),
                    range: cx.range(item.name),
                });
            }
        }
    }
    defs.sort_by(|a, b| (&a.name, a.range.start).cmp(&(&b.name, b.range.start)));
    defs
}

/// Settles the findings that wait for constants, once the crate's constants are known.
/// Deterministic: the first definition in `consts` order wins.
pub fn join(reports: &mut [FileReport], consts: &[ConstDef]) {
    for report in reports.iter_mut() {
        for pending in std::mem::take(&mut report.pending) {
            match consts.iter().find(|c| c.name == pending.name) {
                Some(def) if def.value == pending.dangerous => {
                    let mut finding = pending.finding;
                    finding.secondary.push(Label {
                        file: (def.path != report.path).then(|| def.path.clone()),
                        range: def.range.clone(),
                        text: format!("`{}` is defined here", def.name),
                    });
                    report.diagnostics.push(finding);
                }
                Some(_) => {}
                None => report.diagnostics.extend(pending.if_unresolved),
            }
        }
    }
}

/// Settles the facts that hold per package, once all its files are linted: a plain listener
/// (TLS603) stands only if no file sets up a TLS acceptor, and an `http://` gRPC endpoint
/// (TLS513) only if some file puts `authorization` metadata on requests (labelled there).
/// Deterministic: the first file in `reports` order that adds metadata is the one labelled.
pub fn join_package_facts(reports: &mut [FileReport]) {
    let has_acceptor = reports.iter().any(|r| r.tls_acceptor);
    let metadata = reports
        .iter()
        .find_map(|r| Some((r.path.clone(), r.grpc_authorization.clone()?)));
    for report in reports.iter_mut() {
        let held = std::mem::take(&mut report.unless_tls_acceptor);
        if !has_acceptor {
            report.diagnostics.extend(held);
        }
        let held = std::mem::take(&mut report.if_grpc_authorization);
        if let Some((path, range)) = &metadata {
            for mut d in held {
                d.secondary.push(Label {
                    file: (*path != report.path).then(|| path.clone()),
                    range: range.clone(),
                    text: "`authorization` metadata is added here".to_string(),
                });
                report.diagnostics.push(d);
            }
        }
    }
}

/// Applies the policy to a file's findings: inline suppressions (except for `forbid` rules),
/// unused-suppression findings, the test-code scope and the levels (dropping `allow`). Findings
/// lifted by a suppression stay in the list with `suppressed` set (SARIF reports them).
pub fn finalize(report: &mut FileReport, text: &str, policy: &Policy) {
    let lines = LineIndex::new(text);
    let mut diagnostics = std::mem::take(&mut report.diagnostics);
    diagnostics.sort_by_key(|d| (d.primary.range.start, d.rule.code));
    let findings: Vec<(usize, &'static str)> = diagnostics
        .iter()
        .map(|d| (lines.line_of(d.primary.range.start), d.rule.code))
        .collect();
    let covering = suppress::covering(&mut report.directives, &findings);
    for (d, dir) in diagnostics.iter_mut().zip(covering) {
        let level = policy.explicit_level(d.rule).map_or(d.level, |l| l.level);
        if let Some(dir) = dir.and_then(|i| report.directives.get(i))
            && level != Level::Forbid
        {
            d.suppressed = Some(Suppression {
                reason: dir.reason.clone(),
                at: dir.range.clone(),
            });
        }
    }
    for dir in &report.directives {
        if !dir.used {
            let names: Vec<&str> = dir.rules.iter().map(|r| r.name).collect();
            let mut d = Diagnostic::new(&UNUSED_SUPPRESSION, "unused suppression", dir.range.clone())
                .label(format!("no `{}` finding here", names.join("`, `")))
                .help("remove the comment, or move it onto the line of the finding or the line above its statement")
                // It lifts nothing, so removing it changes no finding.
                .fix(Fix::new(
                    "remove the unused suppression",
                    Applicability::MachineApplicable,
                    remove_line_comment(text, dir.range.clone()),
                ));
            d.in_test_code = dir.in_test_code;
            diagnostics.push(d);
        }
    }
    diagnostics.retain_mut(|d| {
        if d.in_test_code && !policy.include_tests {
            return false;
        }
        let (level, note) = match policy.explicit_level(d.rule) {
            Some(src) => (
                src.level,
                format!(
                    "`{}` is set to `{}` in {}",
                    d.rule.name,
                    src.level.as_str(),
                    src.origin
                ),
            ),
            None if d.level != d.rule.default_level => (
                d.level,
                format!(
                    "`{}` ({}) reports this shape at `{}` (the rule is `{}` by default)",
                    d.rule.name,
                    d.rule.code,
                    d.level.as_str(),
                    d.rule.default_level.as_str()
                ),
            ),
            None => (
                d.level,
                format!(
                    "`{}` ({}) is `{}` by default",
                    d.rule.name,
                    d.rule.code,
                    d.level.as_str()
                ),
            ),
        };
        d.level = level;
        d.notes.insert(0, note);
        level != Level::Allow
    });
    diagnostics.sort_by_key(|d| (d.primary.range.start, d.rule.code));
    report.diagnostics = diagnostics;
}
