// Safe settings and mere mentions: none of these is a finding.

const VERIFY: bool = false;

fn defaults() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(false).build()
}

fn negated() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(!true).build()
}

fn constant_false() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(VERIFY).build()
}

fn curl_verifies(easy: &mut curl::easy::Easy) -> Result<(), curl::Error> {
    easy.ssl_verify_peer(true)
}

fn mentions() {
    // danger_accept_invalid_certs(true) in a comment is not a finding
    let doc = "call danger_accept_invalid_certs(true) to break everything";
    println!("{doc}");
}

fn server_acceptor() -> Result<(), openssl::error::ErrorStack> {
    let mut acceptor = openssl::ssl::SslAcceptor::mozilla_intermediate_v5(openssl::ssl::SslMethod::tls())?;
    acceptor.set_verify(openssl::ssl::SslVerifyMode::NONE);
    Ok(())
}

fn tiberius_with_ca(config: &mut tiberius::Config) {
    config.trust_cert_ca("ca.pem");
}

fn compared(mode: redis::TlsMode) -> bool {
    mode == redis::TlsMode::Insecure
}
