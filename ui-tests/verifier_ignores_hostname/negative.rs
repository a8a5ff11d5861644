// The chain and the name are both checked; a delegator that propagates everything.
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::RootCertStore;

#[derive(Debug)]
pub struct Checked {
    roots: RootCertStore,
    algs: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Checked {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let cert = ParsedCertificate::try_from(end_entity)?;
        rustls::client::verify_server_cert_signed_by_trust_anchor(&cert, &self.roots, intermediates, now, self.algs.all)?;
        rustls::client::verify_server_name(&cert, server_name)?;
        Ok(ServerCertVerified::assertion())
    }
}

#[derive(Debug)]
pub struct Propagating {
    verifier: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for Propagating {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.verifier.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(e) => Err(e),
            ok => ok,
        }
    }
}

// rustls-platform-verifier shape: the platform call maps name errors itself and is propagated.
#[derive(Debug)]
pub struct Platform;

impl Platform {
    fn verify_certificate(&self, _end_entity: &CertificateDer<'_>, _server: &str) -> Result<(), rustls::Error> {
        Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
    }
}

impl ServerCertVerifier for Platform {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let server = server_name.to_str();
        match self.verify_certificate(end_entity, &server) {
            Ok(()) => Ok(ServerCertVerified::assertion()),
            Err(e) => {
                log::error!("failed to verify TLS certificate: {}", e);
                Err(e)
            }
        }
    }
}

#[derive(Debug)]
pub struct PlatformIf;

impl PlatformIf {
    fn verify_certificate(&self, _end_entity: &CertificateDer<'_>) -> Result<(), rustls::Error> {
        Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
    }
}

impl ServerCertVerifier for PlatformIf {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self.verify_certificate(end_entity).is_ok() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::General("rejected".into()))
        }
    }
}
