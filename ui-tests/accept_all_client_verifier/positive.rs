use std::sync::Arc;

use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{DistinguishedName, Error};

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

pub fn server_config(certs: Vec<CertificateDer<'static>>, key: rustls::pki_types::PrivateKeyDer<'static>) -> rustls::ServerConfig {
    rustls::ServerConfig::builder()
        .with_client_cert_verifier(Arc::new(AnyClient))
        //~^ accept_all_client_verifier
        .with_single_cert(certs, key)
        .expect("valid key")
}
