//! Custom rustls verifiers (catalog A3): the verdict on each `impl ServerCertVerifier`/
//! `ServerVerifier`/`ClientCertVerifier` of a file, the places that install a verifier, and the
//! crate-level join that reports each install of a verifier that does not verify. Everything a
//! file contributes to the join is owned data ([`VerifierFacts`]): no syn value leaves the worker.

pub(crate) mod facts;
pub(crate) mod flow;
mod impls;
mod install;
mod join;
pub(crate) mod syntax;

pub use facts::{ExternalVerifier, Side, Verdict, VerifierFact, VerifierFacts};
pub(crate) use facts::{GuardOutcome, HelperFact, InstallFact, InstallGuard, InstallTarget, Rules};
pub(crate) use install::HELPER_RETURN_WORD;
pub(crate) use join::{JoinFile, join_verifiers};

use crate::cx::Cx;
use crate::rule::{Level, Rule};
use crate::sink::Sink;

/// Runs the verifier analysis on one file: reports the impls under `rules` and records the
/// facts (which carry `rules` to the join).
pub(crate) fn check(cx: &Cx<'_>, sink: &mut Sink, rules: &'static Rules) {
    sink.verifier_facts.rules = Some(rules);
    impls::check(cx, sink, rules);
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
pub(crate) fn wording(rules: &Rules, side: Side, verdict: Verdict) -> Option<Wording> {
    let w = match (side, verdict) {
        (_, Verdict::Verifies) | (Side::Client, Verdict::IgnoresHostname) => return None,
        (Side::Server, Verdict::AcceptsAll) => Wording {
            rule: rules.accept_all_server,
            level: Level::Deny,
            impl_message: "certificate verifier accepts every server certificate",
            install_message: "a certificate verifier that accepts every certificate is installed",
            label: "accepts any certificate for any server",
            why: "a verifier that cannot fail lets anyone on the network path impersonate the server",
            help: SERVER_HELP,
        },
        (Side::Server, Verdict::IgnoresHostname) => Wording {
            rule: rules.ignores_hostname,
            level: Level::Deny,
            impl_message: "certificate verifier ignores the server name",
            install_message: "a certificate verifier that ignores the server name is installed",
            label: "accepts a valid certificate issued for any host",
            why: "any certificate from a trusted CA passes, so the owner of any other domain can impersonate the server",
            help: "propagate `NotValidForName`, or call `rustls::client::verify_server_name(&cert, server_name)?` after the chain check",
        },
        (Side::Server, Verdict::RuntimeControlled) => Wording {
            rule: rules.accept_all_server,
            level: Level::Warn,
            impl_message: "certificate verifier can be switched to accept every certificate at run time",
            install_message: "a certificate verifier that can accept every certificate at run time is installed",
            label: "accepts any certificate when a run-time setting says so",
            why: "a setting decided at run time (the verifier's own field, an environment variable) picks the path; when it is taken, any certificate is accepted",
            help: "keep verification unconditional; if an insecure mode is needed for local testing, keep it out of release builds",
        },
        (Side::Server, Verdict::SwallowsSomeErrors) => Wording {
            rule: rules.accept_all_server,
            level: Level::Warn,
            impl_message: "certificate verifier turns some certificate errors into success",
            install_message: "a certificate verifier that accepts some invalid certificates is installed",
            label: "accepts some invalid certificates",
            why: "an untrusted, expired or badly signed certificate is accepted, which is a partial bypass of chain validation",
            help: SERVER_HELP,
        },
        (Side::Client, Verdict::AcceptsAll) => Wording {
            rule: rules.accept_all_client,
            level: Level::Deny,
            impl_message: "client certificate verifier accepts every client certificate",
            install_message: "a client certificate verifier that accepts every certificate is installed",
            label: "accepts any client certificate",
            why: "mutual TLS is bypassed: any client with any self-made certificate is authenticated",
            help: "use `WebPkiClientVerifier::builder(client_ca_roots).build()?`",
        },
        (Side::Client, Verdict::RuntimeControlled | Verdict::SwallowsSomeErrors) => Wording {
            rule: rules.accept_all_client,
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
