//! Custom rustls verifiers (catalog A3): the verdict on each `impl ServerCertVerifier`/
//! `ServerVerifier`/`ClientCertVerifier` of a file, the places that install a verifier, and the
//! crate-level join that reports each install of a verifier that does not verify. Everything a
//! file contributes to the join is owned data ([`VerifierFacts`]): no syn value leaves the worker.

pub(crate) mod flow;
mod impls;
mod install;
mod join;
pub(crate) mod syntax;

use std::ops::Range;

pub(crate) use install::HELPER_RETURN_WORD;
pub(crate) use join::{JoinFile, join_verifiers};

use crate::cx::Cx;
use crate::rule::{Level, Rule};
use crate::rules::{
    ACCEPT_ALL_CLIENT_VERIFIER, ACCEPT_ALL_SERVER_VERIFIER, VERIFIER_IGNORES_HOSTNAME,
};
use crate::sink::Sink;

/// Which peer a verifier checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// A client checking the server (`ServerCertVerifier`, `ServerVerifier`).
    Server,
    /// A server checking client certificates (`ClientCertVerifier`).
    Client,
}

/// What a verifier impl was found to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It verifies: delegates and propagates, pins with an `Err` branch, or decides on its arguments.
    Verifies,
    /// Every path accepts, or every error of its delegate is turned into success.
    AcceptsAll,
    /// It checks the chain but not the name, or turns `NotValidForName` into success.
    IgnoresHostname,
    /// It accepts everything when one of its own fields (or another run-time setting) says so.
    RuntimeControlled,
    /// It turns some chain errors (`UnknownIssuer`, `Expired`…) into success.
    SwallowsSomeErrors,
}

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
    /// Whether the impl is test code.
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
    /// Whether the call is test code.
    pub in_test_code: bool,
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
    pub verifiers: Vec<VerifierFact>,
    /// The install sites.
    pub installs: Vec<InstallFact>,
    /// The helper functions returning verifiers.
    pub helpers: Vec<HelperFact>,
}

impl VerifierFacts {
    /// Whether the file contributes nothing.
    pub fn is_empty(&self) -> bool {
        self.verifiers.is_empty() && self.installs.is_empty() && self.helpers.is_empty()
    }
}

/// Runs the verifier analysis on one file: reports the impls and records the facts.
pub(crate) fn check(cx: &Cx<'_>, sink: &mut Sink) {
    impls::check(cx, sink);
    install::collect(cx, sink);
}

/// How a verdict is reported.
pub(crate) struct Wording {
    pub rule: &'static Rule,
    pub level: Level,
    pub impl_message: &'static str,
    pub install_message: &'static str,
    pub label: &'static str,
    pub why: &'static str,
    pub help: &'static str,
}

const SERVER_HELP: &str = "delegate to `WebPkiServerVerifier::builder(roots).build()?` and propagate its result (add a private CA to the `RootCertStore`); to pin a certificate, compare it and return `Err(Error::InvalidCertificate(…))` when it differs";

/// The rule, level and words for a verdict, or `None` when it is not a finding.
pub(crate) fn wording(side: Side, verdict: Verdict) -> Option<Wording> {
    let w = match (side, verdict) {
        (_, Verdict::Verifies) | (Side::Client, Verdict::IgnoresHostname) => return None,
        (Side::Server, Verdict::AcceptsAll) => Wording {
            rule: &ACCEPT_ALL_SERVER_VERIFIER,
            level: Level::Deny,
            impl_message: "certificate verifier accepts every server certificate",
            install_message: "a certificate verifier that accepts every certificate is installed",
            label: "accepts any certificate for any server",
            why: "a verifier that cannot fail lets anyone on the network path impersonate the server",
            help: SERVER_HELP,
        },
        (Side::Server, Verdict::IgnoresHostname) => Wording {
            rule: &VERIFIER_IGNORES_HOSTNAME,
            level: Level::Deny,
            impl_message: "certificate verifier ignores the server name",
            install_message: "a certificate verifier that ignores the server name is installed",
            label: "accepts a valid certificate issued for any host",
            why: "any certificate from a trusted CA passes, so the owner of any other domain can impersonate the server",
            help: "propagate `NotValidForName`, or call `rustls::client::verify_server_name(&cert, server_name)?` after the chain check",
        },
        (Side::Server, Verdict::RuntimeControlled) => Wording {
            rule: &ACCEPT_ALL_SERVER_VERIFIER,
            level: Level::Warn,
            impl_message: "certificate verifier can be switched to accept every certificate at run time",
            install_message: "a certificate verifier that can accept every certificate at run time is installed",
            label: "accepts any certificate when a run-time setting says so",
            why: "a setting decided at run time (the verifier's own field, an environment variable) picks the path; when it is taken, any certificate is accepted",
            help: "keep verification unconditional; if an insecure mode is needed for local testing, keep it out of release builds",
        },
        (Side::Server, Verdict::SwallowsSomeErrors) => Wording {
            rule: &ACCEPT_ALL_SERVER_VERIFIER,
            level: Level::Warn,
            impl_message: "certificate verifier turns some certificate errors into success",
            install_message: "a certificate verifier that accepts some invalid certificates is installed",
            label: "accepts some invalid certificates",
            why: "an untrusted, expired or badly signed certificate is accepted, which is a partial bypass of chain validation",
            help: SERVER_HELP,
        },
        (Side::Client, Verdict::AcceptsAll) => Wording {
            rule: &ACCEPT_ALL_CLIENT_VERIFIER,
            level: Level::Deny,
            impl_message: "client certificate verifier accepts every client certificate",
            install_message: "a client certificate verifier that accepts every certificate is installed",
            label: "accepts any client certificate",
            why: "mutual TLS is bypassed: any client with any self-made certificate is authenticated",
            help: "use `WebPkiClientVerifier::builder(client_ca_roots).build()?`",
        },
        (Side::Client, Verdict::RuntimeControlled | Verdict::SwallowsSomeErrors) => Wording {
            rule: &ACCEPT_ALL_CLIENT_VERIFIER,
            level: Level::Warn,
            impl_message: "client certificate verifier can accept invalid client certificates",
            install_message: "a client certificate verifier that can accept invalid certificates is installed",
            label: "accepts some invalid client certificates",
            why: "mutual TLS is bypassed on the paths that turn a failure into success",
            help: "use `WebPkiClientVerifier::builder(client_ca_roots).build()?` and propagate its result",
        },
    };
    Some(w)
}
