// rustls 0.20/0.21: `rustls::client::`, and only `verify_server_cert` is implemented.
use std::sync::Arc;
use std::time::SystemTime;

use rustls::client::{ServerCertVerified, ServerCertVerifier};
use rustls::{Certificate, ServerName};

pub struct TrustAll;

impl TrustAll {
    pub fn new() -> Self {
        TrustAll
    }
}

impl ServerCertVerifier for TrustAll {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        _: &Certificate,
        _: &[Certificate],
        _: &ServerName,
        _: &mut dyn Iterator<Item = &[u8]>,
        _: &[u8],
        _: SystemTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        return Ok(ServerCertVerified::assertion());
    }
}

pub fn config() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .with_safe_defaults()
        .with_custom_certificate_verifier(Arc::new(TrustAll::new()))
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}
