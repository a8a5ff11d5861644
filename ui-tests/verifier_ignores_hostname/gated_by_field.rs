// A name error turned into success only when the verifier's own setting also says so
// (`… if is_name_error && self.skip_name_check`) is a run-time switch: TLS110 at warn, as an
// accept-all path under `if self.skip` is. Without the field, it ignores the name: TLS113.
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, Error as TlsError};

#[derive(Debug)]
pub struct OptionalNameCheck {
    skip_name_check: bool,
    verifier: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for OptionalNameCheck {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        match self.verifier.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(TlsError::InvalidCertificate(ref e))
                if *e == CertificateError::NotValidForName && self.skip_name_check =>
            {
                Ok(ServerCertVerified::assertion())
            }
            res => res,
        }
    }
}

#[derive(Debug)]
pub struct NeverNameCheck {
    verifier: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for NeverNameCheck {
    //~^ verifier_ignores_hostname
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        match self.verifier.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(TlsError::InvalidCertificate(ref e)) if *e == CertificateError::NotValidForName => {
                Ok(ServerCertVerified::assertion())
            }
            res => res,
        }
    }
}
