//! What linting one file produced: plain data handed from phase to phase of the engine.

use crate::diagnostic::Diagnostic;
use crate::facts::{Deferred, FactSite};
use crate::suppress::Directive;
use crate::verifier::facts::VerifierFacts;

/// What linting one file produced.
#[derive(Clone, Debug, Default)]
pub struct FileReport {
    /// The file's display path.
    pub path: String,
    /// Findings, raw until `Engine::finalize` applies the policy.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings waiting for a fact of the package or a constant of another file (settled by
    /// `Engine::finish_package`).
    pub deferred: Vec<Deferred>,
    /// The package facts the file establishes.
    pub facts: Vec<FactSite>,
    /// The file's suppression comments.
    pub directives: Vec<Directive>,
    /// Verifier impls, install sites and helpers (settled by `Engine::finish_run`).
    pub verifier_facts: VerifierFacts,
}

impl FileReport {
    /// Whether the file has, or may still get in a later phase, something to show: findings,
    /// deferred findings, verifier install sites, or suppression comments (which can become
    /// TLS003). The caller needs the file's text for the last phase only then.
    pub fn may_report(&self) -> bool {
        !self.diagnostics.is_empty()
            || !self.deferred.is_empty()
            || !self.directives.is_empty()
            || !self.verifier_facts.installs.is_empty()
    }
}
