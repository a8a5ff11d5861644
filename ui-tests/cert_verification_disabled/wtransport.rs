// wtransport 0.7 `ClientConfigBuilder::with_no_cert_validation()` (cargo feature
// `dangerous-configuration`) installs a verifier that accepts any server certificate.

use wtransport::ClientConfig;

fn insecure() -> ClientConfig {
    ClientConfig::builder()
        .with_bind_default()
        .with_no_cert_validation()
        //~^ cert_verification_disabled
        .build()
}

// The safe spellings: the platform's roots, or a pinned certificate hash.
fn native_roots() -> ClientConfig {
    ClientConfig::builder().with_bind_default().with_native_certs().build()
}

fn pinned(hash: wtransport::tls::Sha256Digest) -> ClientConfig {
    ClientConfig::builder()
        .with_bind_default()
        .with_server_certificate_hashes([hash])
        .build()
}
