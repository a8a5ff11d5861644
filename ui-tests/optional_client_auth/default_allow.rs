// `optional_client_auth` is `allow` by default.
fn rustls_022(roots: std::sync::Arc<rustls::RootCertStore>) {
    let _ = rustls::server::WebPkiClientVerifier::builder(roots).allow_unauthenticated().build();
}
