use std::sync::Arc;

use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::WebPkiClientVerifier;
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{DistinguishedName, Error, RootCertStore};

#[derive(Debug)]
struct Logged {
    inner: Arc<dyn ClientCertVerifier>,
}

impl ClientCertVerifier for Logged {
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, Error> {
        let verified = self.inner.verify_client_cert(end_entity, intermediates, now)?;
        log::info!("client certificate accepted");
        Ok(verified)
    }
}

pub fn server_config(roots: Arc<RootCertStore>) -> Result<rustls::ConfigBuilder<rustls::ServerConfig, rustls::WantsServerCert>, rustls::server::VerifierBuilderError> {
    let inner = WebPkiClientVerifier::builder(roots).build()?;
    Ok(rustls::ServerConfig::builder().with_client_cert_verifier(Arc::new(Logged { inner })))
}
