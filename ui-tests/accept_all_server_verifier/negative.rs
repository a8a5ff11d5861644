// Verifiers that verify: delegation that propagates, pinning with an `Err` branch, rustls's own
// `WebPkiServerVerifier` body, acceptance that depends on the arguments, a stub that panics.
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{WebPkiServerVerifier, verify_server_cert_signed_by_trust_anchor, verify_server_name};
use rustls::crypto::{WebPkiSupportedAlgorithms, verify_tls12_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{DigitallySignedStruct, Error, RootCertStore};

#[derive(Debug)]
struct Delegating {
    inner: Arc<WebPkiServerVerifier>,
    extra_names: Vec<ServerName<'static>>,
}

impl ServerCertVerifier for Delegating {
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
            Err(error) => {
                for name in &self.extra_names {
                    if self.inner.verify_server_cert(end_entity, intermediates, name, ocsp, now).is_ok() {
                        return Ok(ServerCertVerified::assertion());
                    }
                }
                Err(error)
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }
}

#[derive(Debug)]
struct Pinned {
    fingerprint: [u8; 32],
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        if sha256(end_entity.as_ref()) == self.fingerprint {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(Error::General("certificate does not match the pin".into()))
        }
    }
}

#[derive(Debug)]
struct OwnWebPki {
    roots: RootCertStore,
    algs: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for OwnWebPki {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let cert = ParsedCertificate::try_from(end_entity)?;
        verify_server_cert_signed_by_trust_anchor(&cert, &self.roots, intermediates, now, self.algs.all)?;
        verify_server_name(&cert, server_name)?;
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(message, cert, dss, &self.algs)
    }
}

#[derive(Debug)]
struct Stub;

impl ServerCertVerifier for Stub {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        unimplemented!()
    }
}

pub fn config(roots: Arc<RootCertStore>) -> Result<rustls::ClientConfig, Error> {
    let inner = WebPkiServerVerifier::builder(roots).build().map_err(|e| Error::General(e.to_string()))?;
    Ok(rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Delegating { inner, extra_names: Vec::new() }))
        .with_no_client_auth())
}

pub fn pinned(fingerprint: [u8; 32]) -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Pinned { fingerprint }))
        .with_no_client_auth()
}

fn sha256(_: &[u8]) -> [u8; 32] {
    [0; 32]
}

#[derive(Debug)]
struct PinSet {
    pins: Vec<[u8; 32]>,
}

impl ServerCertVerifier for PinSet {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let fingerprint = sha256(end_entity.as_ref());
        if self.pins.contains(&fingerprint) {
            return Ok(ServerCertVerified::assertion());
        }
        match ParsedCertificate::try_from(end_entity) {
            Ok(parsed) if self.pins.iter().any(|p| parsed_matches(&parsed, p)) => Ok(ServerCertVerified::assertion()),
            _ => Err(Error::General("unknown certificate".into())),
        }
    }
}

fn parsed_matches(_: &ParsedCertificate<'_>, _: &[u8; 32]) -> bool {
    false
}
