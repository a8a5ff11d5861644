// A client verifier that accepts every certificate, chosen at run time against one that
// verifies, is a run-time switch (warn); chosen against `NoClientAuth`, which asks for no
// certificate at all, no path verifies and it stays an error.
use std::sync::Arc;

use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::{NoClientAuth, WebPkiClientVerifier};
use rustls::{DistinguishedName, Error, RootCertStore};

#[derive(Debug)]
struct AnyClient;

impl ClientCertVerifier for AnyClient {
    //~^ accept_all_client_verifier
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, Error> {
        Ok(ClientCertVerified::assertion())
    }
}

pub fn against_a_verifier(lenient: bool, roots: Arc<RootCertStore>) -> rustls::ConfigBuilder<rustls::ServerConfig, rustls::WantsServerCert> {
    let verifier: Arc<dyn ClientCertVerifier> = if lenient {
        Arc::new(AnyClient)
    } else {
        WebPkiClientVerifier::builder(roots).build().expect("roots")
    };
    rustls::ServerConfig::builder().with_client_cert_verifier(verifier)
    //~^ accept_all_client_verifier
}

pub fn against_no_client_auth(lenient: bool) -> rustls::ConfigBuilder<rustls::ServerConfig, rustls::WantsServerCert> {
    let verifier: Arc<dyn ClientCertVerifier> = if lenient {
        Arc::new(AnyClient)
    } else {
        NoClientAuth::boxed()
    };
    rustls::ServerConfig::builder().with_client_cert_verifier(verifier)
    //~^ accept_all_client_verifier
}
