// rustls 0.19: the traits are re-exported at the crate root.
use std::sync::Arc;

struct DangerVerifier {}

impl rustls::ServerCertVerifier for DangerVerifier {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        _roots: &rustls::RootCertStore,
        _presented_certs: &[rustls::Certificate],
        _dns_name: webpki::DNSNameRef<'_>,
        _ocsp: &[u8],
    ) -> Result<rustls::ServerCertVerified, rustls::TLSError> {
        log::warn!("skipping certificate verification");
        Ok(rustls::ServerCertVerified::assertion())
    }
}

pub fn config() -> rustls::ClientConfig {
    let mut config = rustls::ClientConfig::new();
    config.dangerous().set_certificate_verifier(Arc::new(DangerVerifier {}));
    //~^ accept_all_server_verifier
    config
}
