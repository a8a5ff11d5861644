// Delegators that turn every error into success, and verifiers whose every branch accepts.
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::Error;

#[derive(Debug)]
struct Swallow {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for Swallow {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Ok(v) => Ok(v),
            Err(e) => {
                log::warn!("ignoring certificate error: {e}");
                Ok(ServerCertVerified::assertion())
            }
        }
    }
}

#[derive(Debug)]
struct OrElse {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for OrElse {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            .or_else(|_| Ok(ServerCertVerified::assertion()))
    }
}

#[derive(Debug)]
struct BothArms;

impl ServerCertVerifier for BothArms {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        if end_entity.is_empty() {
            Ok(ServerCertVerified::assertion())
        } else {
            Ok(ServerCertVerified::assertion())
        }
    }
}

#[derive(Debug)]
struct SomeErrors {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for SomeErrors {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }
}

#[derive(Debug)]
struct SelfSigned {
    inner: Arc<WebPkiServerVerifier>,
    allow_self_signed: bool,
}

impl ServerCertVerifier for SelfSigned {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(e) if matches!(e, Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)) => {
                Ok(ServerCertVerified::assertion())
            }
            Err(_) if self.allow_self_signed => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }
}
