//@ level secret_extraction=warn
fn configure(config: &mut rustls::ClientConfig) {
    config.enable_secret_extraction = false;
}
