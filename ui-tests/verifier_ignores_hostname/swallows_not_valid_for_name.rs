// sqlx-core 0.8 `NoHostnameTlsVerifier` shape, and the 0.23 `NotValidForNameContext` variant.
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, Error as TlsError};

#[derive(Debug)]
pub struct NoHostnameTlsVerifier {
    verifier: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for NoHostnameTlsVerifier {
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
            Err(TlsError::InvalidCertificate(CertificateError::NotValidForName)) => Ok(ServerCertVerified::assertion()),
            res => res,
        }
    }
}

#[derive(Debug)]
pub struct IgnoreNameContext {
    verifier: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for IgnoreNameContext {
    //~^ verifier_ignores_hostname
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        let result = self.verifier.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now);
        if let Err(TlsError::InvalidCertificate(CertificateError::NotValidForNameContext { .. })) = result {
            return Ok(ServerCertVerified::assertion());
        }
        result
    }
}

pub fn config(verifier: Arc<WebPkiServerVerifier>) -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(NoHostnameTlsVerifier { verifier }))
        //~^ verifier_ignores_hostname
        .with_no_client_auth()
}

// redis 0.32 `AcceptInvalidHostnamesCertVerifier` shape: the test sits in a helper function.
fn is_hostname_error(err: &TlsError) -> bool {
    matches!(
        err,
        TlsError::InvalidCertificate(CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. })
    )
}

#[derive(Debug)]
pub struct AcceptInvalidHostnames {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for AcceptInvalidHostnames {
    //~^ verifier_ignores_hostname
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now).or_else(|err| {
            if is_hostname_error(&err) { Ok(ServerCertVerified::assertion()) } else { Err(err) }
        })
    }
}

#[derive(Debug)]
pub struct GuardedArm {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for GuardedArm {
    //~^ verifier_ignores_hostname
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(e) if is_hostname_error(&e) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }
}
