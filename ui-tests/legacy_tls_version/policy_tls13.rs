//@ min-tls-version 1.3
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(reqwest::tls::Version::TLS_1_2).build()
    //~^ legacy_tls_version
}

fn acceptor() -> Result<openssl::ssl::SslAcceptorBuilder, openssl::error::ErrorStack> {
    openssl::ssl::SslAcceptor::mozilla_intermediate_v5(openssl::ssl::SslMethod::tls())
    //~^ legacy_tls_version
}

fn only13() -> Result<openssl::ssl::SslAcceptorBuilder, openssl::error::ErrorStack> {
    openssl::ssl::SslAcceptor::mozilla_modern_v5(openssl::ssl::SslMethod::tls())
}

fn floor13() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(reqwest::tls::Version::TLS_1_3).build()
}
