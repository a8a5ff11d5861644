//! Where rules put their findings, kept apart from `Cx` so that iterating facts while reporting
//! needs no borrow juggling.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::facts::{Condition, Deferred, Fact, FactSite};
use crate::verifier::facts::VerifierFacts;

/// Collects the findings of the rules run on one file.
#[derive(Default)]
pub struct Sink {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) deferred: Vec<Deferred>,
    pub(crate) facts: Vec<FactSite>,
    pub(crate) verifier_facts: VerifierFacts,
}

impl Sink {
    /// Reports a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Reports a finding that stands only under `condition`, settled once the package is known.
    pub fn defer(&mut self, finding: Diagnostic, condition: Condition) {
        self.deferred.push(Deferred { finding, condition });
    }

    /// Records that this file establishes `fact` for its package, at `at` when the fact has a
    /// site worth pointing at. Only the first site of a fact in a file is kept.
    pub fn establish(&mut self, fact: &'static Fact, at: Option<Range<usize>>) {
        if !self.facts.iter().any(|s| std::ptr::eq(s.fact, fact)) {
            self.facts.push(FactSite { fact, at });
        }
    }
}
