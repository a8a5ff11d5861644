//! The per-package join of [`crate::facts`]: findings deferred on a fact stand or fall once every
//! file of the package is checked.

use std::ops::Range;

use crate::diagnostic::Label;
use crate::facts::{Condition, Fact};

use crate::report::FileReport;

/// Settles the findings deferred on facts, once every file of the package is checked.
/// Deterministic: the first file in `reports` order that establishes a fact is the one labelled.
pub(crate) fn join(reports: &mut [FileReport]) {
    let mut first: Vec<(&'static Fact, String, Option<Range<usize>>)> = Vec::new();
    for report in reports.iter() {
        for site in &report.facts {
            if !first.iter().any(|(f, ..)| f.is(site.fact)) {
                first.push((site.fact, report.path.clone(), site.at.clone()));
            }
        }
    }
    let established = |fact: &'static Fact| first.iter().find(|(f, ..)| f.is(fact));
    for report in reports.iter_mut() {
        let deferred = std::mem::take(&mut report.deferred);
        for d in deferred {
            match d.condition {
                Condition::Without(fact) => {
                    if established(fact).is_none() {
                        report.diagnostics.push(d.finding);
                    }
                }
                Condition::With(fact) => {
                    if let Some((fact, path, at)) = established(fact) {
                        let mut finding = d.finding;
                        if let Some(at) = at {
                            finding.secondary.push(Label {
                                file: (*path != report.path).then(|| path.clone()),
                                range: at.clone(),
                                text: fact.label.to_string(),
                            });
                        }
                        report.diagnostics.push(finding);
                    }
                }
                Condition::Constant { .. } | Condition::Parameter { .. } => report.deferred.push(d),
            }
        }
    }
}
