// `tls13_disabled` is `allow` by default.
fn modern_v4() -> Result<openssl::ssl::SslAcceptorBuilder, openssl::error::ErrorStack> {
    openssl::ssl::SslAcceptor::mozilla_modern(openssl::ssl::SslMethod::tls())
}
