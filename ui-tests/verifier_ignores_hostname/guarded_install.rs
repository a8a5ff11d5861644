// A verifier that ignores the server name, installed only under a condition decided at run time
// (redis's `danger_accept_invalid_hostnames`), is a run-time switch: TLS113 at warn, naming the
// condition and its origin, as a guarded accept-all install is TLS110 at warn. Installed
// unconditionally, under a condition that is always true, or under a parameter a caller makes
// true, it stays an error; the impl is graded with its installs.
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, Error as TlsError};

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
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(TlsError::InvalidCertificate(CertificateError::NotValidForName)) => Ok(ServerCertVerified::assertion()),
            res => res,
        }
    }
}

#[derive(Debug)]
pub struct IgnoreName {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for IgnoreName {
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
            Err(TlsError::InvalidCertificate(CertificateError::NotValidForName)) => Ok(ServerCertVerified::assertion()),
            res => res,
        }
    }
}

pub struct TlsParams {
    pub danger_accept_invalid_hostnames: bool,
}

pub fn guarded(
    mut config: rustls::ClientConfig,
    params: &TlsParams,
    insecure: bool,
    inner: Arc<WebPkiServerVerifier>,
) -> rustls::ClientConfig {
    if !insecure && params.danger_accept_invalid_hostnames {
        config.dangerous().set_certificate_verifier(Arc::new(AcceptInvalidHostnames { inner }));
        //~^ verifier_ignores_hostname
    }
    config
}

pub fn unconditional(mut config: rustls::ClientConfig, inner: Arc<WebPkiServerVerifier>) -> rustls::ClientConfig {
    config.dangerous().set_certificate_verifier(Arc::new(IgnoreName { inner }));
    //~^ verifier_ignores_hostname
    config
}

const SKIP_NAME: bool = true;

pub fn always_true(mut config: rustls::ClientConfig, inner: Arc<WebPkiServerVerifier>) -> rustls::ClientConfig {
    if SKIP_NAME {
        config.dangerous().set_certificate_verifier(Arc::new(IgnoreName { inner }));
        //~^ verifier_ignores_hostname
    }
    config
}

fn by_parameter(mut config: rustls::ClientConfig, skip: bool, inner: Arc<WebPkiServerVerifier>) -> rustls::ClientConfig {
    if skip {
        config.dangerous().set_certificate_verifier(Arc::new(IgnoreName { inner }));
        //~^ verifier_ignores_hostname
    }
    config
}

pub fn caller(config: rustls::ClientConfig, inner: Arc<WebPkiServerVerifier>) -> rustls::ClientConfig {
    by_parameter(config, true, inner)
}

// sqlx's shape: the install sits in an `if let Some(auth) = auth` that only unwraps (its `else`
// installs too); the condition named is the one that chooses.
pub fn nested(
    config: rustls::ConfigBuilder<rustls::ClientConfig, rustls::WantsVerifier>,
    accept_invalid_hostnames: bool,
    auth: Option<(Vec<CertificateDer<'static>>, rustls::pki_types::PrivateKeyDer<'static>)>,
    inner: Arc<WebPkiServerVerifier>,
) -> Option<rustls::ClientConfig> {
    if accept_invalid_hostnames {
        if let Some(auth) = auth {
            config
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(AcceptInvalidHostnames { inner }))
                //~^ verifier_ignores_hostname
                .with_client_auth_cert(auth.0, auth.1)
                .ok()
        } else {
            None
        }
    } else {
        None
    }
}
