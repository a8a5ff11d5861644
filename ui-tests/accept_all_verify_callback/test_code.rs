// openssl's own test suite shape: an accept-all callback in a `#[test]` is not reported.
#[test]
fn verify_untrusted_callback_override_ok() {
    let mut client = openssl::ssl::SslConnector::builder(openssl::ssl::SslMethod::tls()).expect("openssl");
    client.set_verify_callback(openssl::ssl::SslVerifyMode::PEER, |_, x509| {
        assert!(x509.current_cert().is_some());
        true
    });
}
