// s2n-quic 1.x TLS providers: `with_key_logging()` on the s2n-tls and rustls client and server
// builders writes every session secret to `$SSLKEYLOGFILE` when it is set.

use s2n_quic::provider::tls;

fn client(ca: &str) -> Result<tls::default::Client, tls::default::error::Error> {
    tls::default::Client::builder()
        .with_certificate(ca)?
        .with_key_logging()?
        //~^ tls_key_logging
        .build()
}

fn server(cert: &str, key: &str) -> Result<s2n_quic_rustls::Server, s2n_quic_rustls::Error> {
    s2n_quic_rustls::Server::builder()
        .with_certificate(cert, key)?
        .with_key_logging()?
        //~^ tls_key_logging
        .build()
}

// The safe spelling: no key log.
fn quiet_client(ca: &str) -> Result<tls::default::Client, tls::default::error::Error> {
    tls::default::Client::builder().with_certificate(ca)?.build()
}
