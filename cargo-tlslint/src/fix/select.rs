//! Which fixes of a file's findings to apply: the preferred fix of each unsuppressed finding that
//! the chosen applicability allows, in the order of the findings. A fix whose edits overlap an
//! edit already chosen is skipped (the first one wins), unless its edits are the very same (two
//! findings on one token, such as TLS301 and TLS302 on `mozilla_intermediate`).

use tlslint_lints::{Applicability, Diagnostic, Edit};

/// The edits chosen for one file, and what was left out.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The edits to apply, not overlapping, in the order chosen.
    pub edits: Vec<Edit>,
    /// The findings whose fix is among the edits, by position in the list given.
    pub fixed: Vec<usize>,
    /// Findings whose fix overlaps an earlier one and was skipped.
    pub overlapping: usize,
    /// Findings with a fix only `--unsafe-fixes` would apply.
    pub hidden: usize,
}

/// Chooses the fixes to apply among `diagnostics` (one file's), allowing fixes up to
/// `allowed` (`MachineApplicable`, or also `MaybeIncorrect`).
pub fn select<'d>(
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    allowed: Applicability,
) -> Selection {
    let mut chosen = Selection::default();
    for (i, d) in diagnostics.into_iter().enumerate() {
        if d.suppressed.is_some() {
            continue;
        }
        let Some(fix) = d.fixes.iter().find(|f| f.applicability <= allowed) else {
            chosen.hidden += usize::from(!d.fixes.is_empty());
            continue;
        };
        let already = fix.edits.iter().all(|e| chosen.edits.contains(e));
        let clashes = fix
            .edits
            .iter()
            .any(|e| chosen.edits.iter().any(|c| c.overlaps(e)));
        if already {
            chosen.fixed.push(i);
        } else if clashes {
            chosen.overlapping += 1;
        } else {
            chosen.edits.extend(fix.edits.iter().cloned());
            chosen.fixed.push(i);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use tlslint_lints::{Fix, RULES};

    fn finding(fixes: Vec<Fix>) -> Diagnostic {
        let mut d = Diagnostic::new(RULES[3], "m", 0..1);
        d.fixes = fixes;
        d
    }

    fn fix(range: std::ops::Range<usize>, to: &str, applicability: Applicability) -> Fix {
        Fix::new("f", applicability, Edit::replace(range, to))
    }

    #[test]
    fn first_wins_same_edits_count_once_and_unsafe_is_hidden() {
        let safe = Applicability::MachineApplicable;
        let maybe = Applicability::MaybeIncorrect;
        let findings = vec![
            finding(vec![fix(10..14, "false", safe), fix(0..20, "", maybe)]),
            finding(vec![fix(10..14, "false", safe)]),
            finding(vec![fix(12..13, "x", safe)]),
            finding(vec![fix(30..31, "y", maybe)]),
            finding(Vec::new()),
        ];
        let s = select(&findings, safe);
        assert_eq!(s.edits, vec![Edit::replace(10..14, "false")]);
        assert_eq!((s.fixed, s.overlapping, s.hidden), (vec![0, 1], 1, 1));
        let s = select(&findings, maybe);
        assert_eq!(s.edits.len(), 2);
        assert_eq!((s.fixed, s.overlapping, s.hidden), (vec![0, 1, 3], 1, 0));
    }

    #[test]
    fn suppressed_findings_are_not_fixed() {
        let mut d = finding(vec![fix(0..1, "x", Applicability::MachineApplicable)]);
        d.suppressed = Some(tlslint_lints::Suppression {
            reason: "reason".into(),
            at: 0..0,
        });
        assert_eq!(
            select([&d], Applicability::MaybeIncorrect),
            Selection::default()
        );
    }
}
