//! Package facts ([`crate::facts`]): findings deferred on a fact stand or fall once every file of
//! the package is checked.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Label};
use crate::facts::{Condition, Deferred, Fact};

use crate::report::FileReport;

/// The facts the package's files establish, each with the first place that does (the first
/// file in `reports` order that establishes it is the one labelled).
pub(crate) struct Established {
    first: Vec<(&'static Fact, String, Option<Range<usize>>)>,
}

impl Established {
    /// The facts of the package's `reports`.
    pub(crate) fn of(reports: &[FileReport]) -> Established {
        let mut first: Vec<(&'static Fact, String, Option<Range<usize>>)> = Vec::new();
        for report in reports {
            for site in &report.facts {
                if !first.iter().any(|(f, ..)| f.is(site.fact)) {
                    first.push((site.fact, report.path.clone(), site.at.clone()));
                }
            }
        }
        Established { first }
    }

    fn find(&self, fact: &'static Fact) -> Option<&(&'static Fact, String, Option<Range<usize>>)> {
        self.first.iter().find(|(f, ..)| f.is(fact))
    }

    /// Settles a finding of the file `path` deferred on a fact ([`Condition::Without`] or
    /// [`Condition::With`]).
    pub(crate) fn settle(&self, d: Deferred, path: &str) -> Option<Diagnostic> {
        match d.condition {
            Condition::Without(fact) => self.find(fact).is_none().then_some(d.finding),
            Condition::With(fact) => {
                let (fact, at_path, at) = self.find(fact)?;
                let mut finding = d.finding;
                if let Some(at) = at {
                    finding.secondary.push(Label::seen_from(
                        path,
                        at_path,
                        at.clone(),
                        fact.label.to_string(),
                    ));
                }
                Some(finding)
            }
            Condition::Constant { .. }
            | Condition::Parameter { .. }
            | Condition::Field { .. }
            | Condition::CalledUnder { .. } => None,
        }
    }
}
