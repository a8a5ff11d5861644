//@ level optional_client_auth=warn
use std::sync::Arc;

fn rustls_022(roots: Arc<rustls::RootCertStore>) {
    let _ = rustls::server::WebPkiClientVerifier::builder(roots).allow_unauthenticated().build();
    //~^ optional_client_auth
}

fn rustls_021(roots: rustls::RootCertStore) {
    let _ = rustls::server::AllowAnyAnonymousOrAuthenticatedClient::new(roots);
    //~^ optional_client_auth
}

fn tonic(identity: tonic::transport::Identity, ca: tonic::transport::Certificate) {
    let _ = tonic::transport::ServerTlsConfig::new().identity(identity).client_ca_root(ca).client_auth_optional(true);
    //~^ optional_client_auth
}
