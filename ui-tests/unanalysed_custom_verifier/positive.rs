//@ level unanalysed_custom_verifier=warn
use std::sync::Arc;

pub fn config() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(other_crate::LenientVerifier::new()))
        //~^ unanalysed_custom_verifier
        .with_no_client_auth()
}
