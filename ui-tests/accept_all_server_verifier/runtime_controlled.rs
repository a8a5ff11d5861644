use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct MaybeVerify {
    skip: bool,
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for MaybeVerify {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self.skip {
            Ok(ServerCertVerified::assertion())
        } else {
            self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        }
    }
}

pub fn config(verifier: MaybeVerify) -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth()
}

#[derive(Debug)]
pub struct EnvSwitch {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for EnvSwitch {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if std::env::var_os("INSECURE_TLS").is_some() {
            return Ok(ServerCertVerified::assertion());
        }
        self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
    }
}

pub fn env_config(inner: Arc<WebPkiServerVerifier>) -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(EnvSwitch { inner }))
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}
