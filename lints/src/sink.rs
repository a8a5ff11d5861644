//! Where rules put their findings, kept apart from `Cx` so that iterating facts while reporting
//! needs no borrow juggling.

use crate::diagnostic::Diagnostic;
use crate::resolve::Const;
use crate::verifier::VerifierFacts;

/// A finding that depends on a `const`/`static` defined in another file of the crate.
#[derive(Clone, Debug)]
pub struct PendingConst {
    /// The constant's name.
    pub name: String,
    /// The value that makes the finding real.
    pub dangerous: Const,
    /// The finding to report when the constant has that value.
    pub finding: Diagnostic,
    /// The finding to report when no constant of that name is found in the crate.
    pub if_unresolved: Option<Diagnostic>,
}

/// Collects the findings of the rules run on one file.
#[derive(Default)]
pub struct Sink {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) pending: Vec<PendingConst>,
    pub(crate) unless_tls_acceptor: Vec<Diagnostic>,
    pub(crate) tls_acceptor: bool,
    pub(crate) if_grpc_authorization: Vec<Diagnostic>,
    pub(crate) grpc_authorization: Option<std::ops::Range<usize>>,
    pub(crate) verifier_facts: VerifierFacts,
}

impl Sink {
    /// Reports a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Reports a finding that depends on a constant defined elsewhere in the crate.
    pub fn push_pending(&mut self, p: PendingConst) {
        self.pending.push(p);
    }

    /// Reports a finding that stands only if no file of the package sets up a TLS acceptor.
    pub fn push_unless_tls_acceptor(&mut self, d: Diagnostic) {
        self.unless_tls_acceptor.push(d);
    }

    /// Records that this file sets up a TLS acceptor (a server that terminates TLS).
    pub fn mark_tls_acceptor(&mut self) {
        self.tls_acceptor = true;
    }

    /// Reports a finding that stands only if some file of the package puts `authorization`
    /// metadata on gRPC requests (TLS513).
    pub fn push_if_grpc_authorization(&mut self, d: Diagnostic) {
        self.if_grpc_authorization.push(d);
    }

    /// Records where this file puts `authorization` metadata on gRPC requests.
    pub fn mark_grpc_authorization(&mut self, at: std::ops::Range<usize>) {
        self.grpc_authorization.get_or_insert(at);
    }
}
