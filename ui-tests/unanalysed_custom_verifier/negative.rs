//@ level unanalysed_custom_verifier=warn
// Verifiers known to verify, and a verifier whose type the file cannot tell (a parameter).
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::ServerCertVerifier;

pub fn platform(provider: Arc<rustls::crypto::CryptoProvider>) -> Result<rustls::ClientConfig, rustls::Error> {
    Ok(rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(rustls_platform_verifier::Verifier::new(provider)?))
        .with_no_client_auth())
}

pub fn webpki(roots: Arc<rustls::RootCertStore>) -> rustls::ClientConfig {
    let verifier = WebPkiServerVerifier::builder(roots).build().expect("roots");
    rustls::ClientConfig::builder().dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth()
}

pub fn given(verifier: Arc<dyn ServerCertVerifier>) -> rustls::ClientConfig {
    rustls::ClientConfig::builder().dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth()
}
