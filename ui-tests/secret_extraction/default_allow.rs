// `secret_extraction` is `allow` by default.
fn configure(config: &mut rustls::ClientConfig) {
    config.enable_secret_extraction = true;
}
