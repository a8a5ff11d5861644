//! Package facts and deferred findings: what one file establishes for every file of its package
//! (it sets up a TLS acceptor, it adds `authorization` metadata to gRPC requests), and findings
//! that stand or fall with such a fact, or with the value of a constant defined in another file.
//! Rules declare the facts they need as `static`s; the engine joins them per package
//! (`engine::package_facts`) without knowing any of them.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::value::Const;

/// A fact a file can establish for its whole package, declared as a `static` by the rule that
/// needs it (two facts are the same fact only if they are the same `static`).
#[derive(Debug)]
pub struct Fact {
    /// What the fact says of the package, e.g. "sets up a TLS acceptor".
    pub name: &'static str,
    /// The label put on the site that establishes the fact when a finding stands because of it.
    pub label: &'static str,
}

impl Fact {
    /// Whether the two are the same fact (the same `static`).
    pub fn is(&'static self, other: &'static Fact) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Where a file establishes a fact.
#[derive(Clone, Debug)]
pub struct FactSite {
    /// The fact.
    pub fact: &'static Fact,
    /// Where, when the fact has one site worth pointing at.
    pub at: Option<Range<usize>>,
}

/// When a deferred finding stands.
#[derive(Clone, Debug)]
pub enum Condition {
    /// Only if no file of the package establishes the fact.
    Without(&'static Fact),
    /// Only if some file of the package establishes the fact; the first site is labelled.
    With(&'static Fact),
    /// Only if the constant `name`, defined in another file of the package, has the value
    /// `dangerous`; when no constant of that name is found, `if_unresolved` is reported instead.
    Constant {
        /// The constant's name.
        name: String,
        /// The value that makes the finding real.
        dangerous: Const,
        /// The finding to report when the constant is not found.
        if_unresolved: Option<Box<Diagnostic>>,
    },
}

/// A finding that waits for a fact of the package.
#[derive(Clone, Debug)]
pub struct Deferred {
    /// The finding.
    pub finding: Diagnostic,
    /// When it stands.
    pub condition: Condition,
}

impl Deferred {
    /// Marks the finding (and its unresolved alternative) as in test code or not.
    pub(crate) fn set_in_test_code(&mut self, in_test_code: bool) {
        self.finding.in_test_code = in_test_code;
        if let Condition::Constant {
            if_unresolved: Some(u),
            ..
        } = &mut self.condition
        {
            u.in_test_code = in_test_code;
        }
    }
}
