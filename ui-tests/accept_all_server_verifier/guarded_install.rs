// A verifier that accepts everything, installed only under a condition decided at run time
// (`if`, `if let`, a `match` arm, the branch of an `if` expression), is a run-time switch (warn),
// like `if insecure { danger_accept_invalid_certs(true) }`; installed unconditionally it stays an
// error. A condition on a parameter is settled by the callers, as for the setter: a caller that
// passes `true` makes it an error, callers that all pass `false` make no finding.
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct SkipChecks;

impl ServerCertVerifier for SkipChecks {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}

#[derive(Debug)]
pub struct AlwaysSkip;

impl ServerCertVerifier for AlwaysSkip {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}

pub struct Options {
    pub skip_verify: Option<bool>,
}

pub fn set_when_asked(roots: RootCertStore, skip_verify: bool) -> rustls::ClientConfig {
    let mut config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    if skip_verify {
        config
            .dangerous()
            .set_certificate_verifier(Arc::new(SkipChecks));
        //~^ accept_all_server_verifier
    }
    config
}

pub fn if_let_field(roots: RootCertStore, options: &Options) -> rustls::ClientConfig {
    let mut config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    if let Some(true) = options.skip_verify {
        config
            .dangerous()
            .set_certificate_verifier(Arc::new(SkipChecks));
        //~^ accept_all_server_verifier
    }
    config
}

pub fn branch_of_if_expression(roots: RootCertStore, skip_verify: bool) -> rustls::ClientConfig {
    let builder = rustls::ClientConfig::builder();
    let builder = if skip_verify {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(SkipChecks))
        //~^ accept_all_server_verifier
    } else {
        builder.with_root_certificates(roots)
    };
    builder.with_no_client_auth()
}

pub fn match_arm(roots: RootCertStore, skip_verify: bool) -> rustls::ClientConfig {
    let mut config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    match (skip_verify, cfg!(debug_assertions)) {
        (true, true) => config
            .dangerous()
            .set_certificate_verifier(Arc::new(SkipChecks)),
        //~^ accept_all_server_verifier
        _ => {}
    }
    config
}

pub fn always(roots: RootCertStore) -> rustls::ClientConfig {
    let mut config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    config
        .dangerous()
        .set_certificate_verifier(Arc::new(AlwaysSkip));
    //~^ accept_all_server_verifier
    config
}

fn helper(roots: RootCertStore, skip_verify: bool) -> rustls::ClientConfig {
    let mut config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    if skip_verify {
        config
            .dangerous()
            .set_certificate_verifier(Arc::new(AlwaysSkip));
        //~^ accept_all_server_verifier
    }
    config
}

pub fn lenient(roots: RootCertStore) -> rustls::ClientConfig {
    helper(roots, true)
}

fn negated(roots: RootCertStore, verify: bool) -> rustls::ClientConfig {
    let builder = rustls::ClientConfig::builder();
    let builder = if !verify {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AlwaysSkip))
        //~^ accept_all_server_verifier
    } else {
        builder.with_root_certificates(roots)
    };
    builder.with_no_client_auth()
}

pub fn unverified(roots: RootCertStore) -> rustls::ClientConfig {
    negated(roots, false)
}

pub fn strict(roots: RootCertStore) -> rustls::ClientConfig {
    helper(roots, false)
}

fn never_asked(roots: RootCertStore, skip_verify: bool) -> rustls::ClientConfig {
    let mut config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    if skip_verify {
        config
            .dangerous()
            .set_certificate_verifier(Arc::new(AlwaysSkip));
    }
    config
}

pub fn only_strict(roots: RootCertStore) -> rustls::ClientConfig {
    never_asked(roots, false)
}
