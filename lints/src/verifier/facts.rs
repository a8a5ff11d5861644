//! What one file contributes to the verifier join, as owned data: the verdict on each verifier
//! impl, each install site, each helper that returns a verifier, and the rules the install sites
//! are reported under. No syn value is kept, so the facts cross threads and outlive the file.

use std::ops::Range;

use crate::diagnostic::Label;
use crate::facts::{Function, GuardWait};
use crate::rule::Rule;
pub use crate::verdict::{ExternalVerifier, Side, Verdict};

/// A verifier impl found in a file.
#[derive(Clone, Debug)]
pub struct VerifierFact {
    /// The implementing type's name (`NoVerifier`).
    pub name: String,
    /// Which peer it checks.
    pub side: Side,
    /// What it does.
    pub verdict: Verdict,
    /// The display path of its file.
    pub path: String,
    /// The byte range of the type's name in the impl header.
    pub range: Range<usize>,
    /// The 1-based line of the impl.
    pub line: usize,
    /// Whether the impl is test code (a test target, a `#[cfg(test)]` module).
    pub in_test_code: bool,
}

/// What an install site installs, as far as the file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstallTarget {
    /// A value of this type (the path after `use` expansion; the last segment is the name).
    Type(Vec<String>),
    /// The result of a function of this name (a helper returning `Arc<dyn ServerCertVerifier>`).
    Helper(String),
}

/// A call that installs a verifier (`with_custom_certificate_verifier(…)`).
#[derive(Clone, Debug)]
pub struct InstallFact {
    /// What it installs.
    pub target: InstallTarget,
    /// Which kind of verifier the call takes.
    pub side: Side,
    /// The byte range of the call's method name.
    pub range: Range<usize>,
    /// The byte range of the argument.
    pub arg: Range<usize>,
    /// The condition decided at run time that the call runs under, when it does not run
    /// whenever its function does (`if insecure { config.dangerous()… }`).
    pub guard: Option<InstallGuard>,
    /// Whether the call is test code.
    pub in_test_code: bool,
    /// The private function the call is made in, whenever that function runs: where the package
    /// calls it decides whether the install is a run-time choice.
    pub called_in: Option<Function>,
}

/// The condition decided at run time that an install runs under.
#[derive(Clone, Debug)]
pub struct InstallGuard {
    /// The byte range of the expression that decides it (the `if` condition, the matched value).
    pub range: Range<usize>,
    /// The file of that expression, when it is not the install's (a caller of its function).
    pub file: Option<String>,
    /// The calls of the install's function through which the condition is reached, labelled.
    pub calls: Vec<Label>,
    /// When the install runs (``when `insecure` is `true` ``).
    pub when: String,
    /// Where the deciding value comes from (``the function parameter `insecure` ``).
    pub origin: String,
    /// What the deciding value waits for in the package phase, with the value that makes the
    /// install run, when it is a parameter or a field (`if insecure`, `if self.insecure`).
    pub waits: Option<(GuardWait, bool)>,
    /// What the package phase found that value to be.
    pub settled: Option<GuardOutcome>,
}

/// The values a guard's parameter or field gets in the package.
#[derive(Clone, Debug)]
pub enum GuardOutcome {
    /// A dangerous constant, given at these places: the install always runs where it is given.
    Constant(Vec<Label>),
    /// A value decided at run time (or no value from the package at all).
    Runtime,
    /// Only safe constants: the install never runs.
    Never,
}

/// A function whose result is a verifier of a known type.
#[derive(Clone, Debug)]
pub struct HelperFact {
    /// The function's name.
    pub name: String,
    /// The type it returns a value of.
    pub target: Vec<String>,
    /// The display path of its file.
    pub path: String,
}

/// A file's contribution to the verifier join.
#[derive(Clone, Debug, Default)]
pub struct VerifierFacts {
    /// The verifier impls.
    pub(crate) verifiers: Vec<VerifierFact>,
    /// The install sites.
    pub(crate) installs: Vec<InstallFact>,
    /// The helper functions returning verifiers.
    pub(crate) helpers: Vec<HelperFact>,
    /// The rules the file's install sites are reported under.
    pub(crate) rules: Option<&'static Rules>,
}

impl VerifierFacts {
    /// The facts other files' install sites need (the impls and helpers), without this file's
    /// own install sites.
    pub fn without_installs(&self) -> VerifierFacts {
        VerifierFacts {
            installs: Vec::new(),
            ..self.clone()
        }
    }

    /// The verifier impls of the file.
    pub fn verifiers(&self) -> &[VerifierFact] {
        &self.verifiers
    }

    /// Whether the file contributes nothing.
    pub fn is_empty(&self) -> bool {
        self.verifiers.is_empty() && self.installs.is_empty() && self.helpers.is_empty()
    }
}

/// The rules the verifier analysis reports under, handed over by the check that runs it.
#[derive(Debug)]
pub(crate) struct Rules {
    /// A server certificate verifier that accepts every certificate (or some invalid ones).
    pub accept_all_server: &'static Rule,
    /// Handshake signatures that are not verified.
    pub unchecked_signature: &'static Rule,
    /// A client certificate verifier that accepts every certificate (or some invalid ones).
    pub accept_all_client: &'static Rule,
    /// A server certificate verifier that ignores the server name.
    pub ignores_hostname: &'static Rule,
    /// An installed verifier whose type is defined outside the linted files.
    pub unanalysed: &'static Rule,
}
