// A verifier that accepts everything, installed only where a run-time choice picks it over one
// that verifies, is a run-time switch (warn), like `if insecure { danger_accept_invalid_certs(true) }`;
// installed unconditionally anywhere, it stays an error.
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct NoVerify;

impl ServerCertVerifier for NoVerify {
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
pub struct AlsoNoVerify;

impl ServerCertVerifier for AlsoNoVerify {
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

fn verifier(insecure: bool, roots: Arc<RootCertStore>) -> Arc<dyn ServerCertVerifier> {
    if insecure {
        Arc::new(NoVerify)
    } else {
        WebPkiServerVerifier::builder(roots).build().expect("verifier")
    }
}

pub fn helper_choice(insecure: bool, roots: Arc<RootCertStore>) -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(verifier(insecure, roots))
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}

pub fn local_choice(insecure: bool, roots: Arc<RootCertStore>) -> rustls::ClientConfig {
    let chosen: Arc<dyn ServerCertVerifier> = if insecure {
        Arc::new(AlsoNoVerify)
    } else {
        WebPkiServerVerifier::builder(roots).build().expect("verifier")
    };
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(chosen)
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}

pub fn always() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AlsoNoVerify))
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}
