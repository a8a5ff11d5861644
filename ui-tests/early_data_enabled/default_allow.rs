// `early_data_enabled` is `allow` by default.
fn client(config: &mut rustls::ClientConfig) {
    config.enable_early_data = true;
}
