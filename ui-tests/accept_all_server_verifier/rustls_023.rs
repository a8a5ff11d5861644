use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, Error, SignatureScheme};

#[derive(Debug)]
struct NoVerifier;

impl ServerCertVerifier for NoVerifier {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        vec![SignatureScheme::ECDSA_NISTP256_SHA256, SignatureScheme::ED25519]
    }
}

pub fn insecure_config() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(NoVerifier))
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}

pub fn insecure_config_via_let(mut config: rustls::ClientConfig) -> rustls::ClientConfig {
    let verifier = Arc::new(NoVerifier);
    config.dangerous().set_certificate_verifier(verifier);
    //~^ accept_all_server_verifier
    config
}

pub fn maybe_insecure(insecure: bool, roots: Arc<rustls::RootCertStore>) -> rustls::ClientConfig {
    let verifier: Arc<dyn ServerCertVerifier> = if insecure {
        Arc::new(NoVerifier)
    } else {
        rustls::client::WebPkiServerVerifier::builder(roots).build().expect("valid roots")
    };
    rustls::ClientConfig::builder().dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth()
    //~^ accept_all_server_verifier
}

#[derive(Debug)]
struct LogOnly;

impl ServerCertVerifier for LogOnly {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let cert = rustls::server::ParsedCertificate::try_from(end_entity)?;
        log::info!("connecting to {server_name:?} with {:?}", cert.subject_public_key_info());
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(&self, m: &[u8], c: &CertificateDer<'_>, d: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, Error> {
        rustls::crypto::verify_tls12_signature(m, c, d, &rustls::crypto::ring::default_provider().signature_verification_algorithms)
    }
}
