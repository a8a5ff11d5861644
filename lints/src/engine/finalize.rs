//! The last phase: the policy applied to one file's findings (inline suppressions, unused
//! suppressions, the test-code scope, levels).

use crate::diagnostic::{Diagnostic, Suppression};
use crate::fix::{Applicability, Fix, remove_line_comment};
use crate::policy::Policy;
use crate::rule::{Level, Rule};
use crate::source::LineIndex;
use crate::suppress;

use crate::report::FileReport;

/// Applies the policy to a file's findings: inline suppressions (except for `forbid` rules),
/// unused-suppression findings, the test-code scope and the levels (dropping `allow`). Findings
/// lifted by a suppression stay in the list with `suppressed` set (SARIF reports them).
pub(crate) fn finalize(
    report: &mut FileReport,
    text: &str,
    policy: &Policy,
    unused_suppression: &'static Rule,
) {
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
            let mut d = Diagnostic::new(unused_suppression, "unused suppression", dir.range.clone())
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
